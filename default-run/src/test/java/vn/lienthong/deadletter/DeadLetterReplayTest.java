package vn.lienthong.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/** Operators see parked messages with their reason and put them back; a replay keeps the tracking id and order. */
class DeadLetterReplayTest extends GatewayTest {

    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aParkedDossierIsListedWithItsReasonAndReplayedUnderItsTrackingId() {
        portal.faults(true, 0, 0, null);
        String maHoSo = Dossiers.newMaHoSo();
        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();
        await().atMost(WAIT).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DEAD_LETTERED"));

        // The trail says DEAD_LETTERED a moment before the dead-letter queue's send commits.
        JsonNode listed = await().atMost(WAIT).until(() -> get("/api/v1/dead-letters?MaHoSo=" + maHoSo, OPERATOR_KEY)
                .json().path("deadLetters"), letters -> letters.size() == 1);
        assertThat(listed.get(0).path("id").asText()).isEqualTo(trackingId);
        assertThat(listed.get(0).path("kind").asText()).isEqualTo("DOSSIER");
        assertThat(listed.get(0).path("reason").asText()).contains("HTTP 503");
        assertThat(listed.get(0).path("attempts").asInt()).isEqualTo(5);
        assertThat(listed.get(0).path("firstFailure").asText()).isNotEmpty();
        assertThat(get("/api/v1/dead-letters/" + trackingId, OPERATOR_KEY).json().path("MaHoSo").asText())
                .isEqualTo(maHoSo);
        assertThat(get("/api/v1/dead-letters", GatewayApi.DVCQG_CLIENT_KEY).status()).as("operators only")
                .isEqualTo(403);

        portal.healthy();
        Http.Reply replay = post("/api/v1/dead-letters/" + trackingId + "/replay", OPERATOR_KEY, "");

        assertThat(replay.status()).isEqualTo(200);
        await().atMost(WAIT).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/dead-letters?MaHoSo=" + maHoSo, OPERATOR_KEY).json().path("deadLetters")).isEmpty();
        assertThat(post("/api/v1/dead-letters/" + trackingId + "/replay", OPERATOR_KEY, "").status()).isEqualTo(404);
    }

    @Test
    void aDeadLetteredDossierKeepsItsLaterMessagesHeldUntilItIsReplayedThenAllGoInOrder() {
        portal.faults(true, 0, 0, null);
        String maHoSo = Dossiers.newMaHoSo();
        List<String> ids = new ArrayList<>();
        ids.add(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo)).json().path("trackingId").asText());
        for (int step = 1; step <= 3; step++) {
            ids.add(api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, Dossiers.dvcqgProgress(step))
                    .json().path("trackingId").asText());
        }
        // The dossier outlasts its retries; its progress waits behind it, never sent before it.
        await().atMost(WAIT).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, ids.get(0)).equals("DEAD_LETTERED"));
        await().atMost(WAIT).until(() -> ids.subList(1, 4).stream()
                .allMatch(id -> api.state(GatewayApi.DVCQG_CLIENT_KEY, id).equals("HELD")));
        assertThat(api.tracking(GatewayApi.DVCQG_CLIENT_KEY, ids.get(3)).path("history").findValuesAsText("detail"))
                .anyMatch(d -> d != null && d.contains("waiting behind dead letter " + ids.get(0)));
        JsonNode letters = await().atMost(WAIT).until(() -> get("/api/v1/dead-letters?MaHoSo=" + maHoSo, OPERATOR_KEY)
                .json().path("deadLetters"), found -> found.size() == 1);
        assertThat(letters.get(0).path("heldBehind").asInt()).isEqualTo(3);

        portal.healthy();
        Http.Reply replay = post("/api/v1/dead-letters/replay", OPERATOR_KEY, "{\"MaHoSo\": \"" + maHoSo + "\"}");

        assertThat(replay.json().path("replayed").asInt()).isEqualTo(1);
        await().atMost(WAIT).until(() -> portal.dossier(maHoSo) != null
                && portal.dossier(maHoSo).path("progress").size() == 3);
        List<String> steps = new ArrayList<>();
        portal.dossier(maHoSo).path("progress").forEach(p -> steps.add(p.path("NoiDungXuLy").asText()));
        assertThat(steps).containsExactly("Bước 1: thẩm định hồ sơ", "Bước 2: thẩm định hồ sơ",
                "Bước 3: thẩm định hồ sơ");
        await().atMost(WAIT).until(() -> ids.stream()
                .allMatch(id -> api.state(GatewayApi.DVCQG_CLIENT_KEY, id).equals("DELIVERED")));
        assertThat(api.tracking(GatewayApi.DVCQG_CLIENT_KEY, ids.get(0)).path("trackingId").asText())
                .as("a replayed message keeps its tracking id").isEqualTo(ids.get(0));
    }

    private Http.Reply get(String path, String key) {
        return Http.get(api.baseUrl() + path, Map.of("X-API-Key", key));
    }

    private Http.Reply post(String path, String key, String body) {
        return Http.post(api.baseUrl() + path, body.getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-Key", key, "Content-Type", "application/json"));
    }
}
