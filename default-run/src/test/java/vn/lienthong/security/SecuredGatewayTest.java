package vn.lienthong.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.support.GatewayTest;

/**
 * The whole gateway as {@link GatewayTest} runs it, with JMX on (the console's gateway, Camel and Artemis MBeans exist,
 * as in a real run), metrics for Prometheus, bearer tokens from a locally generated issuer key ({@link TestTokens}), and a short failed-login
 * window. One application for every security test.
 */
@DisableJmx(false)
@AutoConfigureObservability(tracing = false)
@TestPropertySource(locations = "classpath:security/clients.properties", properties = {
        "spring.jmx.enabled=true",
        "spring.artemis.embedded.server-id=12",
        "camel.servlet.mapping.servlet-name=CamelServletSecurityTest",
        "camel.component.servlet.servlet-name=CamelServletSecurityTest",
        "lienthong.security.failed-logins.limit=50",
        "lienthong.security.failed-logins.window=3s",
        "lienthong.security.bearer-tokens.issuer=" + TestTokens.ISSUER,
        "lienthong.security.bearer-tokens.audience=" + TestTokens.AUDIENCE,
})
public abstract class SecuredGatewayTest extends GatewayTest {

    @DynamicPropertySource
    static void issuerKey(DynamicPropertyRegistry registry) {
        registry.add("lienthong.security.bearer-tokens.public-key", () -> "file:" + TestTokens.publicKeyFile());
    }

    protected static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-password")
                .getBytes(StandardCharsets.UTF_8));
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
