package vn.lienthong.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/** Bad input gets a precise 4xx listing every problem, and nothing of it is accepted or delivered. */
class IngressRefusalTest extends GatewayTest {

    @Test
    void missingApiKeyIs401() {
        Http.Reply reply = api.postDossier(null, Dossiers.dvcqg(Dossiers.newMaHoSo()));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(messages(reply)).containsExactly("missing X-API-Key header");
    }

    @Test
    void wrongApiKeyIs401() {
        Http.Reply reply = api.postDossier("not-a-key", Dossiers.dvcqg(Dossiers.newMaHoSo()));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(messages(reply)).containsExactly("unknown API key");
    }

    @Test
    void unitTheClientMayNotSendForIs403() {
        ObjectNode dossier = Dossiers.dvcqg(Dossiers.newMaHoSo()).put("MaDonVi", "000.00.00.H41");
        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(messages(reply).get(0)).contains("000.00.00.H41");
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, dossier.path("MaHoSo").asText()).status()).isEqualTo(404);
    }

    @Test
    void nonJsonBodyIs415() {
        Http.Reply reply = Http.post(api.baseUrl() + "/api/v1/dossiers", "MaHoSo=1".getBytes(StandardCharsets.UTF_8),
                Map.of("X-API-Key", GatewayApi.DVCQG_CLIENT_KEY, "Content-Type", "text/plain"));
        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().path("errors").get(0).path("message").asText()).contains("application/json");
    }

    @Test
    void bodyOverTheLimitIs413() {
        ObjectNode dossier = Dossiers.dvcqg(Dossiers.newMaHoSo());
        dossier.put("GhiChu", "x".repeat(5 * 1024 * 1024 + 1));
        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier);
        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().path("errors")).hasSize(1);
    }

    @Test
    void malformedJsonIs400AtTheRoot() {
        Http.Reply reply = api.post("/api/v1/dossiers", GatewayApi.DVCQG_CLIENT_KEY,
                "{\"MaHoSo\": \"X\", ".getBytes(StandardCharsets.UTF_8), null);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).containsExactly("");
    }

    @Test
    void everyProblemOfADossierIsListed() {
        ObjectNode dossier = Dossiers.dvcqg(Dossiers.newMaHoSo());
        dossier.remove("MaTTHC");
        dossier.remove("ChuHoSo");
        dossier.put("TrangThaiHoSo", 11);
        dossier.put("KenhThucHien", 4);
        dossier.put("LoaiDoiTuong", 0);
        dossier.put("NgayTiepNhan", "20250230120000");
        dossier.put("TenTTHC", 42);

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).contains("/MaTTHC", "/ChuHoSo", "/TrangThaiHoSo", "/KenhThucHien", "/LoaiDoiTuong",
                "/NgayTiepNhan", "/TenTTHC");
        assertThat(api.trail(GatewayApi.DVCQG_CLIENT_KEY, dossier.path("MaHoSo").asText()).status()).isEqualTo(404);
    }

    @Test
    void canonicalProblemsUseTheCanonicalNames() {
        ObjectNode dossier = Dossiers.canonical(Dossiers.newMaHoSo());
        dossier.put("ngayTiepNhan", "2025-07-01T08:30:00");
        dossier.put("trangThaiHoSo", "2");

        Http.Reply reply = api.postDossier(GatewayApi.CANONICAL_CLIENT_KEY, dossier);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).contains("/ngayTiepNhan", "/trangThaiHoSo");
    }

    @Test
    void progressProblemsNameTheItem() {
        String maHoSo = Dossiers.newMaHoSo();
        var items = Http.JSON.createArrayNode()
                .add(Dossiers.dvcqgProgress(1).put("TrangThai", 12))
                .add(Dossiers.dvcqgProgress(2))
                .add(Dossiers.dvcqgProgress(3).put("ThoiDiemXuLy", "2025-07-01"));

        Http.Reply reply = api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo, items);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(paths(reply)).containsExactly("/0/TrangThai", "/2/ThoiDiemXuLy");
    }

    @Test
    void progressAboutAnotherDossierIs400() {
        String maHoSo = Dossiers.newMaHoSo();
        Http.Reply reply = api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, maHoSo,
                Dossiers.dvcqgProgress(1).put("MaHoSo", "OTHER-1"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(messages(reply).get(0)).contains("OTHER-1");
    }

    @Test
    void readingAnotherClientsTrackingIs404() {
        Http.Reply accepted = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, Dossiers.dvcqg(Dossiers.newMaHoSo()));
        String trackingId = accepted.json().path("trackingId").asText();
        Http.Reply reply = Http.get(api.baseUrl() + "/api/v1/tracking/" + trackingId,
                Map.of("X-API-Key", GatewayApi.CANONICAL_CLIENT_KEY));
        assertThat(reply.status()).isEqualTo(404);
    }

    private static List<String> paths(Http.Reply reply) {
        List<String> paths = new ArrayList<>();
        reply.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        return paths;
    }

    private static List<String> messages(Http.Reply reply) {
        List<String> messages = new ArrayList<>();
        JsonNode errors = reply.json().path("errors");
        errors.forEach(e -> messages.add(e.path("message").asText()));
        return messages;
    }
}
