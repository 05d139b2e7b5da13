package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.support.Http;

/**
 * The actuator on a management port of its own, as the prod profile runs it ({@code management.server.port}), with
 * {@code env} and {@code threaddump} exposed as an administrator might: health, prometheus and info open; the other
 * endpoints for operators; the JVM's and the configuration's for admins only, never an operator or a viewer. The
 * server port keeps the API and serves no actuator. Its own broker and servlet, no JMX; closed when done.
 */
@DisableJmx
@TestPropertySource(properties = {
        // the security tests' gateway stays open beside this one and holds the gateway's MBean names
        "spring.jmx.enabled=false",
        "management.server.port=0",
        "management.server.address=127.0.0.1",
        "management.endpoints.web.exposure.include=health,info,metrics,prometheus,camelroutes,hawtio,jolokia,env,threaddump",
        "spring.artemis.embedded.server-id=5",
        "camel.servlet.mapping.servlet-name=CamelServletManagementPortTest",
        "camel.component.servlet.servlet-name=CamelServletManagementPortTest",
        "lienthong.documents.poll-interval=3600000"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ManagementPortTest extends SecuredGatewayTest {

    @LocalManagementPort
    int managementPort;

    @Test
    void healthPrometheusAndInfoAreOpenOnTheManagementPort() {
        for (String path : List.of("/actuator/health", "/actuator/prometheus", "/actuator/info")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theOtherEndpointsAreForOperators() {
        for (String path : List.of("/actuator/metrics", "/actuator/camelroutes", "/actuator")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, basic("demo-viewer")).status()).as(path).isEqualTo(403);
            assertThat(get(path, basic("demo-operator")).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theJvmsAndTheConfigurationsEndpointsAreForAdminsOnlyEvenWhenExposed() {
        for (String path : List.of("/actuator/env", "/actuator/threaddump")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, basic("demo-viewer")).status()).as(path).isEqualTo(403);
            assertThat(get(path, basic("demo-operator")).status()).as(path).isEqualTo(403);
            assertThat(get(path, basic("demo-admin")).status()).as(path).isEqualTo(200);
        }
        assertThat(get("/actuator/heapdump", basic("demo-admin")).status()).isEqualTo(404);
    }

    @Test
    void jolokiaNeedsALoginThere() {
        assertThat(get("/actuator/jolokia/version", null).status()).isEqualTo(401);
        assertThat(get("/actuator/jolokia/version", basic("demo-viewer")).status()).isEqualTo(200);
    }

    @Test
    void theServerPortServesTheApiAndNoActuator() {
        for (String path : List.of("/actuator/health", "/actuator/env", "/actuator/jolokia/version")) {
            assertThat(Http.get(url(path), Map.of("Authorization", basic("demo-admin"))).status()).as(path)
                    .isEqualTo(404);
        }
        assertThat(Http.get(url("/api/v1/openapi.json"), Map.of()).status()).isEqualTo(200);
    }

    private Http.Reply get(String path, String authorization) {
        return Http.get("http://127.0.0.1:" + managementPort + path,
                authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }
}
