package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.OPERATOR_KEY;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.lienthong.support.EdxmlTree;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * Each harmless quirk of real files (docs/edxml-quirks.md) in both directions: sent by the e-office it reaches the
 * axis, placed in the axis for the province it reaches the e-office, each time with its warning in tracking. A file
 * that is not namespace-well-formed is refused going out and quarantined coming in, with its reason.
 */
class EdxmlQuirksFlowTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sdk-signature-placeholder   | the axis SDK's placeholder, not an XML-DSig signature",
            "uuid-document-id            | is a UUID, not OrganId,yyyy/MM/dd,Number/Notation; accepted",
            "trace-header-timestamp-only | has only a Timestamp (no OrganId); accepted",
            "empty-response-for          | is empty (or has only empty children): read as absent",
            "impossible-referenced-date  | '2014/02/30' in '000.00.00.H41,2014/02/30,7806/UBND-VP' is not a real date"})
    void sentByTheEofficeItReachesTheAxisWithTheWarningInTracking(String quirk, String warning) {
        QuirkFiles file = QuirkFiles.of(quirk, H31, H41);

        Http.Reply reply = DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY, file.edxml());

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().get("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        JsonNode received = systems.received(H41, file.documentId()).orElseThrow();
        assertThat(received.get("signature").asText()).isEqualTo("VALID");
        byte[] atAxis = systems.axisFile(received.get("DocID").asText());
        assertThat(EdxmlTree.withoutSignature(atAxis)).containsExactlyElementsOf(EdxmlTree.of(file.edxml()));
        JsonNode tracking = api.tracking(EOFFICE_KEY, trackingId);
        assertThat(tracking.get("history").toString()).contains(warning);
        assertThat(tracking.at("/document/documentId").asText()).isEqualTo(file.documentId());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "sdk-signature-placeholder   | the axis SDK's placeholder, not an XML-DSig signature",
            "uuid-document-id            | is a UUID, not OrganId,yyyy/MM/dd,Number/Notation; accepted",
            "trace-header-timestamp-only | has only a Timestamp (no OrganId); accepted",
            "empty-response-for          | is empty (or has only empty children): read as absent",
            "impossible-referenced-date  | '2014/02/30' in '000.00.00.H31,2014/02/30,7806/UBND-VP' is not a real date"})
    void placedInTheAxisForTheProvinceItReachesTheEofficeWithTheWarningInTracking(String quirk, String warning) {
        QuirkFiles file = QuirkFiles.of(quirk, H41, H31);

        String docId = systems.inject(file.edxml(), H31);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(
                systems.axisDocument(docId).path("ack").asText()));
        List<JsonNode> delivered = systems.eofficeDocuments(H31, file.documentId());
        assertThat(delivered).hasSize(1);
        JsonNode tracking = api.tracking(OPERATOR_KEY, delivered.get(0).at("/metadata/lienthong/trackingId").asText());
        assertThat(tracking.get("state").asText()).isEqualTo("DELIVERED");
        assertThat(tracking.get("history").toString()).contains(warning);
    }

    @Test
    void theSdkPlaceholderIsReadAsNoSignatureAndTheGatewayAddsARealOneAfterIt() {
        QuirkFiles incoming = QuirkFiles.of("sdk-signature-placeholder", H41, H31);
        String docId = systems.inject(incoming.edxml(), H31);
        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(
                systems.axisDocument(docId).path("ack").asText()));
        JsonNode delivered = systems.eofficeDocuments(H31, incoming.documentId()).get(0);
        assertThat(delivered.at("/metadata/signature").asText()).isEqualTo("ABSENT");
        JsonNode tracking = api.tracking(OPERATOR_KEY, delivered.at("/metadata/lienthong/trackingId").asText());
        assertThat(tracking.at("/document/signature/detail").asText()).contains("placeholder");

        QuirkFiles outgoing = QuirkFiles.of("sdk-signature-placeholder", H31, H41);
        Http.Reply reply = DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY,
                outgoing.edxml());
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(H41, outgoing.documentId()).isPresent());
        String atAxis = new String(systems.axisFile(systems.received(H41, outgoing.documentId()).orElseThrow()
                .get("DocID").asText()), StandardCharsets.UTF_8);
        assertThat(atAxis).containsSubsequence("<edXML:Signature>Chữ ký số (placeholder)</edXML:Signature>",
                "<ds:Signature", "</edXML:edXMLHeader>");
    }

    @Test
    void anUndeclaredPrefixIsRefusedGoingOutAndQuarantinedComingInWithItsReason() {
        Http.Reply refused = DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY,
                QuirkFiles.of("undeclared-xlink-prefix", H31, H41).edxml());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.text()).contains("xlink");

        String docId = systems.inject(QuirkFiles.of("undeclared-xlink-prefix", H41, H31).edxml(), H31);

        await().atMost(Duration.ofSeconds(20)).until(() -> "fail".equals(
                systems.axisDocument(docId).path("ack").asText()));
        JsonNode parked = await().atMost(Duration.ofSeconds(10)).until(() -> parked(docId), Objects::nonNull);
        assertThat(parked.get("state").asText()).isEqualTo("QUARANTINED");
        assertThat(parked.get("reason").asText()).contains("xlink");
        assertThat(systems.axisDocument(docId).path("ackReason").asText()).contains("xlink");
    }

    @Test
    void anAttachmentNameWithPathPartsReachesTheEofficeAsAFileNameOnly() {
        QuirkFiles file = QuirkFiles.of("trace-header-timestamp-only", H41, H31);
        String xml = new String(file.edxml(), StandardCharsets.UTF_8).replaceFirst(
                "<edXML:AttachmentName>cong-van-", "<edXML:AttachmentName>../../etc/cong-van-");

        String docId = systems.inject(xml.getBytes(StandardCharsets.UTF_8), H31);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(
                systems.axisDocument(docId).path("ack").asText()));
        JsonNode delivered = systems.eofficeDocuments(H31, file.documentId()).get(0);
        assertThat(delivered.at("/files/0/name").asText()).startsWith("cong-van-").doesNotContain("/");
        assertThat(delivered.at("/metadata/attachments/0/name").asText())
                .isEqualTo(delivered.at("/files/0/name").asText());
        JsonNode tracking = api.tracking(OPERATOR_KEY, delivered.at("/metadata/lienthong/trackingId").asText());
        assertThat(tracking.get("history").toString()).contains("has path parts: passed on as 'cong-van-");
    }

    private JsonNode parked(String docId) {
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
