package vn.lienthong.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Who may log in and how, under {@code lienthong.security} (client systems are under {@code lienthong.clients}).
 *
 * @param users         console and operator users (Hawtio's login form, HTTP Basic on Jolokia, the actuator and the
 *                      API's operator calls)
 * @param console       what the console accepts besides its own origin
 * @param failedLogins  the limit on wrong credentials per source address
 * @param bearerTokens  OAuth2 bearer tokens (JWT) for client systems; off while {@code issuer} is empty
 */
@ConfigurationProperties(prefix = "lienthong.security")
public record AccessProperties(List<User> users, Console console, FailedLogins failedLogins,
                               BearerTokens bearerTokens) {

    public AccessProperties {
        users = users == null ? List.of() : List.copyOf(users);
        console = console == null ? new Console(null) : console;
        failedLogins = failedLogins == null ? new FailedLogins(50, Duration.ofSeconds(10)) : failedLogins;
        bearerTokens = bearerTokens == null ? new BearerTokens(null, null, null, null, null) : bearerTokens;
    }

    /**
     * @param name     the login name
     * @param password Spring Security's stored form: {@code {bcrypt}...} (or {@code {noop}<plaintext>}, which the prod
     *                 profile refuses)
     * @param roles    its roles (viewer, operator, admin, ...)
     */
    public record User(String name, String password, Set<String> roles) {
        public User {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }
    }

    /** @param allowedOrigins origins (scheme://host:port) besides the console's own that may call it (none by default) */
    public record Console(List<String> allowedOrigins) {
        public Console {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * @param limit  wrong credentials from one source address within {@code window} before it gets 429
     * @param window how long failures are counted (and how long a source stays refused)
     */
    public record FailedLogins(int limit, Duration window) {
    }

    /**
     * @param issuer         the {@code iss} tokens must carry (empty: bearer tokens are not accepted)
     * @param audience       an {@code aud} the tokens must contain
     * @param clientClaim    the claim naming the client system (its id)
     * @param jwkSetUri      where the issuer publishes its keys, or
     * @param publicKey      a PEM RSA public key the tokens are signed with
     */
    public record BearerTokens(String issuer, String audience, String clientClaim, String jwkSetUri,
                               Resource publicKey) {
        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }
}
