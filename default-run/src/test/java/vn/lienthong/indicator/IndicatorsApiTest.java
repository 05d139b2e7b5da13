package vn.lienthong.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.GatewayApi;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The Decision 766 indicators from a known set of dossiers in March and April 2018 (no other test files dossiers then):
 * three from the one-stop system (in person, online, postal; one finished late, one updated by a second sync), two
 * pushed down by the national portal (one under a unit code closed in 2025, one in April), progress and a rating; the
 * API's figures for each grouping, exactly, over real HTTP after the dossiers were delivered; the CSV the same; bad
 * parameters all listed; who may read and recompute them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IndicatorsApiTest extends GatewayTest {

    static final String MANAGER_KEY = "demo-manager-key";
    static final String OPERATOR_KEY = "demo-operator-key";
    static final String NATIONAL_KEY = "demo-national-key";
    static final String HUNG_YEN = "000.00.00.H31";
    static final String HUNG_YEN_COMMUNE = "000.00.31.H31";
    static final String THAI_BINH_CLOSED = "000.00.00.H54";
    static final String BIRTH = "1.001229.000.00.00.H31";
    static final String BUILDING = "1.000894.000.00.00.H31";
    static final String MARCH = "from=2018-03-01&to=2018-03-31";

    /** The late dossier's code, per test class: each class (this one and its PostgreSQL subclass) files its own. */
    private static final Map<Class<?>, String> LATE = new ConcurrentHashMap<>();

    /** The late dossier's code, the dossiers filed and delivered on the first call for this class. */
    private String late;

    /**
     * Called by each test (not a {@code @BeforeEach}: Camel starts only once a test method runs, after those); files
     * the dossiers once per test class.
     */
    private void fileTheDossiersOnce() {
        late = LATE.computeIfAbsent(getClass(), c -> fileTheDossiers());
    }

    private String fileTheDossiers() {
        // Camel starts with the first test of a new gateway: until then the API answers 503 (try again).
        await().atMost(Duration.ofSeconds(60)).until(() -> get(MANAGER_KEY, MARCH).status() != 503);
        Map<String, String> accepted = new LinkedHashMap<>();
        String inPerson = Dossiers.newMaHoSo();
        ObjectNode d1 = dossier(inPerson, BIRTH, 1, "20180305080000", "20180310170000", "20180309100000");
        d1.put("DuocThanhToanTrucTuyen", 1).put("HoSoCoThanhPhanSoHoa", 1).put("TaiKhoanDuocXacThucVoiVNeID", 1);
        ((ObjectNode) d1.get("TaiLieuNop").get(0)).put("DuocSoHoa", 1).put("DuocTaiSuDung", 1);
        ((ObjectNode) d1.get("TaiLieuNop").get(1)).put("DuocLayTuKhoDMQG", 1);
        d1.putArray("DanhSachGiayToKetQua").addObject().put("TenGiayTo", "Giấy khai sinh")
                .put("MaThanhPhanHoSo", "KQ-01").put("GiayToId", "KQ-1")
                .put("DuongDanTepTinKetQua", "https://dvc.example.vn/kq/KQ-1");
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, d1), GatewayApi.DVCQG_CLIENT_KEY);
        String late = Dossiers.newMaHoSo();
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY,
                dossier(late, BIRTH, 2, "20180305090000", "20180310170000", "20180312100000")),
                GatewayApi.DVCQG_CLIENT_KEY);
        String postal = Dossiers.newMaHoSo();
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY,
                dossier(postal, BUILDING, 3, "20180320080000", "20180330170000", null)), GatewayApi.DVCQG_CLIENT_KEY);
        // Its second sync: finished on time. It counts once, with these values.
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY,
                dossier(postal, BUILDING, 3, "20180320080000", "20180330170000", "20180328080000")),
                GatewayApi.DVCQG_CLIENT_KEY);
        accept(accepted, api.postProgress(GatewayApi.DVCQG_CLIENT_KEY, inPerson,
                List.of(Dossiers.dvcqgProgress(1), Dossiers.dvcqgProgress(2))), GatewayApi.DVCQG_CLIENT_KEY);

        String closedUnit = Dossiers.newMaHoSo();
        ObjectNode n1 = national(closedUnit, THAI_BINH_CLOSED, BUILDING);
        n1.put("NgayNopHoSo", "20180321100000").put("TaiKhoanDuocXacThucVoiVNeID", 1);
        accept(accepted, api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(n1), null), OPERATOR_KEY);
        ObjectNode rating = Http.JSON.createObjectNode().put("id", closedUnit + "-rating").put("type", "rating")
                .put("MaHoSo", closedUnit);
        rating.putObject("data").put("DiemDanhGia", 5).put("NoiDung", "Cán bộ hướng dẫn tận tình");
        accept(accepted, api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(rating), null), OPERATOR_KEY);
        String april = Dossiers.newMaHoSo();
        ObjectNode n2 = national(april, HUNG_YEN_COMMUNE, BIRTH);
        n2.put("NgayNopHoSo", "20180401100000").put("NgayTiepNhan", "20180402080000");
        accept(accepted, api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(n2), null), OPERATOR_KEY);

        Map<String, JsonNode> outcomes = api.awaitStates(accepted, Set.of("DELIVERED"), Duration.ofSeconds(60));
        outcomes.forEach((id, record) -> assertThat(record.path("state").asText()).as("%s", record).isEqualTo("DELIVERED"));
        // Delivered: in the figures within 2 s.
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode totals = figures(MANAGER_KEY, MARCH).path("totals");
            assertThat(totals.path("synced").asLong()).isEqualTo(3);
            assertThat(totals.path("progressSynced").asLong()).isEqualTo(2);
            assertThat(totals.path("finished").asLong()).isEqualTo(3);
            assertThat(totals.path("ratings").asLong()).isEqualTo(1);
        });
        return late;
    }

    @Test
    @Order(1)
    void theMonthsTotalsAreExactlyTheDefinitions() {
        fileTheDossiersOnce();
        JsonNode march = figures(MANAGER_KEY, MARCH + "&groupBy=day");

        assertThat(march.path("from").asText()).isEqualTo("2018-03-01");
        assertThat(march.path("to").asText()).isEqualTo("2018-03-31");
        assertThat(march.path("groupBy").asText()).isEqualTo("day");
        JsonNode t = march.path("totals");
        assertCounts(t, Map.ofEntries(Map.entry("received", 4L), Map.entry("receivedOnline", 2L),
                Map.entry("receivedInPerson", 1L), Map.entry("receivedPostal", 1L), Map.entry("knownToPortal", 4L),
                Map.entry("synced", 3L), Map.entry("progressReceived", 2L), Map.entry("progressSynced", 2L),
                Map.entry("progressPending", 0L), Map.entry("finished", 3L), Map.entry("finishedOnTime", 2L),
                Map.entry("finishedLate", 1L), Map.entry("paidOnline", 1L), Map.entry("digitised", 1L),
                Map.entry("partsDigitised", 1L), Map.entry("partsReused", 1L),
                Map.entry("partsFromNationalStore", 1L), Map.entry("resultsIssued", 1L), Map.entry("vneid", 2L),
                Map.entry("ratings", 1L), Map.entry("satisfied", 1L), Map.entry("complaints", 0L)));
        assertRate(t, "syncRatio", 3.0 / 4);
        assertRate(t, "onTimeRate", 2.0 / 3);
        assertRate(t, "onlineRate", 2.0 / 4);
        assertRate(t, "onlinePaymentRate", 1.0 / 4);
        assertRate(t, "digitisedRate", 1.0 / 4);
        assertRate(t, "vneidRate", 2.0 / 4);
        assertRate(t, "satisfactionRate", 1.0);
        // Synced within the test: each lag is at most a minute, so both percentiles are a bucket bound of at most 60 s.
        assertThat(t.path("syncLagP50Seconds").asLong()).isBetween(1L, 60L);
        assertThat(t.path("syncLagP95Seconds").asLong()).isBetween(t.path("syncLagP50Seconds").asLong(), 60L);

        assertThat(keys(march)).containsExactly("2018-03-05", "2018-03-20", "2018-03-21");
        JsonNode fifth = group(march, "2018-03-05");
        assertThat(fifth.path("received").asLong()).isEqualTo(2);
        assertThat(fifth.path("finishedLate").asLong()).isEqualTo(1);
        assertRate(fifth, "onTimeRate", 0.5);
        JsonNode twentyFirst = group(march, "2018-03-21");
        assertThat(twentyFirst.path("synced").asLong()).isZero();
        assertThat(twentyFirst.path("knownToPortal").asLong()).isEqualTo(1);
        assertThat(twentyFirst.path("finished").asLong()).isZero();
        assertThat(twentyFirst.path("onTimeRate").isNull()).as("no finished dossier: null").isTrue();
        assertThat(twentyFirst.path("syncRatio").asDouble()).isZero();

        assertThat(march.path("lateTotal").asLong()).isEqualTo(1);
        assertThat(march.path("late")).hasSize(1);
        JsonNode lateOne = march.path("late").get(0);
        assertThat(lateOne.path("maHoSo").asText()).isEqualTo(late);
        assertThat(lateOne.path("maDonVi").asText()).isEqualTo(HUNG_YEN);
        assertThat(lateOne.path("ngayHenTra").asText()).isEqualTo("2018-03-10T17:00+07:00");
        assertThat(lateOne.path("ngayTra").asText()).isEqualTo("2018-03-12T10:00+07:00");
    }

    @Test
    @Order(2)
    void perUnitAClosedCodeCountsForItsSuccessor() {
        fileTheDossiersOnce();
        JsonNode twoMonths = figures(MANAGER_KEY, "from=2018-03-01&to=2018-04-30&groupBy=unit");

        assertThat(keys(twoMonths)).containsExactly(HUNG_YEN, HUNG_YEN_COMMUNE);
        assertThat(group(twoMonths, HUNG_YEN).path("received").asLong()).isEqualTo(4);
        assertThat(group(twoMonths, HUNG_YEN_COMMUNE).path("received").asLong()).isEqualTo(1);
        assertThat(group(twoMonths, HUNG_YEN_COMMUNE).path("receivedOnline").asLong()).isEqualTo(1);
        assertThat(twoMonths.path("totals").path("received").asLong()).isEqualTo(5);

        JsonNode askedByClosedCode = figures(MANAGER_KEY, MARCH + "&unit=" + THAI_BINH_CLOSED);
        assertThat(askedByClosedCode.path("unit").asText()).isEqualTo(HUNG_YEN);
        assertThat(askedByClosedCode.path("totals").path("received").asLong()).isEqualTo(4);
        assertThat(figures(MANAGER_KEY, MARCH + "&unit=" + HUNG_YEN_COMMUNE).path("totals").path("received")
                .asLong()).isZero();
    }

    @Test
    @Order(3)
    void perMonthAndPerProcedure() {
        fileTheDossiersOnce();
        JsonNode months = figures(MANAGER_KEY, "from=2018-03-01&to=2018-04-30&groupBy=month");
        assertThat(keys(months)).containsExactly("2018-03", "2018-04");
        assertThat(group(months, "2018-03").path("received").asLong()).isEqualTo(4);
        assertThat(group(months, "2018-03").path("synced").asLong()).isEqualTo(3);
        assertThat(group(months, "2018-04").path("received").asLong()).isEqualTo(1);
        assertRate(group(months, "2018-04"), "onlineRate", 1.0);

        JsonNode procedures = figures(MANAGER_KEY, MARCH + "&groupBy=procedure");
        assertThat(keys(procedures)).containsExactly(BUILDING, BIRTH);
        JsonNode birth = group(procedures, BIRTH);
        assertThat(birth.path("received").asLong()).isEqualTo(2);
        assertThat(birth.path("finished").asLong()).isEqualTo(2);
        assertRate(birth, "onTimeRate", 0.5);
        JsonNode building = group(procedures, BUILDING);
        assertThat(building.path("received").asLong()).isEqualTo(2);
        assertRate(building, "onTimeRate", 1.0);
        assertThat(building.path("ratings").asLong()).isEqualTo(1);

        JsonNode oneProcedure = figures(MANAGER_KEY, MARCH + "&procedure=" + BIRTH);
        assertThat(oneProcedure.path("totals").path("received").asLong()).isEqualTo(2);
        assertThat(oneProcedure.path("lateTotal").asLong()).isEqualTo(1);
        assertThat(figures(MANAGER_KEY, MARCH + "&procedure=" + BUILDING).path("lateTotal").asLong()).isZero();
    }

    @Test
    @Order(4)
    void theCsvHasTheJsonsFiguresUnderItsFieldNames() {
        fileTheDossiersOnce();
        for (String groupBy : List.of("day", "month", "unit", "procedure")) {
            String query = "from=2018-03-01&to=2018-04-30&groupBy=" + groupBy;
            JsonNode json = figures(MANAGER_KEY, query);
            Http.Reply csv = Http.get(api.baseUrl() + "/api/v1/indicators?" + query,
                    Map.of("X-API-Key", MANAGER_KEY, "Accept", "text/csv"));

            assertThat(csv.status()).as(csv.text()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<String> lines = List.of(csv.text().split("\r\n"));
            List<String> header = List.of(lines.get(0).split(",", -1));
            assertThat(header.get(0)).isEqualTo("key");
            assertThat(lines).hasSize(json.path("groups").size() + 2);
            List<JsonNode> expected = new ArrayList<>();
            json.path("groups").forEach(expected::add);
            expected.add(json.path("totals"));
            for (int row = 0; row < expected.size(); row++) {
                String[] cells = lines.get(row + 1).split(",", -1);
                assertThat(cells).hasSize(header.size());
                JsonNode figures = expected.get(row);
                assertThat(cells[0]).isEqualTo(row == expected.size() - 1 ? "totals" : figures.path("key").asText());
                for (int i = 1; i < header.size(); i++) {
                    JsonNode value = figures.path(header.get(i));
                    assertThat(value.isMissingNode()).as("%s is a JSON field", header.get(i)).isFalse();
                    assertThat(cells[i]).as("%s %s %s", groupBy, cells[0], header.get(i))
                            .isEqualTo(value.isNull() ? "" : value.asText());
                }
            }
        }
    }

    @Test
    @Order(5)
    void badParametersAreAllListed() {
        fileTheDossiersOnce();
        Http.Reply bad = Http.get(api.baseUrl() + "/api/v1/indicators?from=2018-13-01&to=yesterday&groupBy=week",
                Map.of("X-API-Key", MANAGER_KEY));
        assertThat(bad.status()).as(bad.text()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        bad.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertThat(paths).containsExactly("from", "to", "groupBy");

        Http.Reply backwards = Http.get(api.baseUrl() + "/api/v1/indicators?from=2018-04-01&to=2018-03-01",
                Map.of("X-API-Key", MANAGER_KEY));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.text()).contains("must not be after to");
    }

    @Test
    @Order(6)
    void managersAndOperatorsReadThemOnlyOperatorsRecompute() {
        fileTheDossiersOnce();
        assertThat(get(null, MARCH).status()).isEqualTo(401);
        assertThat(get(GatewayApi.DVCQG_CLIENT_KEY, MARCH).status()).isEqualTo(403);
        assertThat(get(OPERATOR_KEY, MARCH).status()).isEqualTo(200);
        Http.Reply byManager = api.post("/api/v1/indicators/recompute", MANAGER_KEY, new byte[0], null);
        assertThat(byManager.status()).as(byManager.text()).isEqualTo(403);
        // A manager reads, sends nothing.
        assertThat(api.postDossier(MANAGER_KEY, Dossiers.dvcqg(Dossiers.newMaHoSo())).status()).isEqualTo(403);

        JsonNode before = figures(MANAGER_KEY, "from=2018-03-01&to=2018-04-30&groupBy=unit");
        Http.Reply recomputed = api.post("/api/v1/indicators/recompute", OPERATOR_KEY, new byte[0], null);
        assertThat(recomputed.status()).as(recomputed.text()).isEqualTo(200);
        assertThat(recomputed.json().path("dossiersFolded").asLong()).isGreaterThanOrEqualTo(5);
        JsonNode after = figures(MANAGER_KEY, "from=2018-03-01&to=2018-04-30&groupBy=unit");
        assertThat(after.path("totals")).isEqualTo(before.path("totals"));
        assertThat(after.path("groups")).isEqualTo(before.path("groups"));
    }

    @Test
    @Order(7)
    void aCodeLongerThanItsColumnCountsUnderItsBeginningAndStopsNothing() {
        fileTheDossiersOnce();
        String longCode = "1.001229." + "x".repeat(130);
        Map<String, String> accepted = new LinkedHashMap<>();
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier(Dossiers.newMaHoSo(), longCode, 1,
                "20180507080000", "20180510170000", null)), GatewayApi.DVCQG_CLIENT_KEY);
        String after = Dossiers.newMaHoSo();
        accept(accepted, api.postDossier(GatewayApi.DVCQG_CLIENT_KEY, dossier(after, BIRTH, 1,
                "20180508080000", "20180510170000", null)), GatewayApi.DVCQG_CLIENT_KEY);
        api.awaitStates(accepted, Set.of("DELIVERED", "REJECTED_BY_PORTAL"), Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonNode may = figures(MANAGER_KEY, "from=2018-05-01&to=2018-05-31&groupBy=procedure");
            assertThat(keys(may)).containsExactlyInAnyOrder(BIRTH, longCode.substring(0, 99) + "…");
            assertThat(may.path("totals").path("received").asLong()).isEqualTo(2);
        });
    }

    // --- the dossiers

    /** A one-stop system's dossier (DVCQG fields) of the demo unit; {@code ngayTra} null: not finished. */
    private static ObjectNode dossier(String maHoSo, String maTTHC, int channel, String ngayTiepNhan,
                                      String ngayHenTra, String ngayTra) {
        ObjectNode d = Dossiers.dvcqg(maHoSo);
        d.put("MaTTHC", maTTHC).put("KenhThucHien", channel).put("NgayTiepNhan", ngayTiepNhan)
                .put("NgayHenTra", ngayHenTra).put("HoSoCoThanhPhanSoHoa", 0);
        if (ngayTra != null) {
            d.put("NgayTra", ngayTra).put("TrangThaiHoSo", 10);
        }
        return d;
    }

    /** A dossier the national portal pushes down, filed online, without files. */
    private static ObjectNode national(String maHoSo, String unit, String maTTHC) {
        ObjectNode d = Http.JSON.createObjectNode();
        d.put("MaHoSo", maHoSo).put("MaDonVi", unit).put("MaTTHC", maTTHC).put("TenTTHC", "Thủ tục thử")
                .put("ChuHoSo", "Lê Văn Nam").put("KenhThucHien", 2).put("TrangThaiHoSo", 1)
                .put("TrichYeuHoSo", "Hồ sơ nộp trực tuyến");
        return d;
    }

    private static void accept(Map<String, String> accepted, Http.Reply reply, String readerKey) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(202);
        accepted.put(reply.json().path("trackingId").asText(), readerKey);
    }

    // --- the API

    private Http.Reply get(String apiKey, String query) {
        Map<String, String> headers = new HashMap<>();
        if (apiKey != null) {
            headers.put("X-API-Key", apiKey);
        }
        return Http.get(api.baseUrl() + "/api/v1/indicators?" + query, headers);
    }

    private JsonNode figures(String apiKey, String query) {
        Http.Reply reply = get(apiKey, query);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    private static List<String> keys(JsonNode figures) {
        List<String> keys = new ArrayList<>();
        figures.path("groups").forEach(g -> keys.add(g.path("key").asText()));
        return keys;
    }

    private static JsonNode group(JsonNode figures, String key) {
        for (JsonNode g : figures.path("groups")) {
            if (key.equals(g.path("key").asText())) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + figures.path("groups"));
    }

    private static void assertCounts(JsonNode figures, Map<String, Long> expected) {
        expected.forEach((field, count) -> assertThat(figures.path(field).asLong()).as(field).isEqualTo(count));
    }

    private static void assertRate(JsonNode figures, String field, double expected) {
        assertThat(figures.path(field).isNumber()).as("%s is a number: %s", field, figures.path(field)).isTrue();
        assertThat(figures.path(field).asDouble()).as(field).isCloseTo(expected, within(1e-9));
    }
}
