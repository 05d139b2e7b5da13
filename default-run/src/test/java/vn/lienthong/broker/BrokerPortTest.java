package vn.lienthong.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

import vn.lienthong.LienthongApplication;

/** A gateway whose broker port is taken stops at once, saying which port and which setting, instead of half-running. */
class BrokerPortTest {

    @Test
    void aTakenAcceptorPortStopsStartUpWithTheReason() throws Exception {
        Path data = Files.createTempDirectory("lienthong-port");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String acceptor = "tcp://127.0.0.1:" + taken.getLocalPort();
            Instant start = Instant.now();
            Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LienthongApplication.class).run(
                    "--server.port=0", "--lienthong.national.mode=push",
                    "--spring.jmx.enabled=false",
                    "--camel.main.jmx-enabled=false",
                    "--lienthong.data-directory=" + data,
                    "--lienthong.simulator.dvcqg.enabled=false",
                    "--lienthong.simulator.axis.enabled=false",
                    "--lienthong.simulator.eoffice.enabled=false",
                    "--lienthong.simulator.motcua.enabled=false",
                    "--lienthong.broker.tcp-acceptor=" + acceptor,
                    "--spring.artemis.embedded.server-id=9",
                    "--camel.servlet.mapping.servlet-name=PortTestServlet",
                    "--camel.component.servlet.servlet-name=PortTestServlet"));

            BrokerPortInUseException cause = rootCause(failure);
            assertThat(cause.acceptor()).isEqualTo(acceptor);
            assertThat(cause.getMessage()).contains("127.0.0.1:" + taken.getLocalPort(), "in use",
                    "lienthong.broker.tcp-acceptor");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(60));
            FailureAnalysis analysis = new BrokerPortInUseFailureAnalyzer().analyze(failure);
            assertThat(analysis.getDescription()).isEqualTo(cause.getMessage()).doesNotContain("\n");
        }
    }

    @Test
    void aFreePortPassesTheCheck() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        EmbeddedBrokerCustomizer.requireFreePort("tcp://127.0.0.1:" + port + "?protocols=CORE");
    }

    private static BrokerPortInUseException rootCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BrokerPortInUseException portInUse) {
                return portInUse;
            }
        }
        throw new AssertionError("start-up did not fail for the taken port", failure);
    }
}
