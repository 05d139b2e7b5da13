package vn.lienthong.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.lienthong.document.DocumentFixtures.H31;
import static vn.lienthong.document.DocumentFixtures.H41;
import static vn.lienthong.document.DocumentFixtures.OPERATOR_KEY;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * One operator surface for the dead letters of every flow: GET /api/v1/dead-letters lists a parked dossier and a
 * quarantined document together, each with the common fields and its flow's own, filters by flow, kind and key, and a
 * document is replayed through the same path as a dossier. (In the document package for its fixtures.)
 */
class DeadLettersOfEveryFlowTest extends GatewayTest {

    private final SimulatedSystems systems = new SimulatedSystems(portal);

    @AfterEach
    void heal() {
        portal.healthy();
        systems.healthy();
    }

    @Test
    void aDossierAndADocumentAreListedTogetherFilteredAndReplayedAlike(@TempDir Path dir) {
        portal.faults(true, 0, 0, null);
        String maHoSo = Dossiers.newMaHoSo();
        String dossierId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();
        String number = DocumentFixtures.nextNumber();
        String documentId = DocumentFixtures.documentId(H41, number);
        String signed = new String(DocumentFixtures.edxml(DocumentFixtures.document(H41, number, List.of(H31),
                List.of(DocumentFixtures.randomFile(dir, "e.pdf", 700))), true), StandardCharsets.UTF_8);
        String docId = systems.inject(signed.replace("Về việc liên thông số " + number, "sửa")
                .getBytes(StandardCharsets.UTF_8), H31);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DEAD_LETTERED".equals(api.state(OPERATOR_KEY, dossierId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> "fail".equals(systems.axisDocument(docId).path("ack").asText()));
        portal.healthy();

        // The trail says DEAD_LETTERED a moment before the dead-letter queue's send commits.
        JsonNode all = await().atMost(Duration.ofSeconds(10)).until(() -> list("limit=1000"),
                letters -> ids(letters).contains(dossierId) && letters.findValuesAsText("axisDocId").contains(docId));
        JsonNode dossier = byId(all, dossierId);
        assertThat(dossier.path("flow").asText()).isEqualTo("dossier");
        assertThat(dossier.path("kind").asText()).isEqualTo("DOSSIER");
        assertThat(dossier.path("key").asText()).isEqualTo(maHoSo);
        assertThat(dossier.path("MaHoSo").asText()).isEqualTo(maHoSo);
        assertThat(dossier.path("state").asText()).isEqualTo("DEAD_LETTERED");
        assertThat(dossier.path("queue").asText()).isEqualTo("lienthong.dossier.dead-letter");
        JsonNode document = all.findParents("axisDocId").stream()
                .filter(l -> docId.equals(l.path("axisDocId").asText())).findFirst().orElseThrow();
        String documentTrackingId = document.path("id").asText();
        assertThat(document.path("flow").asText()).isEqualTo("document");
        assertThat(document.path("kind").asText()).isEqualTo("DOCUMENT");
        assertThat(document.path("key").asText()).isEqualTo(documentId);
        assertThat(document.path("documentId").asText()).isEqualTo(documentId);
        assertThat(document.path("state").asText()).isEqualTo("QUARANTINED");
        assertThat(document.path("reason").asText()).contains("signature");
        assertThat(document.has("MaHoSo")).as("no dossier fields on a document").isFalse();

        assertThat(ids(list("kind=document&limit=1000"))).contains(documentTrackingId).doesNotContain(dossierId);
        assertThat(ids(list("flow=dossier&limit=1000"))).contains(dossierId).doesNotContain(documentTrackingId);
        assertThat(ids(list("key=" + documentId))).containsExactly(documentTrackingId);
        assertThat(ids(list("MaHoSo=" + maHoSo))).as("MaHoSo= is an alias of key=").containsExactly(dossierId);
        assertThat(ids(Http.get(api.baseUrl() + "/api/v1/documents/dead-letters?limit=1000",
                Map.of("X-API-Key", OPERATOR_KEY)).json().path("deadLetters")))
                .as("the documents' older path lists the document flow").contains(documentTrackingId)
                .doesNotContain(dossierId);

        // A replayed quarantined document goes through its checks again (and is quarantined again: it is still
        // tampered); the replayed dossier is delivered.
        assertThat(replay(documentTrackingId).status()).isEqualTo(200);
        assertThat(replay(dossierId).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(api.state(OPERATOR_KEY, dossierId)));
        await().atMost(Duration.ofSeconds(20)).until(() -> api.tracking(OPERATOR_KEY, documentTrackingId)
                .path("history").findValuesAsText("state").stream().filter("QUARANTINED"::equals).count() == 2);
        assertThat(ids(list("key=" + maHoSo))).isEmpty();
    }

    private JsonNode list(String query) {
        Http.Reply reply = Http.get(api.baseUrl() + "/api/v1/dead-letters?" + query, Map.of("X-API-Key", OPERATOR_KEY));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().path("deadLetters");
    }

    private Http.Reply replay(String id) {
        return Http.post(api.baseUrl() + "/api/v1/dead-letters/" + id + "/replay", new byte[0],
                Map.of("X-API-Key", OPERATOR_KEY));
    }

    private static JsonNode byId(JsonNode letters, String id) {
        for (JsonNode letter : letters) {
            if (id.equals(letter.path("id").asText())) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter " + id + " in " + letters);
    }

    private static List<String> ids(JsonNode letters) {
        List<String> ids = new ArrayList<>();
        letters.forEach(l -> ids.add(l.path("id").asText()));
        return ids;
    }
}
