package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * Documents keep the dossiers' Idempotency-Key rules: the same key with the same body is a replay, delivered once;
 * the same key with another body (another file, another metadata, another status) is 422 naming the key, and the
 * second message is not accepted.
 */
class DocumentIdempotencyKeyTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    private String documents() {
        return api.baseUrl() + "/api/v1/documents";
    }

    @Test
    void theSameMultipartDocumentWithTheSameKeyIsAReplayDeliveredOnce(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        String key = "doc-key-" + number;
        ObjectNode metadata = DocumentFixtures.metadata(H31, number, H41);
        Path pdf = DocumentFixtures.randomFile(dir, "quyet-dinh.pdf", 20_000);

        Http.Reply first = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY, metadata, List.of(pdf), key);
        Http.Reply again = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY, metadata, List.of(pdf), key);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(again.status()).as(again.text()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String trackingId = first.json().path("trackingId").asText();
        assertThat(again.json().path("trackingId").asText()).isEqualTo(trackingId);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        assertThat(systems.receivedAll(H41, DocumentFixtures.documentId(H31, number))).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherFileIs422NamingTheKey(@TempDir Path dir) throws IOException {
        String number = DocumentFixtures.nextNumber();
        String key = "doc-key-" + number;
        ObjectNode metadata = DocumentFixtures.metadata(H31, number, H41);
        Path pdf = Files.writeString(dir.resolve("cong-van.pdf"), "%PDF-1.7 first version");
        Http.Reply first = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY, metadata, List.of(pdf), key);
        Files.writeString(pdf, "%PDF-1.7 a corrected version");

        Http.Reply second = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY, metadata, List.of(pdf), key);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(second.status()).as(second.text()).isEqualTo(422);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().path("errors").get(0).path("message").asText()).contains(key)
                .contains(first.json().path("trackingId").asText());
    }

    @Test
    void theSameKeyForAnotherDocumentIs422AndOnlyTheFirstArrives(@TempDir Path dir) {
        String firstNumber = DocumentFixtures.nextNumber();
        String secondNumber = DocumentFixtures.nextNumber();
        String key = "doc-key-" + firstNumber;
        byte[] firstEdxml = DocumentFixtures.edxml(DocumentFixtures.document(H31, firstNumber, List.of(H41),
                List.of(DocumentFixtures.randomFile(dir, "a.pdf", 3000))), false);
        byte[] secondEdxml = DocumentFixtures.edxml(DocumentFixtures.document(H31, secondNumber, List.of(H41),
                List.of(DocumentFixtures.randomFile(dir, "b.pdf", 3000))), false);

        Http.Reply first = postXml(firstEdxml, key);
        Http.Reply second = postXml(secondEdxml, key);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(second.status()).as(second.text()).isEqualTo(422);
        assertThat(second.json().path("errors").get(0).path("message").asText()).contains(key);
        String trackingId = first.json().path("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        assertThat(systems.receivedAll(H41, DocumentFixtures.documentId(H31, secondNumber))).isEmpty();
    }

    @Test
    void theSameKeyForAnotherStatusIs422() {
        String key = "status-key-" + DocumentFixtures.nextNumber();
        String about = DocumentFixtures.documentId(H41, DocumentFixtures.nextNumber());
        ObjectNode status = Http.JSON.createObjectNode();
        status.putObject("from").put("organId", H31);
        status.putObject("responseFor").put("organId", H41).put("documentId", about);
        status.put("statusCode", "03").put("description", "Đã tiếp nhận");

        Http.Reply first = api.post("/api/v1/documents/status", EOFFICE_KEY, Http.bytes(status), key);
        Http.Reply again = api.post("/api/v1/documents/status", EOFFICE_KEY, Http.bytes(status), key);
        Http.Reply changed = api.post("/api/v1/documents/status", EOFFICE_KEY,
                Http.bytes(status.put("statusCode", "16")), key);

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("trackingId")).isEqualTo(first.json().path("trackingId"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(422);
        assertThat(changed.json().path("errors").get(0).path("message").asText()).contains(key);
    }

    private Http.Reply postXml(byte[] edxml, String key) {
        return Http.post(documents(), edxml, java.util.Map.of("X-API-Key", EOFFICE_KEY,
                "Content-Type", "application/xml", "Idempotency-Key", key));
    }
}
