package vn.lienthong.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lienthong.support.Http;

/** Health, metrics for Prometheus and info need no login; the other endpoints need an operator, the JVM's an admin. */
class ActuatorAccessTest extends SecuredGatewayTest {

    @Test
    void healthPrometheusAndInfoNeedNoLogin() {
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                "/actuator/prometheus", "/actuator/info")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(200);
        }
        assertThat(get("/actuator/health", null).json().has("components")).isFalse();
        assertThat(get("/actuator/health", basic("demo-operator")).json().has("components")).isTrue();
    }

    @Test
    void metricsAndRoutesAreForOperators() {
        for (String path : List.of("/actuator/metrics", "/actuator/camelroutes", "/actuator")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, basic("demo-viewer")).status()).as(path).isEqualTo(403);
            assertThat(get(path, basic("demo-operator")).status()).as(path).isEqualTo(200);
            assertThat(get(path, basic("demo-admin")).status()).as(path).isEqualTo(200);
        }
    }

    @Test
    void theJvmsAndTheConfigurationsEndpointsAreNotExposedAndAdminOnly() {
        for (String path : List.of("/actuator/heapdump", "/actuator/env", "/actuator/configprops",
                "/actuator/threaddump")) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, basic("demo-operator")).status()).as(path).isEqualTo(404);
            assertThat(get(path, basic("demo-admin")).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void anApiKeyOpensNoConsole() {
        Http.Reply reply = Http.get(url("/actuator/metrics"), Map.of("X-API-Key", "demo-operator-key"));

        assertThat(reply.status()).isEqualTo(401);
    }

    private Http.Reply get(String path, String authorization) {
        return Http.get(url(path), authorization == null ? Map.of() : Map.of("Authorization", authorization));
    }
}
