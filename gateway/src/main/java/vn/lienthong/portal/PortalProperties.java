package vn.lienthong.portal;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.lienthong.http.OAuth2ClientProperties;

/**
 * How the gateway reaches the national public service portal (DVCQG), under {@code lienthong.portal}.
 *
 * @param authUrl              URL that exchanges username/password for a session
 * @param integrationUrl       the one URL every service call is posted to
 * @param username             portal account (from the environment in production)
 * @param password             portal password (from the environment in production; never logged)
 * @param dstcode              the province's code, sent as the {@code dstcode} header on login
 * @param connectTimeout       TCP connect timeout
 * @param requestTimeout       time allowed for one answer
 * @param successCodes         {@code error_code} values meaning success (versions answer 0 or "00")
 * @param sessionInvalidCodes  {@code error_code} values meaning "log in again"
 * @param alreadyExistsPattern regular expression on the reply message meaning "dossier already exists"
 * @param batchSize            most messages one call carries in its {@code data} array when consumers post at the
 *                             same moment ({@link PortalBatches}); 1 = one message per call
 * @param callsInFlight        most calls of one service and unit at once; consumers beyond them wait and go together
 *                             in the next call (keep {@code callsInFlight x batchSize >= consumers})
 * @param oauth2               an OAuth2 client-credentials token on every call (login included), for a portal behind
 *                             the province's LGSP; off by default
 */
@ConfigurationProperties(prefix = "lienthong.portal")
public record PortalProperties(
        URI authUrl,
        URI integrationUrl,
        String username,
        String password,
        String dstcode,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue({"0", "00"}) List<String> successCodes,
        @DefaultValue("-1") List<String> sessionInvalidCodes,
        @DefaultValue("(?i)already exists|đã tồn tại") String alreadyExistsPattern,
        @DefaultValue("10") int batchSize,
        @DefaultValue("2") int callsInFlight,
        OAuth2ClientProperties oauth2) {

    @ConstructorBinding
    public PortalProperties {
        oauth2 = oauth2 == null ? OAuth2ClientProperties.disabled() : oauth2;
    }

    /** Without an LGSP in front of the portal. */
    public PortalProperties(URI authUrl, URI integrationUrl, String username, String password, String dstcode,
                            Duration connectTimeout, Duration requestTimeout, List<String> successCodes,
                            List<String> sessionInvalidCodes, String alreadyExistsPattern, int batchSize,
                            int callsInFlight) {
        this(authUrl, integrationUrl, username, password, dstcode, connectTimeout, requestTimeout, successCodes,
                sessionInvalidCodes, alreadyExistsPattern, batchSize, callsInFlight, null);
    }

    @Override
    public String toString() {
        return "PortalProperties[authUrl=" + authUrl + ", integrationUrl=" + integrationUrl + ", username=" + username
                + ", dstcode=" + dstcode + ", batchSize=" + batchSize + ", callsInFlight=" + callsInFlight + ", oauth2="
                + oauth2 + "]";
    }
}
