package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/** One-stop code sends dossiers as an array: several dossiers, in order, all or none. */
class DossierArrayTest extends GatewayTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void anArrayOfThreeDossiersIsAcceptedInItsOrderAndEachIsDelivered() {
        List<String> codes = List.of(Dossiers.newMaHoSo(), Dossiers.newMaHoSo(), Dossiers.newMaHoSo());
        ArrayNode array = Http.JSON.createArrayNode();
        codes.forEach(code -> array.add(Dossiers.dvcqg(code)));

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array);

        assertThat(reply.status()).isEqualTo(202);
        JsonNode items = reply.json().path("items");
        assertThat(items).hasSize(3);
        for (int i = 0; i < 3; i++) {
            String trackingId = items.get(i).path("trackingId").asText();
            assertThat(items.get(i).path("status").asText()).isEqualTo("ACCEPTED");
            assertThat(api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId).path("MaHoSo").asText())
                    .as("item %d answers for dossier %d", i, i).isEqualTo(codes.get(i));
            await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        }
        codes.forEach(code -> assertThat(portal.dossier(code).path("syncCount").asInt()).isEqualTo(1));
    }

    @Test
    void theSameDossierTwiceInAnArrayReachesThePortalInTheArraysOrder() {
        String maHoSo = Dossiers.newMaHoSo();
        ArrayNode array = Http.JSON.createArrayNode();
        array.add(Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", 1));
        array.add(Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", 2));
        array.add(Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", 4));

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array);

        assertThat(reply.status()).isEqualTo(202);
        List<Long> sequences = new ArrayList<>();
        reply.json().path("items").forEach(item -> sequences.add(
                api.tracking(GatewayApi.DVCQG_CLIENT_KEY, item.path("trackingId").asText()).path("sequence").asLong()));
        assertThat(sequences).isSorted().doesNotHaveDuplicates();
        await().atMost(DELIVERY).until(() -> portal.dossier(maHoSo) != null
                && portal.dossier(maHoSo).path("syncCount").asInt() == 3);
        assertThat(portal.dossier(maHoSo).path("dossier").path("TrangThaiHoSo").asInt()).isEqualTo(4);
    }

    @Test
    void aOneElementArrayIsAnsweredWithItsItem() {
        ArrayNode array = Http.JSON.createArrayNode().add(Dossiers.dvcqg(Dossiers.newMaHoSo()));
        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array);
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("items")).hasSize(1);
    }

    @Test
    void oneInvalidDossierRefusesTheWholeArrayWithEveryProblemAtItsIndex() {
        String first = Dossiers.newMaHoSo();
        ObjectNode second = Dossiers.dvcqg(Dossiers.newMaHoSo());
        second.remove("MaTTHC");
        ObjectNode third = Dossiers.dvcqg(Dossiers.newMaHoSo()).put("KenhThucHien", 9);
        ArrayNode array = Http.JSON.createArrayNode().add(Dossiers.dvcqg(first)).add(second).add(third);

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array);

        assertThat(reply.status()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        reply.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertThat(paths).containsExactly("/1/MaTTHC", "/2/KenhThucHien");
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, first).status()).as("nothing accepted").isEqualTo(404);
    }

    @Test
    void aDossierForAnotherUnitRefusesTheWholeArray() {
        String first = Dossiers.newMaHoSo();
        ArrayNode array = Http.JSON.createArrayNode().add(Dossiers.dvcqg(first))
                .add(Dossiers.dvcqg(Dossiers.newMaHoSo()).put("MaDonVi", "000.00.00.H41"));

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.json().path("errors").get(0).path("path").asText()).isEqualTo("/1");
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, first).status()).isEqualTo(404);
    }

    @Test
    void aRefusedItemLeavesNoEarlierItemQueued() {
        // "key#1" names item 1 of an array sent with "key": already used for another message, so item 1 is refused
        String key = "array-" + Dossiers.newMaHoSo();
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(Dossiers.newMaHoSo()), key + "#1")
                .status()).isEqualTo(202);
        String first = Dossiers.newMaHoSo();
        ArrayNode array = Http.JSON.createArrayNode().add(Dossiers.dvcqg(first))
                .add(Dossiers.dvcqg(Dossiers.newMaHoSo()));

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array, key);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, first).status()).isEqualTo(404);
        assertThat(portal.dossier(first)).isNull();
    }

    @Test
    void theSameArrayWithTheSameKeyIsAReplay() {
        ArrayNode array = Http.JSON.createArrayNode().add(Dossiers.dvcqg(Dossiers.newMaHoSo()))
                .add(Dossiers.dvcqg(Dossiers.newMaHoSo()));
        String key = "replay-" + Dossiers.newMaHoSo();
        Http.Reply first = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array, key);
        Http.Reply again = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, array, key);
        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().path("items")).isEqualTo(first.json().path("items"));
    }
}
