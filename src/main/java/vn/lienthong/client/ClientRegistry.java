package vn.lienthong.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.lienthong.client.ClientProperties.ClientSystem;

/** Finds the client system behind an API key. Keys are compared by their SHA-256 so lookups do not leak timing. */
@Component
public class ClientRegistry {

    private final Map<String, ClientSystem> byKeyDigest = new HashMap<>();

    public ClientRegistry(ClientProperties properties) {
        for (ClientSystem system : properties.systems()) {
            if (system.id() == null || system.apiKey() == null || system.apiKey().isBlank()) {
                throw new IllegalStateException("lienthong.clients.systems: every client needs an id and an api-key");
            }
            if (byKeyDigest.put(digest(system.apiKey()), system) != null) {
                throw new IllegalStateException("lienthong.clients.systems: two clients share the API key of " + system.id());
            }
        }
    }

    public Optional<ClientSystem> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyDigest.get(digest(apiKey)));
    }

    public Iterable<ClientSystem> all() {
        return byKeyDigest.values();
    }

    private static String digest(String apiKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
