package vn.lienthong.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * How an API key is stored in configuration: {@code sha256:<hex>} of its UTF-8 bytes. Keys are long random strings, so
 * one round of SHA-256 is enough to keep them out of configuration files, and an exact hash lets the gateway find the
 * client in one map lookup per request.
 * <p>
 * As a command (README "Clients"): prints a new random key and its hash, or the hash of the key read from standard
 * input: {@code java -cp gateway/target/classes vn.lienthong.client.ApiKeyHash [--stdin]}.
 */
public final class ApiKeyHash {

    public static final String PREFIX = "sha256:";

    private ApiKeyHash() {
    }

    public static String of(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A configured hash, normalised (lower-case hex); {@code null} when it is not a {@code sha256:} hash. */
    public static String normalise(String configured) {
        if (configured == null) {
            return null;
        }
        String value = configured.trim().toLowerCase(java.util.Locale.ROOT);
        if (!value.startsWith(PREFIX) || !value.substring(PREFIX.length()).matches("[0-9a-f]{64}")) {
            return null;
        }
        return value;
    }

    /** A new key: 32 random bytes, URL-safe base64 (43 characters). */
    public static String newKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--stdin")) {
            String key = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (key == null || key.isBlank()) {
                System.err.println("no key on standard input");
                System.exit(2);
            }
            System.out.println(of(key.strip()));
            return;
        }
        if (args.length != 0) {
            System.err.println("usage: ApiKeyHash            (a new key and its hash)");
            System.err.println("       ApiKeyHash --stdin    (the hash of the key on standard input)");
            System.exit(2);
        }
        String key = newKey();
        System.out.println("api key (give it to the client):  " + key);
        System.out.println("api-key-hashes entry (configure): " + of(key));
    }
}
