package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.EOFFICE_KEY;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.OPERATOR_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lienthong.edxml.StatusCode;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * Documents share the dossiers' message life: one the e-office or the axis keeps failing is set aside per DocumentId
 * (its body stays in the broker, in the held documents' queue), the statuses of that document wait behind it and go
 * in their order once the destination is back; an outage of a destination opens its circuit, and every document
 * goes once it is back, each exactly once.
 */
class DocumentsSetAsideTest extends GatewayTest {

    private static final String HELD_QUEUE = "lienthong.document.held";

    private static final String OPERATOR_LOGIN = "Basic " + Base64.getEncoder()
            .encodeToString("demo-operator:demo-operator-password".getBytes(StandardCharsets.UTF_8));

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void heal() {
        systems.healthy();
    }

    @Test
    void statusesOfADocumentTheEofficeKeepsFailingAreHeldBehindItAndDeliveredInTheirOrder() {
        String aboutOurs = DocumentFixtures.documentId(H31, DocumentFixtures.nextNumber());
        List<StatusCode> codes = List.of(StatusCode.ARRIVED, StatusCode.REGISTERED, StatusCode.FINISHED);
        systems.eofficeFaults(true);
        for (StatusCode code : codes) {
            systems.inject(DocumentFixtures.edxml(DocumentFixtures.status(H41, H31, aboutOurs, code), true), H31);
        }

        // The first is set aside after its quick retries, the two others wait behind it: all three out of the queue.
        List<String> ids = await().atMost(Duration.ofSeconds(10)).until(() -> trackingIds(aboutOurs),
                found -> found.size() == codes.size() && found.stream()
                        .allMatch(id -> "HELD".equals(api.state(OPERATOR_KEY, id))));
        // Their edXML bodies wait in the broker (the queue's counts are a snapshot of at most a second).
        await().atMost(Duration.ofSeconds(5)).until(() -> queueDepth(HELD_QUEUE) == codes.size());
        assertThat(systems.eofficeStatuses(H31, aboutOurs)).isEmpty();
        systems.eofficeFaults(false);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(systems.eofficeStatuses(H31, aboutOurs)).extracting(s -> s.at("/status/statusCode").asText())
                        .containsExactly("01", "03", "06"));
        await().atMost(Duration.ofSeconds(5)).until(() -> ids.stream()
                .allMatch(id -> "DELIVERED".equals(api.state(OPERATOR_KEY, id))));
        // (the queue's counts are a snapshot of at most a second)
        await().atMost(Duration.ofSeconds(5)).until(() -> queueDepth(HELD_QUEUE) == 0);
        String behind = api.tracking(OPERATOR_KEY, ids.get(2)).get("history").toString();
        assertThat(behind).contains("held behind");
    }

    @Test
    void anAxisOutageOpensItsCircuitAndEveryDocumentLeavesOnceWhenItIsBack(@TempDir Path dir) {
        systems.axisFaults(true);
        List<String> ids = new ArrayList<>();
        List<String> documentIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String number = DocumentFixtures.nextNumber();
            Http.Reply reply = DocumentFixtures.postMultipart(api.baseUrl() + "/api/v1/documents", EOFFICE_KEY,
                    DocumentFixtures.metadata(H31, number, H41),
                    List.of(DocumentFixtures.randomFile(dir, "outage-" + i + ".pdf", 700)));
            assertThat(reply.status()).as(reply.text()).isEqualTo(202);
            ids.add(reply.json().get("trackingId").asText());
            documentIds.add(DocumentFixtures.documentId(H31, number));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> circuitOpen("axis"));
        systems.axisFaults(false);

        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> "DELIVERED".equals(api.state(EOFFICE_KEY, id))));
        for (String documentId : documentIds) {
            assertThat(systems.receivedAll(H41, documentId)).as(documentId + " at the axis once").hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !circuitOpen("axis"));
    }

    /** The tracking ids of the statuses received about a document, in the order the gateway took them. */
    private List<String> trackingIds(String documentId) {
        return jdbc.queryForList("""
                select d.tracking_id from tracked_document d join tracked_message m on m.tracking_id = d.tracking_id
                where d.document_id = ? and d.direction = 'INCOMING' order by m.accepted_at""", String.class, documentId);
    }

    private long queueDepth(String queue) {
        JsonNode queues = Http.get(api.baseUrl() + "/api/v1/queues", Map.of("X-API-Key", OPERATOR_KEY)).json();
        for (JsonNode q : queues.path("queues")) {
            if (queue.equals(q.path("name").asText())) {
                return q.path("depth").asLong();
            }
        }
        throw new AssertionError("no queue " + queue + " in " + queues);
    }

    /** The destination's circuit as its health component tells an operator. */
    private boolean circuitOpen(String destination) {
        JsonNode health = Http.get(api.baseUrl() + "/actuator/health/destinations",
                Map.of("Authorization", OPERATOR_LOGIN)).json();
        return "open".equals(health.path("components").path(destination).path("details").path("circuit").asText());
    }
}
