package vn.lienthong.axis;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.lienthong.http.OAuth2ClientProperties;

/**
 * How the gateway reaches the national document axis, under {@code lienthong.axis}.
 *
 * @param transport      which of the axis's transports the gateway speaks (one {@link AxisTransport} bean)
 * @param baseUrl        JSON transport: the URL the calls ({@code /sendEdoc}, {@code /getEdoc}, ...) are appended to
 * @param soapUrl        SOAP transport: the knobstick endpoint's address
 * @param systemId       the gateway's account on the axis ({@code systemid} header, SOAP SystemId)
 * @param secret         its secret ({@code secret} header, SOAP Secret); never logged
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout time allowed for one call, upload of the file included: documents reach ~70 MB
 * @param oauth2         an OAuth2 client-credentials token on every call (besides systemid/secret), for an axis
 *                       behind the province's LGSP; off by default
 */
@ConfigurationProperties(prefix = "lienthong.axis")
public record AxisProperties(
        @DefaultValue("JSON") Transport transport,
        URI baseUrl,
        URI soapUrl,
        @DefaultValue("lienthong") String systemId,
        @DefaultValue("dev-axis-secret") String secret,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("5m") Duration requestTimeout,
        OAuth2ClientProperties oauth2) {

    /** The secret the simulator ships with: fine on a developer's machine, refused in production. */
    public static final String DEV_SECRET = "dev-axis-secret";

    /** The axis's two transports: JSON over HTTP (current) and SOAP with MTOM (older "knobstick" actions). */
    public enum Transport {
        JSON, SOAP
    }

    @ConstructorBinding
    public AxisProperties {
        oauth2 = oauth2 == null ? OAuth2ClientProperties.disabled() : oauth2;
        // checked here so a missing URL fails at start, naming the setting, not at the first call
        if (transport == Transport.JSON && baseUrl == null) {
            throw new IllegalArgumentException("lienthong.axis.base-url must be set for the JSON transport");
        }
        if (transport == Transport.SOAP && soapUrl == null) {
            throw new IllegalArgumentException("lienthong.axis.soap-url must be set for the SOAP transport");
        }
    }

    /** Without an LGSP in front of the axis. */
    public AxisProperties(Transport transport, URI baseUrl, URI soapUrl, String systemId, String secret,
                          Duration connectTimeout, Duration requestTimeout) {
        this(transport, baseUrl, soapUrl, systemId, secret, connectTimeout, requestTimeout, null);
    }

    @Override
    public String toString() {
        return "AxisProperties[transport=" + transport + ", baseUrl=" + baseUrl + ", soapUrl=" + soapUrl
                + ", systemId=" + systemId + ", connectTimeout=" + connectTimeout + ", requestTimeout="
                + requestTimeout + ", oauth2=" + oauth2 + "]";
    }
}
