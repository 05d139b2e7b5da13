package vn.lienthong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A fresh PKCS#12 signing key made with the JDK's keytool: what production would configure instead of the DEV key. */
public final class SigningKeys {

    public static final String PASSWORD = "test-signing-password";
    public static final String ALIAS = "hungyen";

    private SigningKeys() {
    }

    /** Creates the PKCS#12 file {@code keystore} (RSA 2048, self-signed, "CN=UBND tinh Hung Yen (TEST)"), replacing it. */
    public static Path generate(Path keystore) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "365",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-keypass", PASSWORD, "-dname", "CN=UBND tinh Hung Yen (TEST), O=UBND tinh Hung Yen, C=VN");
        try {
            Files.createDirectories(keystore.toAbsolutePath().getParent());
            Files.deleteIfExists(keystore);
            Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
