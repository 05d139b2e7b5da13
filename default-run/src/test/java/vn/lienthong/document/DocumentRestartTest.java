package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.LienthongApplication;
import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.Http;

/**
 * Documents accepted or taken from the axis are in the broker's journal, not in the gateway's memory: a gateway
 * stopped while the axis and the e-office are unreachable delivers them after it starts again, byte for byte, and
 * only then tells the axis "done". A gateway of its own (Thanh Hóa's axis account, 000.00.00.H56), so that the shared
 * test gateway never takes its mail.
 */
class DocumentRestartTest {

    private static final String H56 = "000.00.00.H56";
    private static final String KEY = "eoffice-h56-restart-key";

    private final DvcqgSimulator simulators = DvcqgSimulator.shared();
    private final SimulatedSystems systems = new SimulatedSystems(simulators);

    /** Retried in place, or set aside for the held messages' retrier: either way not delivered, and kept. */
    private static final java.util.Set<String> WAITING = java.util.Set.of("RETRYING", "HELD");

    @AfterEach
    void heal() {
        systems.healthy();
    }

    @Test
    void documentsWaitingInTheBrokerSurviveARestart(@TempDir Path files) throws Exception {
        Path data = Files.createTempDirectory("lienthong-document-restart");
        Path pdf = DocumentFixtures.randomFile(files, "restart.pdf", 3 * 1024 * 1024);
        String incoming = DocumentFixtures.nextNumber();
        List<String> outgoing = new ArrayList<>();
        List<String> trackingIds = new ArrayList<>();
        String docId;

        try (ConfigurableApplicationContext first = startGateway(data)) {
            GatewayApi api = new GatewayApi(port(first));
            systems.eofficeFaults(true);
            docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, incoming, List.of(H56),
                    List.of(pdf)), true), H56);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String taken = docId;
            await().atMost(Duration.ofSeconds(20)).until(() -> incomingState(jdbc, taken), s -> s != null && WAITING.contains(s));

            systems.axisFaults(true);
            for (int i = 0; i < 3; i++) {
                String number = DocumentFixtures.nextNumber();
                Http.Reply reply = DocumentFixtures.postMultipart(api.baseUrl() + "/api/v1/documents", KEY,
                        DocumentFixtures.metadata(H56, number, H41), List.of(pdf));
                assertThat(reply.status()).as(reply.text()).isEqualTo(202);
                outgoing.add(number);
                trackingIds.add(reply.json().get("trackingId").asText());
            }
            // the axis is down: the documents are retried, then set aside (their bodies in the broker)
            await().atMost(Duration.ofSeconds(10)).until(() -> api.state(KEY, trackingIds.get(0)), s -> s != null && WAITING.contains(s));
        }
        assertThat(outgoing).allMatch(n -> systems.received(H41, DocumentFixtures.documentId(H56, n)).isEmpty());
        assertThat(systems.eofficeDocuments(H56, DocumentFixtures.documentId(H41, incoming))).isEmpty();

        systems.healthy();
        try (ConfigurableApplicationContext second = startGateway(data)) {
            String sha256 = DocumentFixtures.sha256(pdf);
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (String number : outgoing) {
                    assertThat(systems.receivedAll(H41, DocumentFixtures.documentId(H56, number)))
                            .singleElement().satisfies(r -> assertThat(r.at("/attachments/0/sha256").asText())
                                    .isEqualTo(sha256));
                }
                assertThat(systems.axisDocument(docId).path("ack").asText()).isEqualTo("done");
            });
            assertThat(systems.eofficeDocuments(H56, DocumentFixtures.documentId(H41, incoming)))
                    .singleElement().satisfies(d -> assertThat(d.at("/files/0/sha256").asText()).isEqualTo(sha256));
        }
    }

    private static String incomingState(JdbcTemplate jdbc, String axisDocId) {
        return jdbc.query("""
                select m.state from tracked_message m join tracked_document d on d.tracking_id = m.tracking_id
                where d.direction = 'INCOMING' and d.axis_doc_id = ?""", (rs, row) -> rs.getString(1), axisDocId)
                .stream().findFirst().orElse(null);
    }

    private ConfigurableApplicationContext startGateway(Path data) {
        // Arguments, not default properties: they must win over application.yaml.
        return new SpringApplicationBuilder(LienthongApplication.class).run(
                "--server.port=0", "--lienthong.national.mode=push",
                "--spring.jmx.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--lienthong.data-directory=" + data,
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.simulator.axis.enabled=false",
                "--lienthong.simulator.eoffice.enabled=false",
                "--lienthong.simulator.motcua.enabled=false",
                "--lienthong.broker.tcp-acceptor=",
                "--spring.artemis.embedded.server-id=8",
                // The shared test gateway may still be running in this JVM: its servlet name is taken.
                "--camel.servlet.mapping.servlet-name=DocumentRestartTestServlet",
                "--camel.component.servlet.servlet-name=DocumentRestartTestServlet",
                "--lienthong.portal.base-url=" + simulators.baseUrl(),
                "--lienthong.axis.base-url=" + simulators.axisUrl(),
                "--lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
                "--lienthong.axis.secret=" + DvcqgSimulator.SECOND_AXIS_SECRET,
                "--lienthong.documents.eoffice-url=" + simulators.eofficeUrl(),
                "--lienthong.documents.poll-interval=300",
                "--lienthong.clients.systems[0].id=eoffice-h56",
                "--lienthong.clients.systems[0].api-key=" + KEY,
                "--lienthong.clients.systems[0].unit-codes[0]=" + H56,
                "--lienthong.clients.systems[0].input-format=canonical",
                "--lienthong.clients.systems[0].kinds=document,document-status",
                "--lienthong.delivery.redelivery-delay=200",
                "--lienthong.delivery.maximum-redelivery-delay=1000",
                "--lienthong.delivery.maximum-redeliveries=1000");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
