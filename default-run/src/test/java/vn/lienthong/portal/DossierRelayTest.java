package vn.lienthong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * A client of the dvcqg format already speaks the portal's field set: the gateway relays its dossier and progress,
 * value for value and type for type; the only changes are the documented mappings (mappings/README.md "Relayed
 * formats").
 */
class DossierRelayTest extends GatewayTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Decimals as written, so 150000.50 and 150000.5 differ. */
    private static final ObjectReader EXACT = Http.JSON.reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);

    @Test
    void stringFlagsEmptyStringsNullsAndUnknownFieldsArriveExactlyAsSent() throws Exception {
        String maHoSo = Dossiers.newMaHoSo();
        String sent = """
                {"MaHoSo": "%s", "MaDonVi": "000.00.00.H31", "MaTTHC": "1.001229.000.00.00.H31",
                 "TenTTHC": "Đăng ký khai sinh", "KenhThucHien": "2", "ChuHoSo": "Nguyễn Thị Hương",
                 "LoaiDoiTuong": 1, "NgayTiepNhan": "20250701083000", "NgayHenTra": "20250704170000",
                 "NgayTra": "", "TrangThaiHoSo": "2", "Fax": null, "HoSoCoThanhPhanSoHoa": "1",
                 "TaiKhoanDuocXacThucVoiVNeID": 0, "MaPhanMemMotCua": {"ten": "iGate", "phienBan": 3.10},
                 "TaiLieuNop": [{"TepDinhKemId": "TL-1024", "TenTepDinhKem": "Giấy chứng sinh.pdf", "IsDeleted": "False",
                                 "DuocSoHoa": "0", "MaKetQuaThayThe": null, "KyHieuNoiBo": "GCS-01"}],
                 "DanhSachLePhi": [{"TenPhiLePhi": "Lệ phí", "Gia": 150000.50, "LoaiPhiLePhi": "1"}]}
                """.formatted(maHoSo);

        Http.Reply reply = api.post("/api/v1/dossiers", GatewayApi.DVCQG_CLIENT_KEY, Http.bytes(sent), null);

        assertThat(reply.status()).isEqualTo(202);
        String trackingId = reply.json().path("trackingId").asText();
        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        ObjectNode expected = (ObjectNode) EXACT.readTree(sent);
        expected.remove("MaDonVi"); // the envelope's madonvi (documented), not a field of the portal's dossier
        assertThat(storedAtPortal(maHoSo).path("dossier")).isEqualTo(expected);
        assertThat(details(trackingId)).anySatisfy(detail -> assertThat(detail)
                .startsWith("warning: properties not in the dvcqg format, forwarded as sent:")
                .contains("/MaPhanMemMotCua", "/TaiLieuNop/0/KyHieuNoiBo"));
    }

    @Test
    void aStatusWordBecomesItsNumberAndProgressGetsItsDossierCode() throws Exception {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", "processing");
        assertThat(api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier).status()).isEqualTo(202);
        String item = """
                {"NguoiXuLy": "Lê Văn Bình", "ChucDanh": null, "ThoiDiemXuLy": "20250701100000",
                 "NoiDungXuLy": "Thẩm định hồ sơ", "TrangThai": "done", "NgayBatDau": "", "MaBuoc": 7}""";
        assertThat(api.post("/api/v1/dossiers/" + maHoSo + "/progress", GatewayApi.DVCQG_CLIENT_KEY,
                Http.bytes(item), null).status()).isEqualTo(202);

        await().atMost(DELIVERY).until(() -> storedAtPortal(maHoSo) != null
                && storedAtPortal(maHoSo).path("progress").size() == 1);
        JsonNode atPortal = storedAtPortal(maHoSo);
        assertThat(atPortal.path("dossier").path("TrangThaiHoSo")).isEqualTo(Http.JSON.getNodeFactory().textNode("4"));
        ObjectNode expected = Http.JSON.createObjectNode().put("MaHoSo", maHoSo);
        expected.setAll((ObjectNode) EXACT.readTree(item));
        expected.put("TrangThai", "10");
        assertThat(atPortal.path("progress").get(0)).isEqualTo(expected);
    }

    @Test
    void aDossierWithoutMaDonViFromAClientWithOneUnitIsForThatUnit() throws Exception {
        String maHoSo = Dossiers.newMaHoSo();
        ObjectNode dossier = Dossiers.dvcqg(maHoSo);
        dossier.remove("MaDonVi");

        Http.Reply reply = api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier);

        assertThat(reply.status()).isEqualTo(202);
        String trackingId = reply.json().path("trackingId").asText();
        await().atMost(DELIVERY).until(() -> api.state(GatewayApi.DVCQG_CLIENT_KEY, trackingId).equals("DELIVERED"));
        assertThat(storedAtPortal(maHoSo).path("dossier")).isEqualTo(dossier);
        assertThat(api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId).path("unitCode").asText(Dossiers.UNIT))
                .isEqualTo(Dossiers.UNIT);
        // the canonical format too
        ObjectNode canonical = Dossiers.canonical(Dossiers.newMaHoSo());
        canonical.remove("maDonVi");
        assertThat(api.postDossier(GatewayApi.CANONICAL_CLIENT_KEY, canonical).status()).isEqualTo(202);
    }

    private JsonNode storedAtPortal(String maHoSo) throws Exception {
        Http.Reply reply = Http.get(portal.baseUrl() + "/dossiers/" + maHoSo, java.util.Map.of());
        return reply.status() == 404 ? null : EXACT.readTree(reply.body());
    }

    private java.util.List<String> details(String trackingId) {
        java.util.List<String> details = new java.util.ArrayList<>();
        api.tracking(GatewayApi.DVCQG_CLIENT_KEY, trackingId).path("history")
                .forEach(event -> details.add(event.path("detail").asText("")));
        return details;
    }
}
