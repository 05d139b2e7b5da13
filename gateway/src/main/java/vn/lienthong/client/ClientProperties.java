package vn.lienthong.client;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provincial systems allowed to send messages, under {@code lienthong.clients}.
 *
 * @param systems every configured client system
 */
@ConfigurationProperties(prefix = "lienthong.clients")
public record ClientProperties(List<ClientSystem> systems) {

    public ClientProperties {
        systems = systems == null ? List.of() : List.copyOf(systems);
    }

    /**
     * One client system.
     *
     * @param id                  stable name, shown in tracking and logs (and the value of a bearer token's client
     *                            claim)
     * @param apiKey              a plaintext key sent in the {@code X-API-Key} header: the default run only (the prod
     *                            profile refuses it)
     * @param apiKeyHashes        the keys it may send, as {@code sha256:<hex>} (two during a key rotation); print one
     *                            with {@code vn.lienthong.client.ApiKeyHash}
     * @param unitCodes           unit codes (madonvi) and organs the client may act for
     * @param inputFormat         name of the folder under {@code mappings/} that describes its JSON
     * @param kinds               the message kinds it may send ({@code dossier}, {@code progress}, {@code document},
     *                            {@code document-status}, and kinds of later flows): an open set of names
     * @param roles               extra rights: {@code operator} may list and replay dead letters and sees every trail
     * @param certificateSubjects subjects (distinguished names) of the client certificates that identify it (mTLS)
     * @param sharedWith          other clients that may also update the dossiers this one created and add their
     *                            progress (a one-stop system and its successor after a merger)
     */
    public record ClientSystem(String id, String apiKey, List<String> apiKeyHashes, Set<String> unitCodes,
                               String inputFormat, Set<String> kinds, Set<String> roles,
                               List<String> certificateSubjects, Set<String> sharedWith) {

        public static final String OPERATOR = "operator";

        public ClientSystem {
            apiKeyHashes = apiKeyHashes == null ? List.of() : List.copyOf(apiKeyHashes);
            unitCodes = unitCodes == null ? Set.of() : Set.copyOf(unitCodes);
            kinds = kinds == null ? Set.of() : kinds.stream().map(k -> k.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            certificateSubjects = certificateSubjects == null ? List.of() : List.copyOf(certificateSubjects);
            sharedWith = sharedWith == null ? Set.of() : Set.copyOf(sharedWith);
        }

        /** A client known by name only (a console user calling the API): no keys, no kinds, no units. */
        public static ClientSystem named(String id, Set<String> roles) {
            return new ClientSystem(id, null, null, null, null, null, roles, null, null);
        }

        public boolean isOperator() {
            return roles.contains(OPERATOR);
        }

        public boolean maySendFor(String unitCode) {
            return unitCodes.contains(unitCode);
        }

        /** {@code kind} as the API names it: {@code dossier}, {@code document-status}, ... */
        public boolean maySend(String kind) {
            return kinds.contains(kind);
        }
    }
}
