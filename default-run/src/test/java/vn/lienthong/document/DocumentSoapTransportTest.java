package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.support.DvcqgSimulator;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The same flows over the axis's older SOAP transport (lienthong.axis.transport=SOAP): a second gateway in the test
 * run, with its own broker, servlet and axis account (Thanh Hóa, 000.00.00.H56), so that it never takes the other
 * gateway's mail; closed when done.
 */
@TestPropertySource(properties = {
        "lienthong.axis.transport=SOAP",
        "lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
        "lienthong.axis.secret=" + DvcqgSimulator.SECOND_AXIS_SECRET,
        "spring.artemis.embedded.server-id=2",
        "camel.servlet.mapping.servlet-name=CamelServletSoapTest",
        "camel.component.servlet.servlet-name=CamelServletSoapTest",
        "lienthong.clients.systems[0].id=eoffice-h56",
        "lienthong.clients.systems[0].api-key=" + DocumentSoapTransportTest.KEY,
        "lienthong.clients.systems[0].unit-codes[0]=" + DocumentSoapTransportTest.H56,
        "lienthong.clients.systems[0].input-format=canonical",
        "lienthong.clients.systems[0].kinds=document,document-status"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DocumentSoapTransportTest extends GatewayTest {

    static final String H56 = "000.00.00.H56";
    static final String KEY = "eoffice-h56-test-key";

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @Test
    void aDocumentGoesOutAndOneComesInOverSoap(@TempDir Path dir) {
        Path pdf = DocumentFixtures.randomFile(dir, "soap.pdf", 2 * 1024 * 1024);
        String outgoing = DocumentFixtures.nextNumber();
        Http.Reply reply = DocumentFixtures.postMultipart(api.baseUrl() + "/api/v1/documents", KEY,
                DocumentFixtures.metadata(H56, outgoing, H41), List.of(pdf));
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);

        String incoming = DocumentFixtures.nextNumber();
        String docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, incoming, List.of(H56),
                List.of(pdf)), true), H56);

        await().atMost(Duration.ofSeconds(30)).until(() -> systems.received(H41,
                DocumentFixtures.documentId(H56, outgoing)).isPresent());
        JsonNode sent = systems.received(H41, DocumentFixtures.documentId(H56, outgoing)).orElseThrow();
        assertThat(sent.at("/attachments/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
        assertThat(sent.get("signature").asText()).isEqualTo("VALID");
        await().atMost(Duration.ofSeconds(30)).until(() -> "done".equals(systems.axisDocument(docId).path("ack").asText()));
        List<JsonNode> delivered = systems.eofficeDocuments(H56, DocumentFixtures.documentId(H41, incoming));
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).at("/files/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
    }
}
