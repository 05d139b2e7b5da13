package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H41;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;

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
        byte[] sent = BusinessDocuments.of(operation, number, DocumentFixtures.nextNumber());

        Http.Reply reply = DocumentFixtures.postXml(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY, sent);

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().get("trackingId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.state(EOFFICE_KEY, trackingId), "DELIVERED"::equals);
        JsonNode received = systems.received(H41, BusinessDocuments.documentId(number)).orElseThrow();
        assertThat(received.get("signature").asText()).isEqualTo("VALID");
        byte[] atAxis = systems.axisFile(received.get("DocID").asText());
        assertThat(EdxmlTree.signatures(EdxmlTree.parse(atAxis))).hasSize(1);
        assertThat(EdxmlTree.withoutSignature(atAxis)).containsExactlyElementsOf(EdxmlTree.of(sent));
        assertThat(new String(atAxis, java.nio.charset.StandardCharsets.UTF_8))
                .contains(operation.equals("revoke") ? "<edXML:Bussiness>" : "<edXML:ReceiverList>");
    }
}
