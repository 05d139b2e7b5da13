package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.OPERATOR_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lienthong.deadletter.DeadLetterConsole;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * A received document is never lost: one that cannot be processed is quarantined (the axis hears "fail" with the
 * reason), one the e-office keeps refusing to take is parked after its retries; operators see both and re-process
 * them, and a re-processed document is delivered under its tracking id.
 */
class DocumentQuarantineTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @AfterEach
    void heal() {
        systems.healthy();
    }

    @Test
    void aDocumentWithAnInvalidSignatureIsQuarantinedAndTheAxisToldFail(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        String signed = new String(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(DocumentFixtures.randomFile(dir, "q.pdf", 1000))), true), StandardCharsets.UTF_8);
        byte[] tampered = signed.replace("Về việc liên thông số " + number, "Về việc đã bị sửa trên đường")
                .getBytes(StandardCharsets.UTF_8);

        String docId = systems.inject(tampered, H31);

        await().atMost(Duration.ofSeconds(20)).until(() -> "fail".equals(systems.axisDocument(docId).path("ack").asText()));
        assertThat(systems.axisDocument(docId).path("ackReason").asText()).contains("signature");
        JsonNode parked = parked(docId);
        assertThat(parked.get("state").asText()).isEqualTo("QUARANTINED");
        assertThat(parked.get("reason").asText()).contains("signature is invalid");
        assertThat(systems.eofficeDocuments(H31, DocumentFixtures.documentId(H41, number))).isEmpty();
        JsonNode tracking = api.tracking(OPERATOR_KEY, parked.get("id").asText());
        assertThat(tracking.get("state").asText()).isEqualTo("QUARANTINED");
        assertThat(tracking.at("/document/axisDocId").asText()).isEqualTo(docId);
    }

    @Test
    void aDocumentTheEofficeCannotTakeIsParkedThenReprocessedAndDelivered(@TempDir Path dir) {
        systems.eofficeFaults(true);
        String number = DocumentFixtures.nextNumber();
        String documentId = DocumentFixtures.documentId(H41, number);
        String docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(DocumentFixtures.randomFile(dir, "p.pdf", 4000))), true), H31);

        JsonNode parked = await().atMost(Duration.ofSeconds(30)).until(() -> parkedOrNull(docId), Objects::nonNull);
        assertThat(parked.get("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(parked.get("reason").asText()).contains("e-office");
        assertThat(systems.axisDocument(docId).path("ack").asText()).isNotEqualTo("done");

        systems.eofficeFaults(false);
        String trackingId = parked.get("id").asText();
        Http.Reply reply = api.post("/api/v1/documents/dead-letters/" + trackingId + "/reprocess", OPERATOR_KEY,
                new byte[0], null);

        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(systems.axisDocument(docId).path("ack").asText()));
        assertThat(systems.eofficeDocuments(H31, documentId)).hasSize(1);
        assertThat(api.state(OPERATOR_KEY, trackingId)).isEqualTo("DELIVERED");
        assertThat(parkedOrNull(docId)).isNull();
    }

    @Autowired
    DeadLetterConsole console;

    @Test
    void theConsoleListsAQuarantinedDocument(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        String signed = new String(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(DocumentFixtures.randomFile(dir, "c.pdf", 500))), true), StandardCharsets.UTF_8);
        String docId = systems.inject(signed.replace("Về việc liên thông số " + number, "sửa")
                .getBytes(StandardCharsets.UTF_8), H31);

        String id = await().atMost(Duration.ofSeconds(20)).until(() -> parkedOrNull(docId), Objects::nonNull)
                .get("id").asText();

        // The listings read the broker's management, not a browsing consumer: what was listed once stays listed.
        assertThat(console.list("", "")).anySatisfy(line -> assertThat(line).startsWith(id + " QUARANTINED DOCUMENT"));
    }

    @Test
    void onlyOperatorsSeeParkedDocuments() {
        Http.Reply reply = Http.get(api.baseUrl() + "/api/v1/documents/dead-letters",
                Map.of("X-API-Key", DocumentFixtures.EOFFICE_KEY));

        assertThat(reply.status()).isEqualTo(403);
    }

    private JsonNode parked(String docId) {
        JsonNode parked = parkedOrNull(docId);
        assertThat(parked).as("parked document with axis DocID " + docId).isNotNull();
        return parked;
    }

    private JsonNode parkedOrNull(String docId) {
        JsonNode list = Http.get(api.baseUrl() + "/api/v1/documents/dead-letters",
                Map.of("X-API-Key", OPERATOR_KEY)).json().get("deadLetters");
        for (JsonNode letter : list) {
            if (docId.equals(letter.path("axisDocId").asText())) {
                return letter;
            }
        }
        return null;
    }
}
