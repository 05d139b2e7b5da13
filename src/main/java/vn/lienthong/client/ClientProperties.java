package vn.lienthong.client;

import java.util.List;
import java.util.Set;

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
     * @param id          stable name, shown in tracking and logs
     * @param apiKey      secret sent in the {@code X-API-Key} header
     * @param unitCodes   unit codes (madonvi) the client may send for
     * @param inputFormat name of the folder under {@code mappings/} that describes its JSON
     * @param roles       extra rights: {@code operator} may list and replay dead letters
     */
    public record ClientSystem(String id, String apiKey, Set<String> unitCodes, String inputFormat,
                               Set<String> roles) {

        public static final String OPERATOR = "operator";

        public ClientSystem {
            unitCodes = unitCodes == null ? Set.of() : Set.copyOf(unitCodes);
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        public boolean isOperator() {
            return roles.contains(OPERATOR);
        }

        public boolean maySendFor(String unitCode) {
            return unitCodes.contains(unitCode);
        }
    }
}
