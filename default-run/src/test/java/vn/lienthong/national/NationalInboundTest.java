package vn.lienthong.national;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.lienthong.simulator.SimulatorHttp;
import vn.lienthong.support.GatewayTest;
import vn.lienthong.support.Http;

/**
 * The national portal's dossiers coming down to the province, end to end through real HTTP: a citizen files at the
 * portal simulator, the gateway pulls (or is pushed) the entry, routes it by competence, fetches its files and posts
 * them to the one-stop simulator, and only then tells the portal "received". What arrived where, byte for byte, how
 * many times, in what order; what the portal was told and when.
 */
@TestPropertySource(properties = {
        "spring.artemis.embedded.server-id=14",
        "camel.servlet.mapping.servlet-name=CamelServletNationalTest",
        "camel.component.servlet.servlet-name=CamelServletNationalTest",
        "lienthong.national.status-procedures=1.001229"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class NationalInboundTest extends GatewayTest {

    private static final String HUNG_YEN_UNIT = "000.00.31.H31";
    private static final String THAI_BINH_CLOSED = "000.00.00.H54";
    private static final String HUNG_YEN = "000.00.00.H31";
    private static final String OPERATOR_KEY = "demo-operator-key";
    private static final String NATIONAL_KEY = "demo-national-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path files;
    private static Path pdf;
    private static Path scan;
    private static Path twentyMebibytes;

    private final SimulatorHttp simulators = new SimulatorHttp(portal.baseUrl().replace("/sim/dvcqg", ""));

    /** This test's gateway is the only one of the run that pulls from the shared portal simulator. */
    @DynamicPropertySource
    static void pull(DynamicPropertyRegistry registry) {
        registry.add("lienthong.national.mode", () -> "pull");
    }

    @BeforeAll
    static void files() throws IOException {
        pdf = random(files.resolve("don-de-nghi.pdf"), 180_000);
        scan = random(files.resolve("cccd.jpg"), 60_000);
        twentyMebibytes = random(files.resolve("ban-ve.pdf"), 20 * 1024 * 1024);
    }

    @AfterEach
    void heal() {
        simulators.putJson("/sim/dvcqg/faults", "{}");
        simulators.putJson("/sim/motcua/faults", "{}");
    }

    @Test
    void aDossierWithThreeFilesReachesItsOneStopByteIdenticalAndOnlyThenThePortalHearsReceived() {
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg"), pdf,
                twentyMebibytes, scan);

        JsonNode delivered = await().atMost(WAIT).until(() -> atOneStop(HUNG_YEN_UNIT, maHoSo), d -> d != null);
        assertThat(delivered.get("files")).extracting(f -> f.get("name").asText())
                .containsExactly("Đơn đề nghị.pdf", "ban-ve.pdf", "cccd.jpg");
        assertThat(delivered.get("files")).extracting(f -> f.get("sha256").asText())
                .containsExactly(SimulatorHttp.sha256(pdf), SimulatorHttp.sha256(twentyMebibytes),
                        SimulatorHttp.sha256(scan));
        assertThat(delivered.at("/files/1/size").asLong()).isEqualTo(20L * 1024 * 1024);
        assertThat(delivered.at("/dossier/MaHoSo").asText()).isEqualTo(maHoSo);
        assertThat(delivered.at("/dossier/KenhThucHien").asText()).isEqualTo("2");

        JsonNode province = await().atMost(WAIT).until(() -> province(maHoSo),
                p -> p.path("received").asBoolean());
        assertThat(OffsetDateTime.parse(province.get("receivedAt").asText()).toInstant())
                .as("told received only after the one-stop had it")
                .isAfterOrEqualTo(OffsetDateTime.parse(delivered.get("receivedAt").asText()).toInstant());
        assertThat(delivered.get("deliveries").asInt()).isEqualTo(1);

        JsonNode trail = trail(maHoSo);
        JsonNode message = trail.path("messages").get(0);
        assertThat(message.get("kind").asText()).isEqualTo("NATIONAL_DOSSIER");
        assertThat(message.get("state").asText()).isEqualTo("DELIVERED");
        JsonNode tracking = api.tracking(OPERATOR_KEY, message.get("trackingId").asText());
        assertThat(tracking.get("files")).extracting(f -> f.get("sha256").asText())
                .containsExactly(SimulatorHttp.sha256(pdf), SimulatorHttp.sha256(twentyMebibytes),
                        SimulatorHttp.sha256(scan));
        assertThat(tracking.get("history").toString()).contains("the one-stop system motcua-tinh has it")
                .contains("the portal was told received");
    }

    @Test
    void aDossierPushedAndListedIsDeliveredOnce() {
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "cccd.jpg"), scan);
        ObjectNode entry = JSON.createObjectNode().put("id", filedId(maHoSo)).put("type", "dossier")
                .put("MaHoSo", maHoSo).put("MaDonVi", HUNG_YEN_UNIT);
        entry.set("data", filedWithUrls(maHoSo));

        Http.Reply pushed = api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(entry), null);
        Http.Reply again = api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(entry), null);

        assertThat(pushed.status()).as(pushed.text()).isEqualTo(202);
        assertThat(again.status()).as(again.text()).isEqualTo(202);
        assertThat(again.json().get("trackingId").asText()).isEqualTo(pushed.json().get("trackingId").asText());
        await().atMost(WAIT).until(() -> province(maHoSo).path("received").asBoolean());
        // The poller lists it too until it is marked received: still one delivery.
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> atOneStop(HUNG_YEN_UNIT, maHoSo).get("deliveries").asInt() == 1);
        assertThat(trail(maHoSo).path("messages")).hasSize(1);
    }

    @Test
    void aPushedDossierWithoutWhatThePortalAlwaysSendsIsRefusedWithEveryProblem() {
        ObjectNode dossier = JSON.createObjectNode().put("MaHoSo", "H31-PUSH-BAD-1").put("KenhThucHien", 9);
        Http.Reply refused = api.post("/api/v1/national/dossiers", NATIONAL_KEY, Http.bytes(dossier), null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsText("path"))
                .contains("/MaTTHC", "/MaDonVi", "/ChuHoSo", "/NgayNopHoSo", "/TrangThaiHoSo", "/KenhThucHien");
        assertThat(api.post("/api/v1/national/dossiers", "demo-dvcqg-key", Http.bytes(dossier), null).status())
                .as("a one-stop's key may not push what comes down").isEqualTo(403);
    }

    @Test
    void aSupplementAndAWithdrawalReachTheOneStopAfterTheirDossierInOrder() {
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "cccd.jpg"), scan);
        ObjectNode supplement = JSON.createObjectNode().put("NoiDungBoSung", "Bổ sung bản sao sổ hộ khẩu");
        supplement.putArray("TaiLieuNop").addObject().put("TenTepDinhKem", "so-ho-khau.pdf");
        assertThat(simulators.post("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/supplements",
                SimulatorHttp.multipart().json("supplement", supplement).file("so-ho-khau.pdf", "application/pdf",
                        pdf)).status()).isEqualTo(200);
        assertThat(simulators.postJson("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/withdrawal",
                JSON.createObjectNode().put("LyDo", "Nộp nhầm thủ tục")).status()).isEqualTo(200);

        JsonNode delivered = await().atMost(WAIT).until(() -> atOneStop(HUNG_YEN_UNIT, maHoSo),
                d -> d != null && d.path("events").size() == 2);
        assertThat(delivered.get("events")).extracting(e -> e.get("type").asText())
                .containsExactly("supplement", "withdrawal");
        assertThat(delivered.at("/events/0/files/0/sha256").asText()).isEqualTo(SimulatorHttp.sha256(pdf));
        assertThat(delivered.at("/events/1/event/LyDo").asText()).isEqualTo("Nộp nhầm thủ tục");
        await().atMost(WAIT).until(() -> states(maHoSo),
                states -> states.equals(List.of("DELIVERED", "DELIVERED", "DELIVERED")));
    }

    @Test
    void aDossierForAClosedUnitGoesToItsSuccessorsOneStopAndTheTrailSaysSo() {
        String maHoSo = file(dossier(THAI_BINH_CLOSED, "cccd.jpg"), scan);

        JsonNode delivered = await().atMost(WAIT).until(() -> atOneStop(HUNG_YEN, maHoSo), d -> d != null);
        assertThat(delivered.at("/dossier/MaDonVi").asText()).as("sent as the portal sent it").isEqualTo(THAI_BINH_CLOSED);
        assertThat(atOneStop(THAI_BINH_CLOSED, maHoSo)).isNull();
        String trackingId = trail(maHoSo).at("/messages/0/trackingId").asText();
        assertThat(api.tracking(OPERATOR_KEY, trackingId).get("history").toString())
                .contains("MaDonVi " + THAI_BINH_CLOSED + " was closed in the 2025 reorganisation: routed as its "
                        + "successor " + HUNG_YEN);
    }

    @Test
    void aDossierNoRuleRoutesIsQuarantinedAndAnOperatorRefusesItBackToThePortal() {
        String otherProvince = "000.00.00.H41";
        String maHoSo = file(dossier(otherProvince, "cccd.jpg"), scan);

        await().atMost(WAIT).until(() -> trail(maHoSo).at("/messages/0/state").asText(), "QUARANTINED"::equals);
        // (the trail says QUARANTINED a moment before the dead-letter queue's send commits)
        JsonNode listed = await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters(maHoSo), d -> d != null);
        assertThat(listed.get("reason").asText()).contains("no rule of the routing table")
                .contains("for MaDonVi " + otherProvince);
        assertThat(listed.get("flow").asText()).isEqualTo("national");
        assertThat(province(maHoSo).path("received").asBoolean()).as("the portal is not told received").isFalse();

        Http.Reply refused = api.post("/api/v1/national/dossiers/" + maHoSo + "/refusal", OPERATOR_KEY,
                Http.bytes(JSON.createObjectNode().put("reason", "Hồ sơ không thuộc thẩm quyền của tỉnh")), null);
        assertThat(refused.status()).as(refused.text()).isEqualTo(200);
        assertThat(refused.json().get("state").asText()).isEqualTo("REFUSED");

        JsonNode province = province(maHoSo);
        assertThat(province.path("statuses")).hasSize(1);
        assertThat(province.at("/statuses/0/TrangThai").asInt()).isEqualTo(3);
        assertThat(province.at("/statuses/0/NoiDung").asText()).isEqualTo("Hồ sơ không thuộc thẩm quyền của tỉnh");
        assertThat(province.path("received").asBoolean()).isTrue();
        assertThat(trail(maHoSo).at("/messages/0/state").asText()).isEqualTo("REFUSED");
        assertThat(deadLetters(maHoSo)).as("nothing left in limbo").isNull();
    }

    @Test
    void whileTheOneStopIsDownTheDossierWaitsAndThePortalIsNotToldThenItIsDeliveredOnce() {
        simulators.putJson("/sim/motcua/faults", "{\"down\": true}");
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "cccd.jpg"), scan);

        await().atMost(WAIT).until(() -> trail(maHoSo).at("/messages/0/state").asText(),
                s -> s.equals("HELD") || s.equals("RETRYING"));
        assertThat(province(maHoSo).path("received").asBoolean()).isFalse();
        simulators.putJson("/sim/motcua/faults", "{}");

        await().atMost(WAIT).until(() -> province(maHoSo).path("received").asBoolean());
        assertThat(atOneStop(HUNG_YEN_UNIT, maHoSo).get("deliveries").asInt()).isEqualTo(1);
        assertThat(trail(maHoSo).at("/messages/0/state").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void aFileThePortalKeepsFailingIsRetriedThenTheDossierIsParkedWithTheReasonNeverDeliveredWithoutIt() {
        simulators.putJson("/sim/dvcqg/faults", "{\"failFilePattern\": \"^HONG-\"}");
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "cccd.jpg", "HONG-ban-ve.pdf"), scan, pdf);

        await().atMost(WAIT).until(() -> trail(maHoSo).at("/messages/0/state").asText(), "DEAD_LETTERED"::equals);
        JsonNode listed = await().atMost(Duration.ofSeconds(5)).until(() -> deadLetters(maHoSo), d -> d != null);
        assertThat(listed.get("reason").asText()).contains("answered HTTP 500 for the file").contains("retries");
        assertThat(atOneStop(HUNG_YEN_UNIT, maHoSo)).as("never delivered without its files").isNull();
        assertThat(province(maHoSo).path("received").asBoolean()).isFalse();
    }

    @Test
    void theOneStopsProcessingGoesBackUpAndForAConfiguredProcedureAlsoToThePortalsStatusService() {
        String maHoSo = file(dossier(HUNG_YEN_UNIT, "cccd.jpg"), scan);
        JsonNode delivered = await().atMost(WAIT).until(() -> atOneStop(HUNG_YEN_UNIT, maHoSo), d -> d != null);
        String oneStopId = delivered.get("MaHoSoDonVi").asText();

        // The one-stop (demo-dvcqg: the destination's client, so the dossier's owner) syncs its processing up.
        ObjectNode processing = vn.lienthong.support.Dossiers.dvcqg(maHoSo).put("TrangThaiHoSo", 4);
        Http.Reply synced = api.postDossier("demo-dvcqg-key", processing);
        assertThat(synced.status()).as(synced.text()).isEqualTo(202);

        JsonNode province = await().atMost(WAIT).until(() -> province(maHoSo), p -> p.path("statuses").size() == 1);
        assertThat(province.at("/statuses/0/MaHoSoDonVi").asText()).as("the one-stop's own id").isEqualTo(oneStopId);
        assertThat(province.at("/statuses/0/TrangThai").asInt()).isEqualTo(4);
        await().atMost(WAIT).until(() -> states(maHoSo), states -> states.equals(List.of("DELIVERED", "DELIVERED")));
        List<String> kinds = new java.util.ArrayList<>();
        trail(maHoSo).path("messages").forEach(m -> kinds.add(m.path("kind").asText()));
        assertThat(kinds).as("the trail of the MaHoSo shows both directions").containsExactly("NATIONAL_DOSSIER",
                "DOSSIER");
    }

    // ---- the systems around the gateway ----

    private static ObjectNode dossier(String maDonVi, String... fileNames) {
        ObjectNode dossier = JSON.createObjectNode().put("MaDonVi", maDonVi)
                .put("TrichYeuHoSo", "Đề nghị cấp phiếu lý lịch tư pháp");
        ArrayNode list = dossier.putArray("TaiLieuNop");
        for (String name : fileNames) {
            list.addObject().put("TenTepDinhKem", name).put("MaThanhPhanHoSo", "TP1");
        }
        return dossier;
    }

    /** A citizen files the dossier at the portal; its MaHoSo. */
    private String file(ObjectNode dossier, Path... contents) {
        SimulatorHttp.Multipart multipart = SimulatorHttp.multipart().json("dossier", dossier);
        JsonNode names = dossier.get("TaiLieuNop");
        for (int i = 0; i < contents.length; i++) {
            multipart.file(names.get(i).get("TenTepDinhKem").asText(), "application/octet-stream", contents[i]);
        }
        SimulatorHttp.Reply filed = simulators.post("/sim/dvcqg/citizen/dossiers", multipart);
        assertThat(filed.status()).as(filed.json().toString()).isEqualTo(200);
        return filed.json().get("MaHoSo").asText();
    }

    private JsonNode portalView(String maHoSo) {
        return simulators.get("/sim/dvcqg/dossiers/" + maHoSo).json();
    }

    private JsonNode province(String maHoSo) {
        return portalView(maHoSo).path("province");
    }

    private String filedId(String maHoSo) {
        return portalView(maHoSo).at("/filed/id").asText();
    }

    /** The dossier as filed, each file with the URL the portal serves it at (as the portal pushes it). */
    private ObjectNode filedWithUrls(String maHoSo) {
        JsonNode filed = portalView(maHoSo).get("filed");
        ObjectNode dossier = filed.get("dossier").deepCopy();
        JsonNode fileViews = filed.get("files");
        for (int i = 0; i < dossier.get("TaiLieuNop").size(); i++) {
            ObjectNode file = (ObjectNode) dossier.get("TaiLieuNop").get(i);
            String id = file.path("TepDinhKemId").asText(fileViews.get(i).path("id").asText());
            file.put("DuongDanTaiTepTin", portal.baseUrl() + "/getfile/" + id);
        }
        return dossier;
    }

    /** What the one-stop of {@code unit} received for the dossier, or null. */
    private JsonNode atOneStop(String unit, String maHoSo) {
        JsonNode list = simulators.get("/sim/motcua/" + unit + "/dossiers").json();
        for (JsonNode dossier : list.path("dossiers").isArray() ? list.path("dossiers") : list) {
            if (maHoSo.equals(dossier.path("MaHoSo").asText())) {
                return dossier;
            }
        }
        return null;
    }

    private JsonNode trail(String maHoSo) {
        Http.Reply reply = api.trail(OPERATOR_KEY, maHoSo);
        return reply.status() == 200 ? reply.json() : JSON.createObjectNode();
    }

    private JsonNode deadLetters(String maHoSo) {
        JsonNode list = Http.get(api.baseUrl() + "/api/v1/dead-letters?flow=national&key=" + maHoSo,
                Map.of("X-API-Key", OPERATOR_KEY)).json();
        return list.path("deadLetters").isEmpty() ? null : list.path("deadLetters").get(0);
    }

    private static Path random(Path file, int size) throws IOException {
        Random random = new Random(size);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int left = size; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, Math.min(left, buffer.length));
            }
        }
        return file;
    }

    /** The states of the dossier's messages, in its trail's order. */
    private List<String> states(String maHoSo) {
        List<String> states = new java.util.ArrayList<>();
        trail(maHoSo).path("messages").forEach(m -> states.add(m.path("state").asText()));
        return states;
    }
}
