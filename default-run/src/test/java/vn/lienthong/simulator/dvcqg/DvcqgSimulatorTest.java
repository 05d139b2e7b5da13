package vn.lienthong.simulator.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The simulated DVCQG portal, through its HTTP API, without the rest of the gateway. */
class DvcqgSimulatorTest {

    private static final String CHU_HO_SO_NFD = Normalizer.normalize("Nguyễn Thị Hồng Nhung", Normalizer.Form.NFD);

    private final ObjectMapper mapper = new ObjectMapper();
    private final DvcqgJson json = new DvcqgJson(mapper);
    private final MutableClock clock = new MutableClock();

    @TempDir
    Path dir;
    private Path journal;
    private DvcqgStore store;
    private DvcqgPortal portal;
    private DvcqgInbox inbox;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        journal = dir.resolve("not/yet/created/dvcqg.jsonl");
        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));
    }

    @AfterEach
    void stop() {
        store.close();
        inbox.close();
    }

    // ---- login and sessions ----

    @Test
    void loginWithTheConfiguredAccountAndProvinceGivesASession() throws Exception {
        Answer answer = send(post("/sim/dvcqg/auth").header("dstcode", "H31")
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("error_code").intValue()).isZero();
        assertThat(answer.json().get("message").textValue()).isEqualTo("OK");
        assertThat(answer.json().get("session").textValue()).hasSizeGreaterThan(20);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
    }

    @Test
    void loginWithAWrongPasswordOrProvinceIsRefusedWith401InTheBody() throws Exception {
        Answer wrongPassword = send(post("/sim/dvcqg/auth").header("dstcode", "H31")
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"nope\"}")));
        Answer wrongProvince = send(post("/sim/dvcqg/auth").header("dstcode", "H54")
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}")));
        Answer noProvince = send(post("/sim/dvcqg/auth")
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}")));

        for (Answer answer : List.of(wrongPassword, wrongProvince, noProvince)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("error_code").intValue()).isEqualTo(401);
            assertThat(answer.json().get("message").textValue())
                    .isEqualTo("Sai thông tin đăng nhập (invalid credentials)");
            assertThat(answer.json().has("session")).isFalse();
        }
    }

    @Test
    void anUnknownSessionIsAnsweredMinusOne() throws Exception {
        Answer answer = api(envelope("not-a-session", "TraCuuHoSo").put("MaHoSo", "X"));

        assertThat(answer.status()).isEqualTo(200);
        assertPortal(answer, -1, "Phiên làm việc không hợp lệ hoặc đã hết hạn (session invalid)");
    }

    @Test
    void expiringSessionsRefusesTheOldOneUntilTheClientLogsInAgain() throws Exception {
        String old = login();
        assertThat(code(api(lookUp(old, "X")))).isEqualTo(3);

        Answer expired = send(post("/sim/dvcqg/sessions/expire"));

        assertThat(expired.json().get("expired").intValue()).isEqualTo(1);
        assertThat(code(api(lookUp(old, "X")))).isEqualTo(-1);
        assertThat(code(api(lookUp(login(), "X")))).isEqualTo(3);
    }

    @Test
    void aSessionLastsSessionTtlFromLogin() throws Exception {
        String session = login();

        clock.advance(Duration.ofMinutes(29));
        assertThat(code(api(lookUp(session, "X")))).isEqualTo(3);
        clock.advance(Duration.ofMinutes(1));
        assertThat(code(api(lookUp(session, "X")))).isEqualTo(-1);
    }

    // ---- the envelope ----

    @Test
    void malformedJsonIsAnsweredWithErrorCode1NotAStackTrace() throws Exception {
        Answer broken = send(post("/sim/dvcqg/api").contentType(MediaType.APPLICATION_JSON)
                .content(utf8("{\"session\": \"x\", \"service\": ")));
        Answer trailing = send(post("/sim/dvcqg/api").content(utf8("{\"session\":\"x\"} {}")));
        Answer empty = send(post("/sim/dvcqg/api"));
        Answer brokenLogin = send(post("/sim/dvcqg/auth").header("dstcode", "H31").content(utf8("{nope")));

        for (Answer answer : List.of(broken, trailing, empty, brokenLogin)) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(code(answer)).isEqualTo(1);
            assertThat(message(answer)).startsWith("JSON không hợp lệ: ").doesNotContain("at com.fasterxml");
        }
    }

    @Test
    void aMissingUnitAndServiceAreBothListed() throws Exception {
        ObjectNode envelope = mapper.createObjectNode().put("session", login());

        Answer answer = api(envelope);

        assertThat(code(answer)).isEqualTo(1);
        assertThat(message(answer)).contains("madonvi: thiếu (missing)").contains("service: thiếu (missing)");
    }

    @Test
    void anUnknownServiceIsErrorCode1() throws Exception {
        Answer answer = api(envelope(login(), "LayDanhMucCoQuan"));

        assertThat(code(answer)).isEqualTo(1);
        assertThat(message(answer)).contains("'LayDanhMucCoQuan' không được hỗ trợ (unknown service)");
    }

    // ---- DongBoHoSoMC ----

    @Test
    void createThenCreateAgainIsAlreadyExistsThenUpdateCountsASecondSync() throws Exception {
        String session = login();

        Answer created = api(sync(session, false, dossier("H31-0001")));
        Answer again = api(sync(session, false, dossier("H31-0001")));
        ObjectNode changed = dossier("H31-0001").put("TrangThaiHoSo", "4");
        Answer updated = api(sync(session, true, changed));

        assertPortal(created, 0, "Đồng bộ thành công");
        assertPortal(again, 2, "Hồ sơ H31-0001 đã tồn tại (already exists)");
        assertPortal(updated, 0, "Đồng bộ thành công");
        JsonNode stored = dossierView("H31-0001").json();
        assertThat(stored.get("syncCount").intValue()).isEqualTo(2);
        assertThat(stored.get("dossier")).isEqualTo(changed);
    }

    @Test
    void updatingAnUnknownDossierCreatesIt() throws Exception {
        Answer answer = api(sync(login(), true, dossier("H31-0002")));

        assertThat(code(answer)).isZero();
        assertThat(dossierView("H31-0002").json().get("syncCount").intValue()).isEqualTo(1);
    }

    @Test
    void isUpdatingMayBeABooleanAndCodesMayBeNumbers() throws Exception {
        ObjectNode envelope = sync(login(), false, dossier("H31-0003")
                .put("KenhThucHien", 2).put("LoaiDoiTuong", 1).put("TrangThaiHoSo", 10));
        envelope.put("isUpdating", false);

        assertThat(code(api(envelope))).isZero();
    }

    @Test
    void everyProblemOfEveryDossierIsListedAndNothingIsStored() throws Exception {
        ObjectNode badDate = dossier("H31-0004").put("NgayTiepNhan", "20250230120000");
        ObjectNode badState = dossier("H31-0005").put("TrangThaiHoSo", "11").put("NgayHenTra", "2025-07-01");
        ObjectNode noId = dossier("H31-0006");
        noId.remove("MaHoSo");

        Answer answer = api(sync(login(), false, badDate, badState, noId));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(code(answer)).isEqualTo(1);
        assertThat(message(answer))
                .startsWith("Dữ liệu không hợp lệ (invalid data): ")
                .contains("data[0].NgayTiepNhan: '20250230120000' không phải ngày giờ hợp lệ yyyyMMddHHmmss")
                .contains("data[1].TrangThaiHoSo: 11 ngoài khoảng 1..10 (out of range)")
                .contains("data[1].NgayHenTra: '2025-07-01' không phải ngày giờ hợp lệ")
                .contains("data[2].MaHoSo: thiếu (missing)");
        assertThat(dossierView("H31-0004").status()).isEqualTo(404);
        assertThat(dossierView("H31-0005").status()).isEqualTo(404);
    }

    @Test
    void anEmptyDataArrayOrAMissingIsUpdatingIsRefused() throws Exception {
        ObjectNode envelope = envelope(login(), "DongBoHoSoMC");
        envelope.putArray("data");

        Answer answer = api(envelope);

        assertThat(code(answer)).isEqualTo(1);
        assertThat(message(answer)).contains("isUpdating").contains("data: phải là mảng không rỗng");
    }

    @Test
    void vietnameseTextFieldOrderAndDecimalsAreStoredExactlyAsReceived() throws Exception {
        String nfd = CHU_HO_SO_NFD;
        assertThat(nfd).isNotEqualTo(Normalizer.normalize(nfd, Normalizer.Form.NFC));
        ObjectNode sent = dossier("H31-0007").put("ChuHoSo", nfd);
        sent.putArray("DanhSachLePhi").addObject().put("TenPhiLePhi", "Lệ phí").put("Gia", new BigDecimal("150000.50"));
        sent.putNull("GhiChu");

        assertThat(code(api(sync(login(), false, sent)))).isZero();

        Answer view = dossierView("H31-0007");
        JsonNode stored = view.json().get("dossier");
        assertThat(stored.get("ChuHoSo").textValue()).isEqualTo(nfd);
        assertThat(new String(view.raw(), StandardCharsets.UTF_8)).contains(nfd).contains("\"Gia\":150000.50")
                .contains("\"GhiChu\":null");
        assertThat(fieldNames(stored)).isEqualTo(fieldNames(sent));
    }

    @Test
    void lookUpAnswersTheStoredDossierOrUnknown() throws Exception {
        String session = login();
        ObjectNode sent = dossier("H31-0008").put("ChuHoSo", CHU_HO_SO_NFD);
        api(sync(session, false, sent));

        Answer found = api(lookUp(session, "H31-0008"));
        Answer missing = api(lookUp(session, "H31-9999"));

        assertThat(code(found)).isZero();
        assertThat(found.json().get("data")).isEqualTo(sent);
        assertPortal(missing, 3, "Không tìm thấy hồ sơ H31-9999 (unknown dossier)");
    }

    // ---- CapNhatTienDoHoSoMC ----

    @Test
    void progressForAnUnknownDossierIsErrorCode3() throws Exception {
        Answer answer = api(progressCall(login(), progress("H31-4040", "Tiếp nhận")));

        assertPortal(answer, 3, "Không tìm thấy hồ sơ H31-4040 (unknown dossier)");
        assertThat(stats().get("progressItems").intValue()).isZero();
    }

    @Test
    void progressIsKeptInTheOrderReceived() throws Exception {
        String session = login();
        api(sync(session, false, dossier("H31-0009")));

        assertThat(code(api(progressCall(session, progress("H31-0009", "1 Tiếp nhận"))))).isZero();
        assertThat(code(api(progressCall(session,
                progress("H31-0009", "2 Chuyển xử lý"), progress("H31-0009", "3 Phê duyệt"))))).isZero();

        JsonNode items = dossierView("H31-0009").json().get("progress");
        assertThat(items).hasSize(3);
        assertThat(items.findValuesAsText("NoiDungXuLy")).containsExactly("1 Tiếp nhận", "2 Chuyển xử lý", "3 Phê duyệt");
    }

    @Test
    void aProgressItemWithoutItsRequiredFieldsListsThemAll() throws Exception {
        String session = login();
        api(sync(session, false, dossier("H31-0010")));
        ObjectNode item = progress("H31-0010", "x").put("ThoiDiemXuLy", "20251301000000").put("TrangThai", 0);
        item.remove("NguoiXuLy");

        Answer answer = api(progressCall(session, item));

        assertThat(code(answer)).isEqualTo(1);
        assertThat(message(answer)).contains("data[0].NguoiXuLy: thiếu (missing)")
                .contains("data[0].ThoiDiemXuLy: '20251301000000'").contains("data[0].TrangThai: 0 ngoài khoảng 1..10");
    }

    // ---- faults ----

    @Test
    void aDownPortalAnswers503ToLoginAndCallsButNotToInspection() throws Exception {
        String session = login();
        Answer set = send(put("/sim/dvcqg/faults").content(utf8("{\"down\": true}")));

        Answer auth = send(post("/sim/dvcqg/auth").header("dstcode", "H31")
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}")));
        Answer call = api(lookUp(session, "X"));

        assertThat(set.json().get("down").booleanValue()).isTrue();
        assertThat(auth.status()).isEqualTo(503);
        assertThat(auth.json().get("error").textValue()).isEqualTo("portal down (simulated)");
        assertThat(call.status()).isEqualTo(503);
        assertThat(send(get("/sim/dvcqg/faults")).json().get("down").booleanValue()).isTrue();
        assertThat(send(get("/sim/dvcqg/stats")).status()).isEqualTo(200);
        assertThat(stats().get("failedByFault").intValue()).isEqualTo(2);
    }

    @Test
    void errorRateOneFailsEveryIntegrationCallWith500() throws Exception {
        String session = login();
        send(put("/sim/dvcqg/faults").content(utf8("{\"errorRate\": 1.0}")));

        for (int i = 0; i < 5; i++) {
            Answer answer = api(lookUp(session, "X"));
            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.json().get("error").textValue()).isEqualTo("portal error (simulated)");
        }
        assertThat(stats().get("failedByFault").intValue()).isEqualTo(5);
        assertThat(login()).isNotBlank(); // errorRate is for the integration URL only
    }

    @Test
    void aRejectPatternRefusesMatchingDossiersWithErrorCode4() throws Exception {
        String session = login();
        send(put("/sim/dvcqg/faults").content(utf8("{\"rejectMaHoSoPattern\": \"REJ\"}")));

        Answer rejected = api(sync(session, false, dossier("H31-REJ-1")));
        Answer accepted = api(sync(session, false, dossier("H31-0011")));

        assertPortal(rejected, 4, "Từ chối hồ sơ H31-REJ-1: thủ tục không hợp lệ (rejected by portal)");
        assertThat(code(accepted)).isZero();
        assertThat(dossierView("H31-REJ-1").status()).isEqualTo(404);
        assertThat(stats().get("rejectedByFault").intValue()).isEqualTo(1);
    }

    @Test
    void aFailPatternAnswers500ForEveryCallAboutMatchingDossiersOnly() throws Exception {
        String session = login();
        api(sync(session, false, dossier("H31-POISON-1")));
        send(put("/sim/dvcqg/faults").content(utf8("{\"failMaHoSoPattern\": \"POISON\"}")));

        Answer dossierCall = api(sync(session, true, dossier("H31-POISON-1")));
        Answer progressCall = api(progressCall(session, progress("H31-POISON-1", "a")));
        Answer lookUpCall = api(lookUp(session, "H31-POISON-1"));
        Answer mixedBatch = api(sync(session, false, dossier("H31-0021"), dossier("H31-POISON-2")));
        Answer healthy = api(sync(session, false, dossier("H31-0020")));
        Answer healthyProgress = api(progressCall(session, progress("H31-0020", "b")));

        for (Answer failed : List.of(dossierCall, progressCall, lookUpCall, mixedBatch)) {
            assertThat(failed.status()).isEqualTo(500);
            assertThat(failed.json().get("error").textValue()).startsWith("portal error (simulated) for H31-POISON-");
        }
        assertThat(code(healthy)).isZero();
        assertThat(code(healthyProgress)).isZero();
        assertThat(dossierView("H31-POISON-1").json().get("syncCount").intValue()).isEqualTo(1);
        assertThat(dossierView("H31-POISON-1").json().get("progress")).isEmpty();
        assertThat(dossierView("H31-0021").status()).isEqualTo(404);
        assertThat(stats().get("failedByFault").intValue()).isEqualTo(4);
        assertThat(login()).isNotBlank(); // the pattern is about dossiers: login still works
    }

    @Test
    void puttingFaultsReplacesEverySettingAndRefusesNonsense() throws Exception {
        String all = "{\"down\":true,\"errorRate\":0.5,\"latencyMs\":5,\"rejectMaHoSoPattern\":\"^X\","
                + "\"failMaHoSoPattern\":\"^Y\",\"failFilePattern\":\"^Z\"}";
        send(put("/sim/dvcqg/faults").content(utf8(all)));
        assertThat(send(get("/sim/dvcqg/faults")).json()).isEqualTo(mapper.readTree(all));

        send(put("/sim/dvcqg/faults").content(utf8("{\"latencyMs\": 1}")));
        assertThat(send(get("/sim/dvcqg/faults")).json()).isEqualTo(mapper.readTree(
                "{\"down\":false,\"errorRate\":0.0,\"latencyMs\":1,\"rejectMaHoSoPattern\":null,"
                        + "\"failMaHoSoPattern\":null,\"failFilePattern\":null}"));

        Answer nonsense = send(put("/sim/dvcqg/faults").content(utf8(
                "{\"errorRate\": 2, \"rejectMaHoSoPattern\": \"(\", \"failMaHoSoPattern\": 7}")));
        assertThat(nonsense.status()).isEqualTo(400);
        assertThat(nonsense.json().get("error").textValue()).contains("errorRate").contains("rejectMaHoSoPattern")
                .contains("failMaHoSoPattern");
        assertThat(send(get("/sim/dvcqg/faults")).json().get("latencyMs").intValue()).isEqualTo(1);
    }

    // ---- journal, stats, reset ----

    @Test
    void aNewStoreOnTheSameJournalSeesTheSameDossiersProgressAndSyncCounts() throws Exception {
        String session = login();
        ObjectNode first = dossier("H31-0012").put("ChuHoSo", CHU_HO_SO_NFD);
        ObjectNode second = dossier("H31-0012").put("TrangThaiHoSo", "9");
        api(sync(session, false, first));
        api(sync(session, true, second));
        api(sync(session, false, dossier("H31-0013")));
        api(progressCall(session, progress("H31-0012", "một"), progress("H31-0012", "hai")));
        assertThat(journal).exists();
        store.close();

        DvcqgStore replayed = new DvcqgStore(new DvcqgFileJournal(journal, json));
        try {
            DvcqgStore.DossierView view = replayed.view("H31-0012").orElseThrow();
            assertThat(view.dossier()).isEqualTo(second);
            assertThat(view.syncCount()).isEqualTo(2);
            assertThat(view.progress()).extracting(item -> item.get("NoiDungXuLy").textValue())
                    .containsExactly("một", "hai");
            assertThat(replayed.dossierCount()).isEqualTo(2);
            assertThat(replayed.progressItemCount()).isEqualTo(2);
        } finally {
            replayed.close();
        }
        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));
        assertThat(dossierView("H31-0012").json().get("syncCount").intValue()).isEqualTo(2);
    }

    @Test
    void theNfdNameSurvivesTheJournal() throws Exception {
        api(sync(login(), false, dossier("H31-0014").put("ChuHoSo", CHU_HO_SO_NFD)));
        store.close();

        assertThat(Files.readString(journal, StandardCharsets.UTF_8)).contains(CHU_HO_SO_NFD);
        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));
        assertThat(dossierView("H31-0014").json().at("/dossier/ChuHoSo").textValue()).isEqualTo(CHU_HO_SO_NFD);
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheNextRecordIsNotLost() throws Exception {
        api(sync(login(), false, dossier("H31-0015")));
        store.close();
        Files.write(journal, utf8("{\"op\":\"dossier\",\"dossier\":{\"MaHo"),
                StandardOpenOption.APPEND);

        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));
        api(sync(login(), false, dossier("H31-0016")));
        store.close();
        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));

        assertThat(dossierView("H31-0015").status()).isEqualTo(200);
        assertThat(dossierView("H31-0016").status()).isEqualTo(200);
    }

    @Test
    void statsCountRequestsDossiersProgressAndFaults() throws Exception {
        String session = login();
        login();
        api(sync(session, false, dossier("H31-0017")));
        api(sync(session, false, dossier("H31-0017")));
        api(progressCall(session, progress("H31-0017", "a"), progress("H31-0017", "b")));
        api(lookUp(session, "H31-0017"));
        api(envelope(session, "LayThuTuc"));
        send(put("/sim/dvcqg/faults").content(utf8("{\"down\": true}")));
        api(sync(session, true, dossier("H31-0017")));

        assertThat(stats()).isEqualTo(mapper.readTree("""
                {"dossiers": 1, "progressItems": 2,
                 "requests": {"auth": 2, "DongBoHoSoMC": 3, "CapNhatTienDoHoSoMC": 1, "TraCuuHoSo": 1,
                              "LayDanhSachHoSo": 0, "LayChiTietHoSo": 0, "CapNhatDaNhanHoSo": 0,
                              "DongBoTrangThaiHoSo": 0, "invalid": 1, "getfile": 0},
                 "rejectedByFault": 0, "failedByFault": 1,
                 "filedDossiers": 0, "filedEntries": 0, "waitingEntries": 0, "pushFailures": 0}"""));
    }

    @Test
    void deletingDossiersClearsStoreCountersAndJournal() throws Exception {
        String session = login();
        api(sync(session, false, dossier("H31-0018")));

        Answer cleared = send(delete("/sim/dvcqg/dossiers"));

        assertThat(cleared.json().get("cleared").intValue()).isEqualTo(1);
        assertThat(dossierView("H31-0018").status()).isEqualTo(404);
        assertThat(stats().get("dossiers").intValue()).isZero();
        assertThat(stats().at("/requests/DongBoHoSoMC").intValue()).isZero();
        assertThat(Files.size(journal)).isZero();
        assertThat(code(api(sync(session, false, dossier("H31-0018"))))).isZero(); // the session survives a reset
        assertThat(Files.readAllLines(journal, StandardCharsets.UTF_8)).hasSize(1);
    }

    @Test
    void concurrentCallersLoseNoProgressAndKeepEachCallersOrder() throws Exception {
        String session = login();
        api(sync(session, false, dossier("H31-0019")));
        int callers = 8;
        int callsEach = 100;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            done.add(pool.submit(() -> {
                for (int i = 0; i < callsEach; i++) {
                    // a new dossier per call too, so different stripes run in parallel with the shared one
                    portal.call(json.write(sync(session, false, dossier("H31-C" + caller + "-" + i))));
                    DvcqgReply reply = portal.call(json.write(
                            progressCall(session, progress("H31-0019", caller + ":" + i))));
                    assertThat(reply.body().get("error_code").intValue()).isZero();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        List<String> seen = dossierView("H31-0019").json().get("progress").findValuesAsText("NoiDungXuLy");
        assertThat(seen).hasSize(callers * callsEach);
        for (int c = 0; c < callers; c++) {
            String prefix = c + ":";
            assertThat(seen.stream().filter(text -> text.startsWith(prefix)).map(text -> text.substring(prefix.length()))
                    .map(Integer::parseInt).toList()).isSorted().hasSize(callsEach);
        }
        store.close();
        startSimulator(DvcqgSimulatorProperties.defaults().withStoreFile(journal));
        assertThat(stats().get("dossiers").intValue()).isEqualTo(1 + callers * callsEach);
        assertThat(stats().get("progressItems").intValue()).isEqualTo(callers * callsEach);
    }

    // ---- Spring wiring ----

    private final WebApplicationContextRunner spring = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void theConfigurationAloneServesTheSimulatorWithBoundProperties() {
        spring.withUserConfiguration(DvcqgSimulatorConfiguration.class)
                .withPropertyValues("lienthong.simulator.dvcqg.store-file=" + journal,
                        "lienthong.simulator.dvcqg.citizen.store-directory=" + dir.resolve("citizen-wired"),
                        "lienthong.simulator.dvcqg.session-ttl=5m",
                        "lienthong.simulator.dvcqg.faults.reject-ma-ho-so-pattern=^REJ",
                        "lienthong.simulator.dvcqg.faults.latency=2ms")
                .run(context -> {
                    assertThat(context).hasSingleBean(DvcqgSimulatorController.class)
                            .hasSingleBean(DvcqgSimulatorAdminController.class);
                    DvcqgSimulatorProperties properties = context.getBean(DvcqgSimulatorProperties.class);
                    assertThat(properties.username()).isEqualTo("lienthong");
                    assertThat(properties.dstcode()).isEqualTo("H31");
                    assertThat(properties.sessionTtl()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(properties.journalFile()).isEqualTo(journal);
                    DvcqgFaults.Settings faults = context.getBean(DvcqgFaults.class).current();
                    assertThat(faults.rejects("REJ-1")).isTrue();
                    assertThat(faults.latency()).isEqualTo(Duration.ofMillis(2));
                    assertThat(faults.down()).isFalse();
                });
    }

    @Test
    void theSimulatorIsAbsentWhenDisabled() {
        spring.withUserConfiguration(ScanLikeTheApplication.class)
                .withPropertyValues("lienthong.simulator.dvcqg.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(DvcqgPortal.class)
                        .doesNotHaveBean(DvcqgSimulatorController.class)
                        .doesNotHaveBean(DvcqgSimulatorAdminController.class));
    }

    @Test
    void theApplicationsScanAndTheImportGiveOneControllerEachAndAWorkingApi() {
        spring.withUserConfiguration(ScanLikeTheApplication.class)
                .withPropertyValues("lienthong.simulator.dvcqg.password=s3cret")
                .run(context -> {
                    assertThat(context).hasSingleBean(DvcqgSimulatorController.class)
                            .hasSingleBean(DvcqgSimulatorAdminController.class)
                            .hasSingleBean(DvcqgSimulatorProperties.class);
                    MockMvc web = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
                    MockHttpServletResponse response = web.perform(post("/sim/dvcqg/auth").header("dstcode", "H31")
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(utf8("{\"username\":\"lienthong\",\"password\":\"s3cret\"}"))).andReturn().getResponse();
                    assertThat(mapper.readTree(response.getContentAsByteArray()).get("error_code").intValue()).isZero();
                });
    }

    /** What {@code @SpringBootApplication @ConfigurationPropertiesScan} in {@code vn.lienthong} does to this package. */
    @ComponentScan(basePackageClasses = DvcqgSimulatorConfiguration.class)
    @ConfigurationPropertiesScan(basePackageClasses = DvcqgSimulatorConfiguration.class)
    static class ScanLikeTheApplication {
    }

    // ---- helpers ----

    private record Answer(int status, String contentType, byte[] raw, JsonNode json) {
    }

    private void startSimulator(DvcqgSimulatorProperties properties) {
        store = new DvcqgStore(new DvcqgFileJournal(properties.journalFile(), json));
        DvcqgSessions sessions = new DvcqgSessions(properties.sessionTtl(), clock);
        DvcqgFaults faults = new DvcqgFaults(DvcqgFaults.Settings.of(properties.faults()));
        DvcqgStats stats = new DvcqgStats();
        if (inbox != null) {
            inbox.close();
        }
        inbox = new DvcqgInbox(dir.resolve("citizen"), clock);
        portal = new DvcqgPortal(properties, json, sessions, faults, new DvcqgDossierRules(), store, stats, inbox);
        DvcqgPush push = new DvcqgPush(properties.citizen().push(), inbox, portal, json, () -> "");
        mvc = MockMvcBuilders.standaloneSetup(
                new DvcqgSimulatorController(portal, json),
                new DvcqgSimulatorAdminController(store, stats, faults, sessions, json, inbox, push)).build();
    }

    private Answer send(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        byte[] raw = response.getContentAsByteArray();
        return new Answer(response.getStatus(), response.getContentType(), raw, mapper.readTree(raw));
    }

    private Answer api(ObjectNode envelope) throws Exception {
        return send(post("/sim/dvcqg/api").contentType(MediaType.APPLICATION_JSON).content(json.write(envelope)));
    }

    private String login() throws Exception {
        MockHttpServletRequestBuilder auth = post("/sim/dvcqg/auth").header("dstcode", "H31")
                .contentType(MediaType.APPLICATION_JSON)
                .content(utf8("{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}"));
        return send(auth).json().get("session").textValue();
    }

    private Answer dossierView(String maHoSo) throws Exception {
        return send(get("/sim/dvcqg/dossiers/{maHoSo}", maHoSo));
    }

    private JsonNode stats() throws Exception {
        return send(get("/sim/dvcqg/stats")).json();
    }

    private ObjectNode envelope(String session, String service) {
        return mapper.createObjectNode().put("session", session).put("madonvi", "000.00.00.H31").put("service", service);
    }

    private ObjectNode lookUp(String session, String maHoSo) {
        return envelope(session, "TraCuuHoSo").put("MaHoSo", maHoSo);
    }

    private ObjectNode sync(String session, boolean updating, ObjectNode... dossiers) {
        ObjectNode envelope = envelope(session, "DongBoHoSoMC").put("isUpdating", updating ? "True" : "False");
        ArrayNode data = envelope.putArray("data");
        for (ObjectNode dossier : dossiers) {
            data.add(dossier);
        }
        return envelope;
    }

    private ObjectNode progressCall(String session, ObjectNode... items) {
        ObjectNode envelope = envelope(session, "CapNhatTienDoHoSoMC");
        ArrayNode data = envelope.putArray("data");
        for (ObjectNode item : items) {
            data.add(item);
        }
        return envelope;
    }

    private ObjectNode dossier(String maHoSo) {
        return mapper.createObjectNode()
                .put("MaHoSo", maHoSo)
                .put("MaTTHC", "1.001229.000.00.00.H31")
                .put("TenTTHC", "Cấp giấy phép xây dựng")
                .put("KenhThucHien", "2")
                .put("ChuHoSo", "Trần Văn Bình")
                .put("LoaiDoiTuong", "1")
                .put("NgayTiepNhan", "20250701083000")
                .put("NgayHenTra", "20250715170000")
                .put("TrangThaiHoSo", "2");
    }

    private ObjectNode progress(String maHoSo, String noiDung) {
        return mapper.createObjectNode()
                .put("MaHoSo", maHoSo)
                .put("NguoiXuLy", "Lê Thị Hoa")
                .put("ThoiDiemXuLy", "20250702090000")
                .put("NoiDungXuLy", noiDung)
                .put("TrangThai", "4");
    }

    private static void assertPortal(Answer answer, int errorCode, String message) {
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("error_code").isInt()).isTrue();
        assertThat(answer.json().get("error_code").intValue()).isEqualTo(errorCode);
        assertThat(answer.json().get("message").textValue()).isEqualTo(message);
    }

    private static int code(Answer answer) {
        return answer.json().get("error_code").intValue();
    }

    private static String message(Answer answer) {
        return answer.json().get("message").textValue();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A clock the test moves by hand, so session expiry needs no waiting. */
    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-07-01T01:30:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
