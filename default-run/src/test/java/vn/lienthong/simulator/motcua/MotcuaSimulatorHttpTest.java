package vn.lienthong.simulator.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
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
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorHttp;
import vn.lienthong.simulator.SimulatorHttp.Reply;

/**
 * The simulated one-stop systems over real HTTP (Tomcat's multipart handling): what each unit received, with its
 * files' SHA-256 and its events in arrival order; repeats counted, not listed twice; faults.
 */
class MotcuaSimulatorHttpTest {

    private static final String HUNG_YEN = "000.00.00.H31";
    private static final String SO_TN_MT = "000.21.31.H31";

    @TempDir
    static Path dir;
    private static ConfigurableApplicationContext simulator;
    private static SimulatorHttp http;
    private static Path pdf;
    private static Path big;
    private static Path scan;

    private final ObjectMapper mapper = new ObjectMapper();

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
            MultipartAutoConfiguration.class, HttpEncodingAutoConfiguration.class,
            PropertyPlaceholderAutoConfiguration.class})
    @Import(MotcuaSimulatorConfiguration.class)
    static class SimulatorApplication {
    }

    @BeforeAll
    static void start() throws IOException {
        simulator = new SpringApplicationBuilder(SimulatorApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.config.name=motcua-simulator-test", "--server.port=0", "--server.address=127.0.0.1",
                        "--spring.servlet.multipart.max-file-size=100MB",
                        "--spring.servlet.multipart.max-request-size=300MB",
                        "--spring.servlet.multipart.file-size-threshold=1MB",
                        "--lienthong.simulator.motcua.store-directory=" + dir.resolve("motcua"));
        http = new SimulatorHttp("http://127.0.0.1:"
                + ((ServletWebServerApplicationContext) simulator).getWebServer().getPort());
        pdf = randomFile(dir.resolve("don.pdf"), 200_000, 1);
        big = randomFile(dir.resolve("ban-ve.pdf"), 12 * 1024 * 1024, 2);
        scan = randomFile(dir.resolve("cccd.jpg"), 90_000, 3);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void emptyAndNoFaults() {
        http.putJson("/sim/motcua/faults", "{}");
        http.delete("/sim/motcua");
    }

    @Test
    void aMultipartDeliveryIsListedUnderItsUnitWithEachFilesSizeAndSha256() {
        ObjectNode dossier = dossier("H31-250801-0001", "Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg");

        Reply delivered = deliver(HUNG_YEN, dossier, pdf, big, scan);

        assertThat(delivered.status()).as(text(delivered)).isEqualTo(200);
        assertThat(delivered.json().get("MaHoSo").textValue()).isEqualTo("H31-250801-0001");
        assertThat(delivered.json().get("MaHoSoDonVi").textValue()).startsWith("MC-");
        assertThat(delivered.json().get("deliveries").intValue()).isEqualTo(1);
        JsonNode list = http.get("/sim/motcua/" + HUNG_YEN + "/dossiers").json();
        assertThat(list).hasSize(1);
        JsonNode item = list.get(0);
        assertThat(item.get("MaHoSo").textValue()).isEqualTo("H31-250801-0001");
        assertThat(item.get("dossier")).isEqualTo(dossier);
        assertThat(fields(item.get("files"), "name")).containsExactly("Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg");
        assertThat(fields(item.get("files"), "sha256")).containsExactly(SimulatorHttp.sha256(pdf),
                SimulatorHttp.sha256(big), SimulatorHttp.sha256(scan));
        assertThat(item.at("/files/1/size").longValue()).isEqualTo(12 * 1024 * 1024);
        assertThat(item.get("events")).isEmpty();
        assertThat(item.get("receivedAt").textValue()).endsWith("+07:00");
        assertThat(http.sha256Of(url("/sim/motcua/" + HUNG_YEN + "/dossiers/H31-250801-0001/files/1"))[1])
                .isEqualTo(SimulatorHttp.sha256(big));
        assertThat(http.get("/sim/motcua/" + SO_TN_MT + "/dossiers").json()).isEmpty();
    }

    @Test
    void aRepeatedDossierOrEventIsCountedNotListedTwiceAndEventsKeepTheirArrivalOrder() {
        deliver(HUNG_YEN, dossier("H31-250801-0002", "don.pdf"), pdf);
        deliver(SO_TN_MT, dossier("H31-250801-0003"));
        Reply again = deliver(HUNG_YEN, dossier("H31-250801-0002", "don.pdf"), pdf);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("deliveries").intValue()).isEqualTo(2);

        String events = "/sim/motcua/" + HUNG_YEN + "/dossiers/H31-250801-0002/events";
        ObjectNode supplement = mapper.createObjectNode().put("type", "supplement").put("NoiDungBoSung", "Bổ sung");
        supplement.putArray("TaiLieuNop").addObject().put("TenTepDinhKem", "cccd.jpg");
        Reply supplemented = http.post(events, SimulatorHttp.multipart().json("event", supplement)
                .file("cccd.jpg", "image/jpeg", scan));
        ObjectNode withdrawal = mapper.createObjectNode().put("type", "withdrawal").put("TrangThaiHoSo", 7)
                .put("LyDo", "Nộp nhầm");
        Reply withdrawn = http.postJson(events, withdrawal);
        Reply withdrawnAgain = http.post(events, SimulatorHttp.multipart().json("event", withdrawal));
        Reply paid = http.postJson(events, mapper.createObjectNode().put("type", "payment").put("SoTien", 50000));
        Reply rated = http.postJson(events, mapper.createObjectNode().put("type", "rating").put("MucDoHaiLong", 5));

        assertThat(List.of(supplemented, withdrawn, withdrawnAgain, paid, rated)).extracting(Reply::status)
                .containsOnly(200);
        assertThat(withdrawnAgain.json().get("deliveries").intValue()).isEqualTo(2);
        JsonNode list = http.get("/sim/motcua/" + HUNG_YEN + "/dossiers").json();
        assertThat(list).hasSize(1);
        JsonNode item = list.get(0);
        assertThat(item.get("deliveries").intValue()).isEqualTo(2);
        assertThat(item.get("files")).hasSize(1);
        assertThat(fields(item.get("events"), "type")).containsExactly("supplement", "withdrawal", "payment", "rating");
        assertThat(fields(item.get("events"), "deliveries")).containsExactly("1", "2", "1", "1");
        assertThat(item.at("/events/0/files/0/sha256").textValue()).isEqualTo(SimulatorHttp.sha256(scan));
        assertThat(item.at("/events/1/event")).isEqualTo(withdrawal);
        assertThat(http.get("/sim/motcua/" + SO_TN_MT + "/dossiers").json().get(0).get("events")).isEmpty();

        Reply notHere = http.postJson("/sim/motcua/" + SO_TN_MT + "/dossiers/H31-250801-0002/events", withdrawal);
        Reply badType = http.postJson(events, mapper.createObjectNode().put("type", "complaint"));
        assertThat(notHere.status()).isEqualTo(404);
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("problems").get(0).textValue()).startsWith("event.type");
    }

    @Test
    void downAnswers503AndRefusalA4xxWithItsReasonAndNothingIsKept() {
        http.putJson("/sim/motcua/faults", "{\"down\": true}");
        Reply down = deliver(HUNG_YEN, dossier("H31-250801-0004", "don.pdf"), pdf);
        http.putJson("/sim/motcua/faults", "{\"errorRate\": 1.0}");
        Reply failing = deliver(HUNG_YEN, dossier("H31-250801-0004", "don.pdf"), pdf);
        http.putJson("/sim/motcua/faults", "{\"refuseMaHoSoPattern\": \"-0004$\"}");
        Reply refused = deliver(HUNG_YEN, dossier("H31-250801-0004", "don.pdf"), pdf);
        Reply other = deliver(HUNG_YEN, dossier("H31-250801-0005"));

        assertThat(down.status()).isEqualTo(503);
        assertThat(failing.status()).isEqualTo(500);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("reason").textValue()).isNotBlank();
        assertThat(other.status()).isEqualTo(200);
        assertThat(http.get("/sim/motcua/faults").json().get("refuseMaHoSoPattern").textValue()).isEqualTo("-0004$");
        assertThat(http.putJson("/sim/motcua/faults", "{\"refuseStatus\": 500, \"errorRate\": 3}").status())
                .isEqualTo(400);

        http.putJson("/sim/motcua/faults", "{\"refuseMaHoSoPattern\": \".\", \"refuseStatus\": 409}");
        assertThat(http.postJson("/sim/motcua/" + HUNG_YEN + "/dossiers/H31-250801-0005/events",
                mapper.createObjectNode().put("type", "rating")).status()).isEqualTo(409);
        http.putJson("/sim/motcua/faults", "{}");
        assertThat(fields(http.get("/sim/motcua/" + HUNG_YEN + "/dossiers").json(), "MaHoSo"))
                .containsExactly("H31-250801-0005");
        assertThat(deliver(HUNG_YEN, dossier("H31-250801-0004", "don.pdf"), pdf).status()).isEqualTo(200);
    }

    @Test
    void aDeliveryWhoseFilesDoNotMatchItsTaiLieuNopIsRefusedWithEveryProblem() throws IOException {
        Reply bad = http.post("/sim/motcua/" + HUNG_YEN + "/dossiers", SimulatorHttp.multipart()
                .json("dossier", dossier(null, "don.pdf", "thieu.pdf")).file("don.pdf", "application/pdf", pdf)
                .file("thua.jpg", "image/jpeg", scan));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("problems")).hasSize(3);
        assertThat(bad.json().get("problems").toString()).contains("dossier.MaHoSo", "TaiLieuNop[1]", "thua.jpg");
        Reply unnamed = http.post("/sim/motcua/" + HUNG_YEN + "/dossiers", SimulatorHttp.multipart()
                .json("dossier", dossier("H31-250801-0006")).file("la.pdf", "application/pdf", pdf));
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("problems").get(0).textValue()).contains("la.pdf");
        Reply missing = http.post("/sim/motcua/" + HUNG_YEN + "/dossiers", SimulatorHttp.multipart()
                .json("dossier", dossier("H31-250801-0006", "don.pdf")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("problems").get(0).textValue()).contains("TaiLieuNop[0]");
        assertThat(http.postJson("/sim/motcua/" + HUNG_YEN + "/dossiers", dossier("H31-250801-0006")).status())
                .isEqualTo(400);

        assertThat(http.get("/sim/motcua/" + HUNG_YEN + "/dossiers").json()).isEmpty();
        try (Stream<Path> folders = Files.list(dir.resolve("motcua").resolve("files"))) {
            assertThat(folders).isEmpty();
        }
    }

    // ---- Spring wiring ----

    @ComponentScan(basePackageClasses = MotcuaSimulatorConfiguration.class)
    static class ScanLikeTheApplication {
    }

    @Test
    void theSimulatorIsAbsentWhenDisabled() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                        HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class))
                .withUserConfiguration(ScanLikeTheApplication.class)
                .withPropertyValues("lienthong.simulator.motcua.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(MotcuaOffice.class)
                        .doesNotHaveBean(MotcuaSimulatorController.class));
    }

    // ---- helpers ----

    private ObjectNode dossier(String maHoSo, String... files) {
        ObjectNode dossier = mapper.createObjectNode();
        if (maHoSo != null) {
            dossier.put("MaHoSo", maHoSo);
        }
        dossier.put("MaTTHC", "1.001229.000.00.00.H31").put("MaDonVi", HUNG_YEN).put("ChuHoSo", "Nguyễn Văn An")
                .put("NgayNopHoSo", "20250801080000").put("KenhThucHien", 2).put("TrangThaiHoSo", 1);
        ArrayNode list = dossier.putArray("TaiLieuNop");
        for (String file : files) {
            list.addObject().put("TenTepDinhKem", file).put("TepDinhKemId", "f-" + file);
        }
        return dossier;
    }

    /** Delivers a dossier with one file part per TaiLieuNop entry, in order, named by its TenTepDinhKem. */
    private static Reply deliver(String unit, ObjectNode dossier, Path... contents) {
        SimulatorHttp.Multipart multipart = SimulatorHttp.multipart().json("dossier", dossier);
        for (int i = 0; i < contents.length; i++) {
            multipart.file(dossier.at("/TaiLieuNop/" + i + "/TenTepDinhKem").textValue(), "application/pdf",
                    contents[i]);
        }
        return http.post("/sim/motcua/" + unit + "/dossiers", multipart);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) simulator).getWebServer().getPort() + path;
    }

    private static List<String> fields(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(field).asText(null)));
        return values;
    }

    private static String text(Reply reply) {
        return new String(reply.body(), StandardCharsets.UTF_8);
    }

    private static Path randomFile(Path file, long size, long seed) throws IOException {
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
