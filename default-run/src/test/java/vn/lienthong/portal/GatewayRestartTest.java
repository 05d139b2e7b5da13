package vn.lienthong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.lienthong.LienthongApplication;
import vn.lienthong.support.Dossiers;
import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.GatewayApi;

/** Messages still queued when the gateway stops are delivered when it starts again: the broker journal survives. */
class GatewayRestartTest {

    private final DvcqgSimulator portal = DvcqgSimulator.shared();

    @AfterEach
    void healPortal() {
        portal.healthy();
    }

    @Test
    void queuedMessagesSurviveARestart() throws Exception {
        Path data = Files.createTempDirectory("lienthong-restart");
        portal.faults(true, 0, 0, null);
        List<String> codes = new ArrayList<>();
        List<String> trackingIds = new ArrayList<>();

        try (ConfigurableApplicationContext first = startGateway(data)) {
            GatewayApi api = new GatewayApi(port(first));
            for (int i = 0; i < 10; i++) {
                String maHoSo = Dossiers.newMaHoSo();
                codes.add(maHoSo);
                var reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo));
                assertThat(reply.status()).isEqualTo(202);
                trackingIds.add(reply.json().path("trackingId").asText());
                assertThat(api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, Dossiers.dvcqgProgress(1)).status())
                        .isEqualTo(202);
            }
            // a delivery attempt failed (its trail, not the current state: a retry is RETRYING for a moment only)
            await().atMost(Duration.ofSeconds(20)).until(() -> api.tracking(GatewayApi.DVCQG_CLIENT_KEY,
                    trackingIds.get(0)).path("history").findValuesAsText("state").contains("RETRYING"));
        }
        assertThat(codes).allMatch(c -> portal.dossier(c) == null);

        portal.healthy();
        try (ConfigurableApplicationContext second = startGateway(data)) {
            GatewayApi api = new GatewayApi(port(second));
            await().atMost(Duration.ofSeconds(60)).until(() -> codes.stream().allMatch(c ->
                    portal.dossier(c) != null && portal.dossier(c).path("progress").size() == 1));
            for (String trackingId : trackingIds) {
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
            }
        }
    }

    private ConfigurableApplicationContext startGateway(Path data) {
        // Arguments, not default properties: they must win over application.yaml.
        return new SpringApplicationBuilder(LienthongApplication.class).run(
                "--server.port=0", "--lienthong.national.mode=push",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--lienthong.data-directory=" + data,
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.broker.tcp-acceptor=",
                "--spring.artemis.embedded.server-id=7",
                // The shared test gateway may still be running in this JVM: its servlet name is taken.
                "--camel.servlet.mapping.servlet-name=RestartTestServlet",
                "--camel.component.servlet.servlet-name=RestartTestServlet",
                "--lienthong.portal.base-url=" + portal.baseUrl(),
                "--lienthong.delivery.redelivery-delay=200",
                "--lienthong.delivery.maximum-redelivery-delay=1000",
                "--lienthong.delivery.maximum-redeliveries=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
