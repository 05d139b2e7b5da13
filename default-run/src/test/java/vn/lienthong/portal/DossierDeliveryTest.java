package vn.lienthong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/** A dossier and its progress travel from a provincial system to the national portal, through the real gateway. */
class DossierDeliveryTest extends GatewayTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void dossierInDvcqgFormatArrivesAtThePortalWithEveryField() {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode sent = Dossiers.dvcqg(maHoSo);

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, sent);

        assertThat(reply.status()).isEqualTo(202);
        String trackingId = reply.json().path("trackingId").asText();
        assertThat(reply.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(reply.header("Location")).isEqualTo("/api/v1/tracking/" + trackingId);
        assertThat(reply.header("X-API-Key")).as("request headers are not echoed").isNull();

        JsonNode atPortal = awaitDossierAtPortal(maHoSo);
        JsonNode dossier = atPortal.path("dossier");
        assertThat(atPortal.path("syncCount").asInt()).isEqualTo(1);
        // Every field arrives as sent; codes travel as strings, the unit goes into the envelope, not the dossier.
        sent.fieldNames().forEachRemaining(field -> {
            if (!field.equals("MaDonVi")) {
                JsonNode expected = sent.get(field);
                JsonNode actual = dossier.get(field);
                assertThat(actual).as(field).isNotNull();
                if (expected.isNumber()) {
                    assertThat(actual.asText()).as(field).isEqualTo(expected.asText());
                } else if (expected.isArray()) {
                    assertThat(actual.size()).as(field).isEqualTo(expected.size());
                } else {
                    assertThat(actual).as(field).isEqualTo(expected);
                }
            }
        });
        assertThat(dossier.path("TaiLieuNop").get(1).path("TenTepDinhKem").asText())
                .isEqualTo("Căn cước công dân của mẹ.pdf");
        assertThat(dossier.has("MaDonVi")).isFalse();

        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        JsonNode tracking = api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId);
        assertThat(tracking.path("kind").asText()).isEqualTo("DOSSIER");
        assertThat(tracking.path("MaHoSo").asText()).isEqualTo(maHoSo);
        assertThat(tracking.path("portalReply").path("error_code").asText()).isEqualTo("0");
        assertThat(tracking.path("reply").path("destination").asText()).isEqualTo("portal");
        assertThat(tracking.path("reply").path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(tracking.path("reply").path("code").asText()).isEqualTo("0");
        assertThat(states(tracking)).containsExactly("RECEIVED", "ACCEPTED", "DELIVERING", "DELIVERED");
    }

    @Test
    void dossierInCanonicalFormatIsTranslatedForThePortal() {
        String maHoSo = Dossiers.newMaHoSo();

        Http.Reply reply = api.postDossier(GatewayApi.CANONICAL_CLIENT_KEY, Dossiers.canonical(maHoSo));

        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        JsonNode dossier = awaitDossierAtPortal(maHoSo).path("dossier");
        assertThat(dossier.path("MaHoSo").asText()).isEqualTo(maHoSo);
        assertThat(dossier.path("TenTTHC").asText()).isEqualTo("Cấp giấy phép xây dựng nhà ở riêng lẻ");
        assertThat(dossier.path("ChuHoSo").asText()).isEqualTo("Công ty TNHH Xây dựng Phố Hiến");
        // 01:30 UTC is 08:30 in Asia/Ho_Chi_Minh.
        assertThat(dossier.path("NgayTiepNhan").asText()).isEqualTo("20250701083000");
        assertThat(dossier.path("NgayHenTra").asText()).isEqualTo("20250715170000");
        assertThat(dossier.path("TrangThaiHoSo").asText()).isEqualTo("4");
        assertThat(dossier.path("KenhThucHien").asText()).isEqualTo("1");
        assertThat(dossier.path("LoaiDoiTuong").asText()).isEqualTo("2");
        assertThat(dossier.path("DanhSachLePhi").get(0).path("TenPhiLePhi").asText())
                .isEqualTo("Lệ phí cấp giấy phép xây dựng");
    }

    @Test
    void vietnameseTextPassesByteExactInEitherNormalisation() {
        String maHoSo = Dossiers.newMaHoSo();
        String nfc = java.text.Normalizer.normalize("Trần Thị Ánh Tuyết, thôn Đồng Tiến", java.text.Normalizer.Form.NFC);
        String nfd = java.text.Normalizer.normalize("Hồ sơ đề nghị cấp bản sao trích lục", java.text.Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(java.text.Normalizer.normalize(nfd, java.text.Normalizer.Form.NFC));
        ObjectNode dossier = Dossiers.dvcqg(maHoSo).put("ChuHoSo", nfc).put("TrichYeuHoSo", nfd);

        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier).status()).isEqualTo(202);

        JsonNode atPortal = awaitDossierAtPortal(maHoSo).path("dossier");
        assertThat(atPortal.path("ChuHoSo").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(nfc.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(atPortal.path("TrichYeuHoSo").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(nfd.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void progressFollowsItsDossierInOrder() {
        String maHoSo = Dossiers.newMaHoSo();
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo)).status()).isEqualTo(202);
        for (int step = 1; step <= 5; step++) {
            assertThat(api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, Dossiers.dvcqgProgress(step)).status())
                    .isEqualTo(202);
        }
        // An array is one message; its items keep their order.
        var batch = Http.JSON.createArrayNode().add(Dossiers.dvcqgProgress(6)).add(Dossiers.dvcqgProgress(7));
        assertThat(api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, batch).status()).isEqualTo(202);

        await().atMost(DELIVERY).until(() -> progressAtPortal(maHoSo).size() == 7);
        assertThat(progressAtPortal(maHoSo)).containsExactly(
                "Bước 1: thẩm định hồ sơ", "Bước 2: thẩm định hồ sơ", "Bước 3: thẩm định hồ sơ",
                "Bước 4: thẩm định hồ sơ", "Bước 5: thẩm định hồ sơ", "Bước 6: thẩm định hồ sơ",
                "Bước 7: thẩm định hồ sơ");
        assertThat(portal.dossier(maHoSo).path("progress").get(0).path("MaHoSo").asText()).isEqualTo(maHoSo);
    }

    @Test
    void aSecondSyncOfTheSameDossierIsAnUpdate() {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo);
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier).status()).isEqualTo(202);
        dossier.put("TrangThaiHoSo", 9);
        dossier.put("NgayKetThucXuLy", "20250703160000");
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier).status()).isEqualTo(202);

        await().atMost(DELIVERY).until(() -> portal.dossier(maHoSo) != null
                && portal.dossier(maHoSo).path("syncCount").asInt() == 2);
        assertThat(portal.dossier(maHoSo).path("dossier").path("TrangThaiHoSo").asText()).isEqualTo("9");
    }

    @Test
    void repeatedIdempotencyKeyIsDeliveredOnce() {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo);

        Http.Reply first = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier, "key-" + maHoSo);
        Http.Reply second = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier, "key-" + maHoSo);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().path("trackingId")).isEqualTo(first.json().path("trackingId"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        String trackingId = first.json().path("trackingId").asText();
        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        // A later message of the same dossier is delivered after the first one: the repeat was never queued.
        Http.Reply progress = api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, Dossiers.dvcqgProgress(1));
        String progressId = progress.json().path("trackingId").asText();
        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, progressId).equals("DELIVERED"));
        assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, maHoSo).json().path("messages")).hasSize(2);
    }

    @Test
    void businessRejectionIsRecordedAndNotRetried() {
        String maHoSo = "REJECT-" + Dossiers.newMaHoSo();
        portal.faults(false, 0, 0, "^REJECT-.*");
        int syncsBefore = portal.stats().path("requests").path("DongBoHoSoMC").asInt();

        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();

        await().atMost(DELIVERY)
                .until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("REJECTED_BY_PORTAL"));
        JsonNode tracking = api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId);
        JsonNode reply = tracking.path("reply");
        assertThat(reply.path("destination").asText()).isEqualTo("portal");
        assertThat(reply.path("status").asText()).isEqualTo("REJECTED");
        assertThat(reply.path("code").asText()).isEqualTo("4");
        assertThat(reply.path("message").asText()).contains(maHoSo);
        assertThat(tracking.path("portalReply").properties()).as("the portal's reply as dossier clients read it")
                .extracting(java.util.Map.Entry::getKey).containsExactly("error_code", "message");
        assertThat(tracking.path("portalReply").path("error_code").asText()).isEqualTo("4");
        assertThat(tracking.path("portalReply").path("message").asText()).isEqualTo(reply.path("message").asText());
        JsonNode refusal = tracking.path("history").get(tracking.path("history").size() - 1);
        assertThat(refusal.path("state").asText()).isEqualTo("REJECTED_BY_PORTAL");
        assertThat(refusal.path("detail").asText()).isEqualTo("portal refused it: error_code 4: "
                + reply.path("message").asText());
        assertThat(tracking.path("attempts").asInt()).isZero();
        assertThat(portal.stats().path("requests").path("DongBoHoSoMC").asInt() - syncsBefore)
                .as("one call, no retry storm").isEqualTo(1);
        assertThat(portal.dossier(maHoSo)).isNull();
    }

    @Test
    void portalDownForAWhileThenDelivered() {
        portal.faults(true, 0, 0, null);
        String maHoSo = Dossiers.newMaHoSo();
        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();

        // Retried at once, then set aside (held) and retried from there.
        await().atMost(DELIVERY).until(() -> List.of("RETRYING", "HELD")
                .contains(api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId)));
        assertThat(portal.dossier(maHoSo)).isNull();
        portal.healthy();

        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        assertThat(portal.dossier(maHoSo).path("syncCount").asInt()).isEqualTo(1);
        JsonNode tracking = api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId);
        assertThat(tracking.path("attempts").asInt()).isPositive();
        assertThat(tracking.path("history").get(3).path("detail").asText()).contains("503");
    }

    @Test
    void portalDownLongerThanTheRetriesDeadLettersWithItsReason() {
        portal.faults(true, 0, 0, null);
        String maHoSo = Dossiers.newMaHoSo();
        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(maHoSo))
                .json().path("trackingId").asText();

        await().atMost(DELIVERY)
                .until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DEAD_LETTERED"));
        JsonNode tracking = api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId);
        assertThat(tracking.path("attempts").asInt()).as(tracking.toString()).isEqualTo(5);
        JsonNode last = tracking.path("history").get(tracking.path("history").size() - 1);
        assertThat(last.path("detail").asText()).contains("HTTP 503").contains("after 5 retries");
    }

    @Test
    void expiredSessionIsRenewedOnce() {
        String first = Dossiers.newMaHoSo();
        api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(first));
        awaitDossierAtPortal(first);
        portal.expireSessions();

        String second = Dossiers.newMaHoSo();
        String trackingId = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(second))
                .json().path("trackingId").asText();

        awaitDossierAtPortal(second);
        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        assertThat(api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId).path("attempts").asInt()).isZero();
    }

    private JsonNode awaitDossierAtPortal(String maHoSo) {
        await().atMost(DELIVERY).until(() -> portal.dossier(maHoSo) != null);
        return portal.dossier(maHoSo);
    }

    private static List<String> progressAtPortal(String maHoSo) {
        JsonNode atPortal = portal.dossier(maHoSo);
        List<String> steps = new ArrayList<>();
        if (atPortal != null) {
            atPortal.path("progress").forEach(p -> steps.add(p.path("NoiDungXuLy").asText()));
        }
        return steps;
    }

    static List<String> states(JsonNode tracking) {
        List<String> states = new ArrayList<>();
        tracking.path("history").forEach(e -> states.add(e.path("state").asText()));
        return states;
    }
}
