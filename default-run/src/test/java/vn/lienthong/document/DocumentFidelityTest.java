package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lienthong.support.EdxmlTree;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * What the e-office wrote is what the axis gets: an unsigned update, replace or revoke document that the gateway
 * signs reaches the axis as the sender's own tree plus one XML-DSig signature, node for node, text for text, with the
 * parts the gateway does not model (BussinessDocumentInfo, ReplacementInfoList).
 */
class DocumentFidelityTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @ParameterizedTest
    @ValueSource(strings = {"update", "replace", "revoke"})
    void aDocumentSignedByTheGatewayIsTheSendersTreePlusTheSignature(String operation) {
        String number = DocumentFixtures.nextNumber();
        byte[] sent = BusinessDocuments.of(operation, H31, H41, number, DocumentFixtures.nextNumber());

        Http.Reply reply = DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY, sent);

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().get("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        JsonNode received = systems.received(H41, BusinessDocuments.documentId(H31, number)).orElseThrow();
        assertThat(received.get("signature").asText()).isEqualTo("VALID");
        byte[] atAxis = systems.axisFile(received.get("DocID").asText());
        assertThat(EdxmlTree.signatures(EdxmlTree.parse(atAxis))).hasSize(1);
        assertThat(EdxmlTree.withoutSignature(atAxis)).containsExactlyElementsOf(EdxmlTree.of(sent));
        assertThat(new String(atAxis, StandardCharsets.UTF_8))
                .contains(operation.equals("revoke") ? "<edXML:Bussiness>" : "<edXML:ReceiverList>");
    }

    @Test
    void aReplaceBuiltFromTheJsonContractCarriesItsReplacementInfoAndReceiversToTheAxis(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        ObjectNode metadata = DocumentFixtures.metadata(H31, number, H41);
        ObjectNode bussiness = metadata.putObject("bussiness").put("bussinessDocType", 3)
                .put("documentId", "000.00.00.H31,2026/11/02,71/UBND-VP").put("bussinessDocReason", "Thay thế");
        ObjectNode info = bussiness.putObject("bussinessDocumentInfo").put("documentInfo", "1")
                .put("documentReceiver", "1");
        info.putArray("receiverList").addObject().put("organId", H41).put("receiverType", "1");
        bussiness.putArray("replacementInfoList").addObject().put("documentId", "000.00.00.H31,2026/11/02,71/UBND-VP")
                .putArray("organIdList").add(H41);

        Http.Reply reply = DocumentFixtures.postMultipart(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY, metadata,
                List.of(DocumentFixtures.randomFile(dir, "thay-the.pdf", 2000)));

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> systems.received(H41,
                DocumentFixtures.documentId(H31, number)).isPresent());
        JsonNode received = systems.received(H41, DocumentFixtures.documentId(H31, number)).orElseThrow();
        assertThat(received.get("signature").asText()).isEqualTo("VALID");
        String atAxis = new String(systems.axisFile(received.get("DocID").asText()), StandardCharsets.UTF_8);
        assertThat(atAxis.replaceAll(">\\s+<", "><")).contains("<ReceiverList><Receiver><ReceiverType>1</ReceiverType>"
                        + "<OrganId>" + H41 + "</OrganId></Receiver></ReceiverList>")
                .contains("<ReplacementInfoList><ReplacementInfo><DocumentId>000.00.00.H31,2026/11/02,71/UBND-VP"
                        + "</DocumentId><OrganIdList><OrganId>" + H41 + "</OrganId></OrganIdList>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"update", "replace", "revoke"})
    void theEofficeIsToldWhichDocumentTheOperationActsOnAndOnWhichReceivers(String operation) {
        String number = DocumentFixtures.nextNumber();
        String previous = DocumentFixtures.nextNumber();

        String docId = systems.inject(BusinessDocuments.of(operation, H41, H31, number, previous), H31);

        await().atMost(Duration.ofSeconds(20)).until(() -> "done".equals(
                systems.axisDocument(docId).path("ack").asText()));
        List<JsonNode> delivered = systems.eofficeDocuments(H31, BusinessDocuments.documentId(H41, number));
        assertThat(delivered).hasSize(1);
        JsonNode metadata = delivered.get(0).get("metadata");
        assertThat(metadata.get("operation").asText()).isEqualTo(operation);
        assertThat(metadata.get("to")).isEqualTo(Http.JSON.createArrayNode().add(H31));
        assertThat(metadata.at("/bussiness/documentId").asText())
                .isEqualTo(BusinessDocuments.previousId(H41, previous));
        if (!operation.equals("revoke")) {
            JsonNode info = metadata.at("/bussiness/bussinessDocumentInfo");
            assertThat(info.get("documentInfo").asText()).isEqualTo("1");
            assertThat(info.get("documentReceiver").asText()).isEqualTo("1");
            assertThat(info.get("receiverList")).extracting(r -> r.get("organId").asText() + "/"
                    + r.get("receiverType").asText()).containsExactly(H31 + "/1", "000.00.00.G22/2");
        }
        if (!operation.equals("update")) {
            JsonNode replacement = metadata.at("/bussiness/replacementInfoList");
            assertThat(replacement).hasSize(1);
            assertThat(replacement.at("/0/documentId").asText()).isEqualTo(BusinessDocuments.previousId(H41, previous));
            assertThat(replacement.at("/0/organIdList")).extracting(JsonNode::asText)
                    .containsExactly(H31, "000.00.00.G22");
        }
        assertThat(metadata.at("/lienthong/axisDocId").asText()).isEqualTo(docId);
        assertThat(metadata.at("/lienthong/trackingId").asText()).isNotBlank();
    }
}
