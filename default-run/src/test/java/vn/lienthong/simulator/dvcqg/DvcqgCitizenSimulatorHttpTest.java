package vn.lienthong.simulator.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.HttpEncodingAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorHttp;
import vn.lienthong.simulator.SimulatorHttp.Reply;

/**
 * The citizens' side of the simulated portal over real HTTP on a random port (Tomcat's multipart handling): what a
 * citizen files is what the province's services list, detail and stream back, byte for byte, until it is marked
 * received; supplements and withdrawal requests follow their dossier in order; faults as the portal's other calls.
 */
class DvcqgCitizenSimulatorHttpTest {

    private static final String HUNG_YEN = "000.00.00.H31";
    private static final String THAI_BINH_CLOSED = "000.00.00.H54";
    private static final long MAX_FILE = 25L * 1024 * 1024;

    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext simulator;
    private static String base;
    private static SimulatorHttp http;
    private static Path twentyMebibytes;
    private static Path pdf;
    private static Path scan;

    private final ObjectMapper mapper = new ObjectMapper();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            MultipartAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
            PropertyPlaceholderAutoConfiguration.class})
    @Import(DvcqgSimulatorConfiguration.class)
    static class SimulatorApplication {
    }

    @BeforeAll
    static void startSimulator() throws IOException {
        simulator = new SpringApplicationBuilder(SimulatorApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.config.name=dvcqg-citizen-simulator-test", "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--spring.servlet.multipart.max-file-size=100MB",
                        "--spring.servlet.multipart.max-request-size=300MB",
                        "--spring.servlet.multipart.file-size-threshold=1MB",
                        "--lienthong.simulator.dvcqg.citizen.store-directory=" + dir.resolve("citizen"),
                        "--lienthong.simulator.dvcqg.citizen.max-file-size=" + MAX_FILE + "B");
        base = "http://127.0.0.1:" + ((ServletWebServerApplicationContext) simulator).getWebServer().getPort();
        http = new SimulatorHttp(base);
        twentyMebibytes = randomFile(dir.resolve("ban-ve.pdf"), 20 * 1024 * 1024, 20);
        pdf = randomFile(dir.resolve("don.pdf"), 180_000, 1);
        scan = randomFile(dir.resolve("cccd.jpg"), 400_000, 2);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void emptyAndNoFaults() {
        http.putJson("/sim/dvcqg/faults", "{}");
        http.delete("/sim/dvcqg/dossiers");
    }

    // ---- a dossier, end to end ----

    @Test
    void aDossierWithThreeFilesIsListedDetailedAndStreamedBackByteForByteUntilMarkedReceived() throws IOException {
        ObjectNode dossier = dossier(HUNG_YEN, "Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg");
        Reply filed = http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart().json("dossier", dossier)
                .file("Đơn đề nghị.pdf", "application/pdf", pdf)
                .file("ban-ve.pdf", "application/pdf", twentyMebibytes)
                .file("cccd.jpg", "image/jpeg", scan));

        assertThat(filed.status()).as(filed.json().toString()).isEqualTo(200);
        String maHoSo = filed.json().get("MaHoSo").textValue();
        assertThat(maHoSo).matches("H31-\\d{6}-[0-9A-F]{8}");
        assertThat(filed.json().get("files").findValuesAsText("sha256"))
                .containsExactly(SimulatorHttp.sha256(pdf), SimulatorHttp.sha256(twentyMebibytes),
                        SimulatorHttp.sha256(scan));
        assertThat(province(maHoSo).get("received").booleanValue()).isFalse();

        String session = login();
        JsonNode list = call(envelope(session, "LayDanhSachHoSo"));
        assertThat(list.get("error_code").intValue()).isZero();
        assertThat(list.get("data")).hasSize(1);
        JsonNode entry = list.get("data").get(0);
        assertThat(entry.get("type").textValue()).isEqualTo("dossier");
        assertThat(entry.get("MaHoSo").textValue()).isEqualTo(maHoSo);
        assertThat(entry.get("MaDonVi").textValue()).isEqualTo(HUNG_YEN);
        JsonNode data = entry.get("data");
        // what the portal always sends, filled in where the citizen left it out
        assertThat(data.get("MaHoSo").textValue()).isEqualTo(maHoSo);
        assertThat(data.get("MaTTHC").textValue()).isEqualTo("1.001229.000.00.00.H31");
        assertThat(data.get("ChuHoSo").textValue()).isEqualTo("Nguyễn Văn An");
        assertThat(data.get("NgayNopHoSo").textValue()).matches("\\d{14}");
        assertThat(data.get("KenhThucHien").intValue()).isEqualTo(2);
        assertThat(data.get("TrangThaiHoSo").intValue()).isEqualTo(1);
        assertThat(data.get("TrichYeuHoSo").textValue()).isEqualTo(dossier.get("TrichYeuHoSo").textValue());

        JsonNode detail = call(envelope(session, "LayChiTietHoSo").put("MaHoSo", maHoSo)).get("data");
        assertThat(detail).isEqualTo(data);
        List<Path> sent = List.of(pdf, twentyMebibytes, scan);
        ArrayNode files = (ArrayNode) detail.get("TaiLieuNop");
        assertThat(files.findValuesAsText("TenTepDinhKem")).containsExactly("Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg");
        for (int i = 0; i < 3; i++) {
            String url = files.get(i).get("DuongDanTaiTepTin").textValue();
            assertThat(url).isEqualTo(base + "/sim/dvcqg/getfile/" + files.get(i).get("TepDinhKemId").textValue());
            Object[] fetched = http.sha256Of(url);
            assertThat(fetched[0]).isEqualTo(200);
            assertThat(fetched[1]).isEqualTo(SimulatorHttp.sha256(sent.get(i)));
            assertThat(fetched[2]).isEqualTo(Files.size(sent.get(i)));
        }

        JsonNode marked = call(envelope(session, "CapNhatDaNhanHoSo").set("data", mapper.createArrayNode()
                .add(mapper.createObjectNode().put("id", entry.get("id").textValue()))));
        assertThat(marked.get("error_code").intValue()).isZero();
        assertThat(marked.at("/data/0/alreadyReceived").booleanValue()).isFalse();
        JsonNode again = call(envelope(session, "CapNhatDaNhanHoSo").set("data", mapper.createArrayNode()
                .add(mapper.createObjectNode().put("MaHoSo", maHoSo))));
        assertThat(again.get("error_code").intValue()).isZero();
        assertThat(again.at("/data/0/alreadyReceived").booleanValue()).isTrue();
        assertThat(again.at("/data/0/receivedAt")).isEqualTo(marked.at("/data/0/receivedAt"));

        assertThat(call(envelope(session, "LayDanhSachHoSo")).get("data")).isEmpty();
        JsonNode province = province(maHoSo);
        assertThat(province.get("received").booleanValue()).isTrue();
        assertThat(province.get("receivedAt").textValue()).endsWith("+07:00");
        JsonNode view = http.get("/sim/dvcqg/dossiers/" + maHoSo).json();
        assertThat(view.at("/filed/files").findValuesAsText("sha256")).containsExactly(SimulatorHttp.sha256(pdf),
                SimulatorHttp.sha256(twentyMebibytes), SimulatorHttp.sha256(scan));
        assertThat(view.get("dossier").isNull()).isTrue(); // the province has not synced it upward yet
    }

    @Test
    void everyDossierFiledThroughTheProvinceIsListedWhateverItsUnitCodeAndTheCitizensMaHoSoIsKept() {
        String closed = file(dossier(THAI_BINH_CLOSED).put("MaHoSo", "G22.H54-250801-0001"));
        String unknown = file(dossier("999.99.99.X99"));
        String ordinary = file(dossier(HUNG_YEN).put("KenhThucHien", "2").put("ChuHoSo", "Trần Thị Bình"));

        assertThat(closed).isEqualTo("G22.H54-250801-0001");
        JsonNode list = call(envelope(login(), "LayDanhSachHoSo")).get("data");
        assertThat(fields(list, "MaHoSo")).containsExactly(closed, unknown, ordinary);
        assertThat(fields(list, "MaDonVi")).containsExactly(THAI_BINH_CLOSED, "999.99.99.X99", HUNG_YEN);
        assertThat(list.get(2).at("/data/ChuHoSo").textValue()).isEqualTo("Trần Thị Bình");
        assertThat(list.get(2).at("/data/KenhThucHien").textValue()).isEqualTo("2");
        assertThat(call(envelope(login(), "LayDanhSachHoSo").put("SoLuong", 2)).get("data")).hasSize(2);

        Reply twice = http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart()
                .json("dossier", dossier(THAI_BINH_CLOSED).put("MaHoSo", closed)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(call(envelope(login(), "LayDanhSachHoSo")).get("data")).hasSize(3);
    }

    @Test
    void aSupplementAndAWithdrawalRequestAreListedAfterTheirDossierInOrder() {
        String maHoSo = file(dossier(HUNG_YEN));
        ObjectNode supplement = mapper.createObjectNode().put("NoiDungBoSung", "Bổ sung bản sao sổ hộ khẩu");
        supplement.putArray("TaiLieuNop").addObject().put("TenTepDinhKem", "so-ho-khau.pdf");
        Reply supplemented = http.post("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/supplements",
                SimulatorHttp.multipart().json("supplement", supplement)
                        .file("so-ho-khau.pdf", "application/pdf", pdf));
        Reply withdrawn = http.postJson("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/withdrawal",
                mapper.createObjectNode().put("LyDo", "Nộp nhầm thủ tục"));
        assertThat(supplemented.status()).isEqualTo(200);
        assertThat(withdrawn.status()).isEqualTo(200);

        String session = login();
        JsonNode list = call(envelope(session, "LayDanhSachHoSo")).get("data");
        assertThat(fields(list, "type")).containsExactly("dossier", "supplement", "withdrawal");
        assertThat(fields(list, "MaHoSo")).containsOnly(maHoSo);
        JsonNode supplementData = list.get(1).get("data");
        assertThat(supplementData.get("NoiDungBoSung").textValue()).isEqualTo("Bổ sung bản sao sổ hộ khẩu");
        assertThat(supplementData.get("NgayBoSung").textValue()).matches("\\d{14}");
        assertThat(http.sha256Of(supplementData.at("/TaiLieuNop/0/DuongDanTaiTepTin").textValue())[1])
                .isEqualTo(SimulatorHttp.sha256(pdf));
        JsonNode withdrawal = list.get(2).get("data");
        assertThat(withdrawal.get("TrangThaiHoSo").intValue()).isEqualTo(7);
        assertThat(withdrawal.get("LyDo").textValue()).isEqualTo("Nộp nhầm thủ tục");
        JsonNode detail = call(envelope(session, "LayChiTietHoSo").put("MaHoSo", maHoSo)).get("data");
        assertThat(detail.get("DanhSachHoSoBoSung")).hasSize(1);

        call(envelope(session, "CapNhatDaNhanHoSo").set("data", mapper.createArrayNode()
                .add(mapper.createObjectNode().put("MaHoSo", maHoSo))));
        assertThat(fields(call(envelope(session, "LayDanhSachHoSo")).get("data"), "type"))
                .containsExactly("supplement", "withdrawal");
        JsonNode view = http.get("/sim/dvcqg/dossiers/" + maHoSo).json();
        assertThat(fields(view.at("/filed/actions"), "type")).containsExactly("supplement", "withdrawal");
        assertThat(view.at("/filed/actions/0/received").booleanValue()).isFalse();

        assertThat(http.postJson("/sim/dvcqg/citizen/dossiers/NOPE/withdrawal",
                mapper.createObjectNode().put("LyDo", "x")).status()).isEqualTo(404);
        Reply noReason = http.postJson("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/withdrawal", "{}".getBytes());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("problems").get(0).textValue()).startsWith("LyDo");
    }

    @Test
    void theProvincesStatusesAreKeptInOrderAndANonAcceptanceNeedsItsReason() {
        String maHoSo = file(dossier(HUNG_YEN));
        String session = login();

        JsonNode accepted = call(status(session, mapper.createObjectNode().put("MaHoSo", maHoSo).put("TrangThai", 2)
                .put("MaHoSoDonVi", "MC-000001").put("NgayXuLy", "20250801083000")));
        JsonNode noReason = call(status(session, mapper.createObjectNode().put("MaHoSo", maHoSo).put("TrangThai", 3)
                .put("MaHoSoDonVi", "MC-000001")));
        JsonNode incomplete = call(status(session, mapper.createObjectNode().put("MaHoSo", maHoSo)
                .put("TrangThai", "11").put("NgayXuLy", "20250230083000")));
        JsonNode unknown = call(status(session, mapper.createObjectNode().put("MaHoSo", "NOPE").put("TrangThai", 2)
                .put("MaHoSoDonVi", "MC-1")));
        JsonNode refused = call(status(session, mapper.createObjectNode().put("MaHoSo", maHoSo).put("TrangThaiHoSo", 3)
                .put("MaHoSoDonVi", "MC-000001").put("NoiDung", "Hồ sơ không thuộc thẩm quyền")));

        assertThat(accepted.get("error_code").intValue()).isZero();
        assertThat(noReason.get("error_code").intValue()).isEqualTo(1);
        assertThat(noReason.get("message").textValue()).contains("data[0].NoiDung");
        assertThat(incomplete.get("error_code").intValue()).isEqualTo(1);
        assertThat(incomplete.get("message").textValue()).contains("data[0].MaHoSoDonVi", "data[0].TrangThai",
                "data[0].NgayXuLy");
        assertThat(unknown.get("error_code").intValue()).isEqualTo(3);
        assertThat(refused.get("error_code").intValue()).isZero();
        JsonNode statuses = province(maHoSo).get("statuses");
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0).get("TrangThai").intValue()).isEqualTo(2);
        assertThat(statuses.get(1).get("NoiDung").textValue()).isEqualTo("Hồ sơ không thuộc thẩm quyền");
        assertThat(province(maHoSo).get("received").booleanValue()).isFalse();
    }

    // ---- faults ----

    @Test
    void aFileMatchingTheFailPatternAnswers500EveryTimeWhileTheOthersStream() {
        String maHoSo = file(dossier(HUNG_YEN, "don.pdf", "HONG-cccd.jpg"), pdf, scan);
        JsonNode files = call(envelope(login(), "LayChiTietHoSo").put("MaHoSo", maHoSo)).at("/data/TaiLieuNop");
        String good = files.get(0).get("DuongDanTaiTepTin").textValue();
        String bad = files.get(1).get("DuongDanTaiTepTin").textValue();

        assertThat(http.putJson("/sim/dvcqg/faults", "{\"failFilePattern\": \"^HONG-\"}").status()).isEqualTo(200);

        assertThat(http.sha256Of(bad)[0]).isEqualTo(500);
        assertThat(http.sha256Of(bad)[0]).isEqualTo(500);
        assertThat(http.sha256Of(good)[1]).isEqualTo(SimulatorHttp.sha256(pdf));
        assertThat(http.get("/sim/dvcqg/getfile/no-such-file").status()).isEqualTo(404);
        http.putJson("/sim/dvcqg/faults", "{}");
        assertThat(http.sha256Of(bad)[1]).isEqualTo(SimulatorHttp.sha256(scan));
        assertThat(http.get("/sim/dvcqg/stats").json().at("/requests/getfile").intValue()).isEqualTo(5);
    }

    @Test
    void downAndErrorRateApplyToTheServicesAndTheFilesButNeverToTheCitizen() {
        String session = login();
        http.putJson("/sim/dvcqg/faults", "{\"down\": true}");
        String maHoSo = file(dossier(HUNG_YEN, "don.pdf"), pdf);
        assertThat(http.postJson("/sim/dvcqg/api", envelope(session, "LayDanhSachHoSo")).status()).isEqualTo(503);
        String url = base + "/sim/dvcqg/getfile/" + http.get("/sim/dvcqg/dossiers/" + maHoSo).json()
                .at("/filed/files/0/id").textValue();
        assertThat(http.sha256Of(url)[0]).isEqualTo(503);

        http.putJson("/sim/dvcqg/faults", "{\"errorRate\": 1.0}");
        assertThat(http.postJson("/sim/dvcqg/api", envelope(session, "LayDanhSachHoSo")).status()).isEqualTo(500);
        assertThat(http.sha256Of(url)[0]).isEqualTo(500);

        http.putJson("/sim/dvcqg/faults", "{\"failMaHoSoPattern\": \"" + maHoSo + "\"}");
        assertThat(http.postJson("/sim/dvcqg/api", envelope(session, "LayChiTietHoSo").put("MaHoSo", maHoSo))
                .status()).isEqualTo(500);

        http.putJson("/sim/dvcqg/faults", "{}");
        assertThat(fields(call(envelope(session, "LayDanhSachHoSo")).get("data"), "MaHoSo"))
                .containsExactly(maHoSo);
    }

    // ---- what a citizen cannot file ----

    @Test
    void aBadDossierIsRefusedWithEveryProblemAndNothingIsKept() throws IOException {
        ObjectNode dossier = dossier(null, "don.pdf", "thieu.pdf").put("KenhThucHien", 9).put("NgayNopHoSo", "2025");
        Reply bad = http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart().json("dossier", dossier)
                .file("don.pdf", "application/pdf", pdf).file("thua.jpg", "image/jpeg", scan));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems").findValuesAsText("problems")).isEmpty();
        List<String> problems = mapper.convertValue(bad.json().get("problems"),
                mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(problems).hasSize(5);
        assertThat(String.join("\n", problems)).contains("MaDonVi", "KenhThucHien", "NgayNopHoSo",
                "TaiLieuNop[1]", "file 'thua.jpg'");
        assertThat(http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart()
                .json("dossier", "{not json".getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(400);
        assertThat(http.postJson("/sim/dvcqg/citizen/dossiers", dossier(HUNG_YEN)).status()).isEqualTo(400);

        Path tooLarge = randomFile(dir.resolve("qua-lon.pdf"), MAX_FILE + 1, 3);
        Reply large = http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart()
                .json("dossier", dossier(HUNG_YEN, "qua-lon.pdf")).file("qua-lon.pdf", "application/pdf", tooLarge));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.json().get("error").textValue()).contains("qua-lon.pdf");

        assertThat(call(envelope(login(), "LayDanhSachHoSo")).get("data")).isEmpty();
        try (var stored = Files.list(dir.resolve("citizen").resolve("files"))) {
            assertThat(stored).isEmpty();
        }
    }

    // ---- helpers ----

    private ObjectNode dossier(String maDonVi, String... files) {
        ObjectNode dossier = mapper.createObjectNode();
        if (maDonVi != null) {
            dossier.put("MaDonVi", maDonVi);
        }
        dossier.put("TrichYeuHoSo", "Đề nghị cấp phiếu lý lịch tư pháp số 1");
        dossier.put("SoDienThoai", "0912345678");
        ArrayNode list = dossier.putArray("TaiLieuNop");
        for (String file : files) {
            list.addObject().put("TenTepDinhKem", file).put("MaThanhPhanHoSo", "TP1").put("DuocSoHoa", 0);
        }
        return dossier;
    }

    /** Files a dossier whose TaiLieuNop names the files in order; returns its MaHoSo. */
    private String file(ObjectNode dossier, Path... contents) {
        SimulatorHttp.Multipart multipart = SimulatorHttp.multipart().json("dossier", dossier);
        for (int i = 0; i < contents.length; i++) {
            multipart.file(dossier.at("/TaiLieuNop/" + i + "/TenTepDinhKem").textValue(), "application/pdf",
                    contents[i]);
        }
        Reply reply = http.post("/sim/dvcqg/citizen/dossiers", multipart);
        assertThat(reply.status()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return reply.json().get("MaHoSo").textValue();
    }

    /** One field of each element of a list (not of the elements' nested objects). */
    private static List<String> fields(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(field).asText(null)));
        return values;
    }

    private JsonNode province(String maHoSo) {
        return http.get("/sim/dvcqg/dossiers/" + maHoSo).json().get("province");
    }

    private String login() {
        Reply reply = http.postJson("/sim/dvcqg/auth",
                "{\"username\":\"lienthong\",\"password\":\"dev-portal-password\"}".getBytes(StandardCharsets.UTF_8),
                "dstcode", "H31");
        return reply.json().get("session").textValue();
    }

    private ObjectNode envelope(String session, String service) {
        return mapper.createObjectNode().put("session", session).put("madonvi", HUNG_YEN).put("service", service);
    }

    private ObjectNode status(String session, ObjectNode item) {
        ObjectNode envelope = envelope(session, "DongBoTrangThaiHoSo");
        envelope.putArray("data").add(item);
        return envelope;
    }

    private JsonNode call(ObjectNode envelope) {
        Reply reply = http.postJson("/sim/dvcqg/api", envelope);
        assertThat(reply.status()).as(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return reply.json();
    }

    static Path randomFile(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
        return file;
    }
}
