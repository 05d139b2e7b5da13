package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.H54;
import static vn.lienthong.document.DocumentFixtures.OPERATOR_KEY;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.edxml.StatusCode;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * Documents both ways through the real routes, broker and database, against the document axis and e-office
 * simulators over HTTP: what arrived where, byte for byte, and what the axis was told.
 */
class DocumentFlowTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @AfterEach
    void heal() {
        systems.healthy();
    }

    private String documents() {
        return api.baseUrl() + "/api/v1/documents";
    }

    @Test
    void aTenMebibyteAttachmentArrivesAtTheOtherAgencyByteIdenticalAndSigned(@TempDir Path dir) {
        Path pdf = DocumentFixtures.randomFile(dir, "quyet-dinh.pdf", 10 * 1024 * 1024);
        String number = DocumentFixtures.nextNumber();

        Http.Reply reply = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY,
                DocumentFixtures.metadata(H31, number, H41), List.of(pdf));

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().get("trackingId").asText();
        assertThat(reply.header("Location")).isEqualTo("/api/v1/tracking/" + trackingId);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);

        JsonNode received = systems.received(H41, DocumentFixtures.documentId(H31, number)).orElseThrow();
        assertThat(received.get("attachments")).hasSize(1);
        assertThat(received.at("/attachments/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
        assertThat(received.at("/attachments/0/size").asLong()).isEqualTo(10 * 1024 * 1024);
        assertThat(received.get("signature").asText()).isEqualTo("VALID");
        assertThat(received.get("FromOrganId").asText()).isEqualTo(H31);

        JsonNode tracking = api.tracking(EOFFICE_KEY, trackingId);
        assertThat(tracking.at("/document/direction").asText()).isEqualTo("OUTGOING");
        assertThat(tracking.at("/document/axisDocId").asText()).isEqualTo(received.get("DocID").asText());
        assertThat(tracking.at("/document/attachments/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
        assertThat(tracking.at("/document/signature/status").asText()).isEqualTo("VALID");
        assertThat(tracking.at("/document/edxml/sha256").asText()).isEqualTo(received.get("sha256").asText());
        assertThat(tracking.get("history")).extracting(e -> e.get("state").asText())
                .containsSubsequence("RECEIVED", "ACCEPTED", "DELIVERING", "DELIVERED");
    }

    @Test
    void anUnsignedEdxmlIsSignedByTheGatewayAndASignedOneIsForwardedUnchanged(@TempDir Path dir) throws Exception {
        String unsignedNumber = DocumentFixtures.nextNumber();
        byte[] unsigned = DocumentFixtures.edxml(DocumentFixtures.document(H31, unsignedNumber, List.of(H41),
                List.of(DocumentFixtures.randomFile(dir, "a.pdf", 5000))), false);
        String signedNumber = DocumentFixtures.nextNumber();
        Path signed = DocumentFixtures.edxmlFile(dir, DocumentFixtures.document(H31, signedNumber, List.of(H41),
                List.of(DocumentFixtures.randomFile(dir, "b.pdf", 7000))), true);

        Http.Reply first = DocumentFixtures.postXml(documents(), EOFFICE_KEY, unsigned);
        Http.Reply second = DocumentFixtures.postXml(documents(), EOFFICE_KEY, Files.readAllBytes(signed));

        assertThat(first.status()).as(first.text()).isEqualTo(202);
        assertThat(second.status()).as(second.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(H41,
                DocumentFixtures.documentId(H31, signedNumber)).isPresent()
                && systems.received(H41, DocumentFixtures.documentId(H31, unsignedNumber)).isPresent());
        JsonNode resigned = systems.received(H41, DocumentFixtures.documentId(H31, unsignedNumber)).orElseThrow();
        assertThat(resigned.get("signature").asText()).isEqualTo("VALID");
        JsonNode forwarded = systems.received(H41, DocumentFixtures.documentId(H31, signedNumber)).orElseThrow();
        assertThat(forwarded.get("sha256").asText()).isEqualTo(DocumentFixtures.sha256(signed));
    }

    @Test
    void aDocumentForTheProvinceReachesTheEofficeAndOnlyThenTheAxisHearsDone(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        Path pdf = DocumentFixtures.randomFile(dir, "cong-van.pdf", 300_000);
        String docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(pdf)), true), H31);
        String documentId = DocumentFixtures.documentId(H41, number);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(ack(docId)));
        List<JsonNode> delivered = systems.eofficeDocuments(H31, documentId);
        assertThat(delivered).hasSize(1);
        JsonNode document = delivered.get(0);
        assertThat(document.at("/files/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
        assertThat(document.at("/metadata/from/organId").asText()).isEqualTo(H41);
        assertThat(document.at("/metadata/signature").asText()).isEqualTo("VALID");
        String trackingId = document.at("/metadata/lienthong/trackingId").asText();
        JsonNode tracking = api.tracking(OPERATOR_KEY, trackingId);
        assertThat(tracking.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(tracking.at("/document/direction").asText()).isEqualTo("INCOMING");
        assertThat(tracking.at("/document/attachments/0/sha256").asText()).isEqualTo(DocumentFixtures.sha256(pdf));
    }

    @Test
    void aDocumentForAClosedCodeGoesToItsSuccessorAndTrackingSaysSo(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        String docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H54),
                List.of(DocumentFixtures.randomFile(dir, "x.pdf", 1000))), true), H54);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(ack(docId)));
        List<JsonNode> delivered = systems.eofficeDocuments(H31, DocumentFixtures.documentId(H41, number));
        assertThat(delivered).hasSize(1);
        assertThat(delivered.get(0).at("/metadata/receivedFor").asText()).isEqualTo(H31);
        JsonNode tracking = api.tracking(OPERATOR_KEY, delivered.get(0).at("/metadata/lienthong/trackingId").asText());
        assertThat(tracking.get("history").toString()).contains("addressed to " + H54).contains("delivered to " + H31);
    }

    @Test
    void whileTheEofficeIsDownTheDocumentIsRetriedAndTheAxisIsNotAcknowledged(@TempDir Path dir) {
        systems.eofficeFaults(true);
        String number = DocumentFixtures.nextNumber();
        String documentId = DocumentFixtures.documentId(H41, number);
        String docId = systems.inject(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(DocumentFixtures.randomFile(dir, "y.pdf", 2000))), true), H31);

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> !"done".equals(ack(docId)) && systems.eofficeDocuments(H31, documentId).isEmpty());
        systems.eofficeFaults(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(ack(docId)));
        List<JsonNode> delivered = systems.eofficeDocuments(H31, documentId);
        assertThat(delivered).hasSize(1);
        JsonNode tracking = api.tracking(OPERATOR_KEY, delivered.get(0).at("/metadata/lienthong/trackingId").asText());
        assertThat(tracking.get("history")).extracting(e -> e.get("state").asText())
                .containsSubsequence("ACCEPTED", "RETRYING", "DELIVERED");
    }

    @Test
    void whileTheAxisIsDownADocumentWaitsInTheBrokerAndLeavesWhenItIsBack(@TempDir Path dir) {
        systems.axisFaults(true);
        String number = DocumentFixtures.nextNumber();
        Http.Reply reply = DocumentFixtures.postMultipart(documents(), EOFFICE_KEY,
                DocumentFixtures.metadata(H31, number, H41), List.of(DocumentFixtures.randomFile(dir, "w.pdf", 900)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().get("trackingId").asText();

        await().atMost(Duration.ofSeconds(5)).until(() -> api.state(EOFFICE_KEY, trackingId), "RETRYING"::equals);
        assertThat(systems.received(H41, DocumentFixtures.documentId(H31, number))).isEmpty();
        systems.axisFaults(false);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        assertThat(systems.receivedAll(H41, DocumentFixtures.documentId(H31, number))).hasSize(1);
    }

    @Test
    void everyStatusCodeTravelsBothWays() {
        String aboutOurs = DocumentFixtures.documentId(H31, DocumentFixtures.nextNumber());
        String aboutTheirs = DocumentFixtures.documentId(H41, DocumentFixtures.nextNumber());
        for (StatusCode code : StatusCode.values()) {
            ObjectNode status = Http.JSON.createObjectNode();
            status.putObject("from").put("organId", H31);
            status.putObject("responseFor").put("organId", H41).put("documentId", aboutTheirs);
            status.put("statusCode", code.code()).put("description", "trạng thái " + code.code());
            Http.Reply reply = api.post("/api/v1/documents/status", EOFFICE_KEY, Http.bytes(status), null);
            assertThat(reply.status()).as(reply.text()).isEqualTo(202);
            systems.inject(DocumentFixtures.edxml(DocumentFixtures.status(H41, H31, aboutOurs, code), true), H31);
        }

        List<String> codes = java.util.Arrays.stream(StatusCode.values()).map(StatusCode::code).toList();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(systems.receivedAll(H41, aboutTheirs)).extracting(r -> r.path("StatusCode").asText())
                    .containsExactlyInAnyOrderElementsOf(codes);
            assertThat(systems.eofficeStatuses(H31, aboutOurs)).extracting(s -> s.at("/status/statusCode").asText())
                    .containsExactlyInAnyOrderElementsOf(codes);
        });
    }

    private String ack(String docId) {
        return systems.axisDocument(docId).path("ack").asText();
    }

}
