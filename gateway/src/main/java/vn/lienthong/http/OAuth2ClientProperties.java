package vn.lienthong.http;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An OAuth2 client-credentials grant for calls that go through a province's LGSP (API gateway): under
 * {@code lienthong.portal.oauth2} and {@code lienthong.axis.oauth2}. Off by default; when on, every call carries
 * {@code Authorization: Bearer <token>} besides the system's own credentials.
 *
 * @param enabled              ask for and send a token
 * @param tokenUrl             the token endpoint
 * @param clientId             the gateway's client id at the LGSP
 * @param clientSecret         its secret (never logged)
 * @param scope                space-separated scopes to ask for (none when empty)
 * @param audience             an {@code audience} parameter, for token endpoints that want one (none when empty)
 * @param clientAuthentication how the client authenticates at the token endpoint: HTTP Basic (RFC 6749's default)
 *                             or {@code client_id}/{@code client_secret} in the form
 * @param renewBefore          a token is renewed this long before it expires
 * @param timeout              connecting to the token endpoint and its answer
 */
public record OAuth2ClientProperties(
        @DefaultValue("false") boolean enabled,
        URI tokenUrl,
        String clientId,
        String clientSecret,
        String scope,
        String audience,
        @DefaultValue("BASIC") ClientAuthentication clientAuthentication,
        @DefaultValue("30s") Duration renewBefore,
        @DefaultValue("10s") Duration timeout) {

    /** {@code client_secret_basic} or {@code client_secret_post}. */
    public enum ClientAuthentication {
        BASIC, POST
    }

    /** Off: no token is asked for or sent. */
    public static OAuth2ClientProperties disabled() {
        return new OAuth2ClientProperties(false, null, null, null, null, null, ClientAuthentication.BASIC,
                Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public OAuth2ClientProperties {
        if (enabled && (tokenUrl == null || isBlank(clientId) || isBlank(clientSecret))) {
            throw new IllegalArgumentException("an enabled oauth2 client needs token-url, client-id and client-secret");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "OAuth2ClientProperties[enabled=" + enabled + ", tokenUrl=" + tokenUrl + ", clientId=" + clientId
                + ", scope=" + scope + ", audience=" + audience + ", clientAuthentication=" + clientAuthentication + "]";
    }
}
