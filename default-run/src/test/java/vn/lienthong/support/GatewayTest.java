package vn.lienthong.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway on a random port: real routes from {@code routes/}, real mappings, the embedded broker with a
 * persistent journal in a temporary folder, H2, and the simulators of the national systems (DVCQG, document axis,
 * e-office webhook) as their own application over HTTP.
 * Every test uses its own dossier codes, so tests share one gateway and one simulator.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lienthong.simulator.dvcqg.enabled=false",
        "lienthong.simulator.axis.enabled=false",
        "lienthong.simulator.eoffice.enabled=false",
        "lienthong.simulator.motcua.enabled=false",
        "lienthong.documents.poll-interval=300",
        // Many gateways of the test run share one portal simulator: only NationalInboundTest's pulls from it.
        "lienthong.national.mode=push",
        "lienthong.national.poll-interval=300",
        "lienthong.edxml.max-document-size=20MB",
        "lienthong.edxml.max-attachment-size=20MB",
        "lienthong.broker.tcp-acceptor=",
        "spring.artemis.embedded.server-id=1",
        "lienthong.delivery.redelivery-delay=100",
        "lienthong.delivery.maximum-redelivery-delay=1000",
        "lienthong.delivery.maximum-redeliveries=5",
        "camel.main.routes-include-pattern=file:routes/*.yaml"
})
public abstract class GatewayTest {

    protected static final DvcqgSimulator portal = DvcqgSimulator.shared();

    @LocalServerPort
    protected int port;

    protected GatewayApi api;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("lienthong-test");
        registry.add("lienthong.data-directory", data::toString);
        registry.add("lienthong.portal.base-url", portal::baseUrl);
        registry.add("lienthong.axis.base-url", portal::axisUrl);
        registry.add("lienthong.axis.soap-url", portal::axisSoapUrl);
        registry.add("lienthong.documents.eoffice-url", portal::eofficeUrl);
        registry.add("lienthong.national.destinations.motcua-tinh.url", () -> portal.motcuaUrl() + "/{unit}");
        registry.add("lienthong.national.destinations.dat-dai.url", () -> portal.motcuaUrl() + "/dat-dai");
    }

    @BeforeEach
    void connect() {
        api = new GatewayApi(port);
        portal.healthy();
    }

    @AfterEach
    void healPortal() {
        portal.healthy();
    }
}
