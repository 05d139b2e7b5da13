package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/** Only the same key with the same body is a replay; the same key for another message is refused, never dropped. */
class IdempotencyKeyTest extends GatewayTest {

    @Test
    void theSameKeyForAnotherDossierIs422NamingTheKey() {
        String key = "key-" + Dossiers.newMaHoSo();
        String firstCode = Dossiers.newMaHoSo();
        String secondCode = Dossiers.newMaHoSo();
        Http.Reply first = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(firstCode), key);

        Http.Reply second = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(secondCode), key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(422);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.json().path("errors").get(0).path("message").asText()).contains(key);
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, secondCode).status()).isEqualTo(404);
    }

    @Test
    void theSameKeyForProgressIs422() {
        String key = "key-" + Dossiers.newMaHoSo();
        String maHoSo = Dossiers.newMaHoSo();
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo), key).status()).isEqualTo(202);

        Http.Reply progress = api.post("/api/v1/dossiers/" + maHoSo + "/progress", GatewayApi.DVCQG_CLIENT_KEY,
                Http.bytes(Dossiers.dvcqgProgress(1)), key);

        assertThat(progress.status()).isEqualTo(422);
        assertThat(progress.json().path("errors").get(0).path("message").asText()).contains(key);
    }

    @Test
    void theSameDossierWithAChangedValueIs422() {
        String key = "key-" + Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(Dossiers.newMaHoSo());
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier, key).status()).isEqualTo(202);
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier.put("TrangThaiHoSo", 4), key).status())
                .isEqualTo(422);
    }

    @Test
    void theSameKeyWithTheSameBodyIsAReplayDeliveredOnce() {
        String key = "key-" + Dossiers.newMaHoSo();
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo);
        Http.Reply first = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier, key);
        Http.Reply again = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier, key);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("trackingId")).isEqualTo(first.json().path("trackingId"));
        String trackingId = first.json().path("trackingId").asText();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
    }
}
