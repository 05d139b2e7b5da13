package vn.lienthong.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.security.auth.x500.X500Principal;

import org.springframework.stereotype.Component;

import vn.lienthong.client.ClientProperties.ClientSystem;

/**
 * Finds the client system behind an API key (by its SHA-256, so configuration holds no key and lookups do not leak
 * timing), a client certificate's subject, or its id.
 */
@Component
public class ClientRegistry {

    private final Map<String, ClientSystem> byKeyHash = new HashMap<>();
    private final Map<String, ClientSystem> bySubject = new HashMap<>();
    private final Map<String, ClientSystem> byId = new HashMap<>();

    public ClientRegistry(ClientProperties properties) {
        for (ClientSystem system : properties.systems()) {
            if (system.id() == null || system.id().isBlank()) {
                throw new IllegalStateException("lienthong.clients.systems: every client needs an id");
            }
            if (byId.put(system.id(), system) != null) {
                throw new IllegalStateException("lienthong.clients.systems: two clients are called " + system.id());
            }
            for (String hash : keyHashes(system)) {
                if (byKeyHash.put(hash, system) != null) {
                    throw new IllegalStateException("lienthong.clients.systems: two clients share an API key ("
                            + system.id() + ")");
                }
            }
            for (String subject : system.certificateSubjects()) {
                if (bySubject.put(canonical(subject), system) != null) {
                    throw new IllegalStateException("lienthong.clients.systems: two clients share the certificate "
                            + "subject " + subject);
                }
            }
        }
    }

    /** The hashes of every key of a client, its plaintext key (default run only) included. */
    static List<String> keyHashes(ClientSystem system) {
        List<String> hashes = new ArrayList<>();
        if (system.apiKey() != null && !system.apiKey().isBlank()) {
            hashes.add(ApiKeyHash.of(system.apiKey()));
        }
        for (String configured : system.apiKeyHashes()) {
            String hash = ApiKeyHash.normalise(configured);
            if (hash == null) {
                throw new IllegalStateException("lienthong.clients.systems: client " + system.id()
                        + " has an api-key-hashes entry that is not sha256:<64 hex digits>");
            }
            hashes.add(hash);
        }
        return hashes;
    }

    public Optional<ClientSystem> byApiKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(ApiKeyHash.of(apiKey)));
    }

    public Optional<ClientSystem> byCertificateSubject(X500Principal subject) {
        return Optional.ofNullable(bySubject.get(subject.getName(X500Principal.CANONICAL)));
    }

    public Optional<ClientSystem> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Iterable<ClientSystem> all() {
        return byId.values();
    }

    private static String canonical(String subject) {
        try {
            return new X500Principal(subject).getName(X500Principal.CANONICAL);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lienthong.clients.systems: certificate subject '" + subject
                    + "' is not a distinguished name", e);
        }
    }
}
