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
 * A document the axis refuses: the trail ends REJECTED_BY_AXIS with the axis's reply (its ErrorCode and ErrorDesc),
 * and the document is sent once, not retried. A second gateway in the test run whose axis account has a wrong secret
 * (Thanh Hóa's, 000.00.00.H56, so it never takes the other gateway's mail): the axis answers every call FAIL 401.
 */
@TestPropertySource(properties = {
        "lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
        "lienthong.axis.secret=not-" + DvcqgSimulator.SECOND_AXIS_SECRET,
        "spring.artemis.embedded.server-id=3",
        "camel.servlet.mapping.servlet-name=CamelServletAxisRefusalTest",
        "camel.component.servlet.servlet-name=CamelServletAxisRefusalTest",
        "lienthong.clients.systems[0].id=eoffice-h56",
        "lienthong.clients.systems[0].api-key=" + AxisRefusalTrailTest.KEY,
        "lienthong.clients.systems[0].unit-codes[0]=" + AxisRefusalTrailTest.H56,
        "lienthong.clients.systems[0].input-format=canonical",
        "lienthong.clients.systems[0].kinds=document,document-status"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AxisRefusalTrailTest extends GatewayTest {

    static final String H56 = "000.00.00.H56";
    static final String KEY = "eoffice-h56-refused-test-key";

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @Test
    void theAxissRefusalIsTheTrailsReplyAndTheDocumentIsNotSentAgain(@TempDir Path dir) {
        String number = DocumentFixtures.nextNumber();
        Http.Reply reply = DocumentFixtures.postMultipart(api.baseUrl() + "/api/v1/documents", KEY,
                DocumentFixtures.metadata(H56, number, H41), List.of(DocumentFixtures.randomFile(dir, "x.pdf", 2000)));
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        String trackingId = reply.json().path("trackingId").asText();

        await().atMost(Duration.ofSeconds(30)).until(() -> api.state(KEY, trackingId), "REJECTED_BY_AXIS"::equals);
        JsonNode tracking = api.tracking(KEY, trackingId);
        JsonNode axisReply = tracking.path("reply");
        assertThat(axisReply.path("destination").asText()).isEqualTo("axis");
        assertThat(axisReply.path("status").asText()).isEqualTo("REJECTED");
        assertThat(axisReply.path("code").asText()).isEqualTo("401");
        assertThat(axisReply.path("message").asText()).contains("invalid credentials");
        assertThat(tracking.path("portalReply").isNull()).as("not the portal's reply").isTrue();
        assertThat(tracking.path("attempts").asInt()).as("a refusal is not retried").isZero();
        assertThat(tracking.get("history")).extracting(e -> e.get("state").asText())
                .containsExactly("RECEIVED", "ACCEPTED", "DELIVERING", "REJECTED_BY_AXIS");
        assertThat(tracking.at("/history/3/detail").asText()).startsWith("the document axis refused: 401 ");
        assertThat(systems.received(H41, DocumentFixtures.documentId(H56, number))).isEmpty();
    }
}
