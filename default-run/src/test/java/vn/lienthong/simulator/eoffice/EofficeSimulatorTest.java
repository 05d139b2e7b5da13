package vn.lienthong.simulator.eoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorFaults;

/** The simulated e-office webhook receiver, through its HTTP API, without the rest of the gateway. */
class EofficeSimulatorTest {

    private static final String HUNG_YEN = "000.00.00.H31";
    private static final String SO_NOI_VU = "000.01.31.H31";

    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;
    private Path store;
    private EofficeInbox inbox;
    private MockMvc mvc;

    @BeforeEach
    void start() {
        store = dir.resolve("eoffice");
        startEoffice();
    }

    @AfterEach
    void stop() {
        inbox.close();
    }

    // ---- documents ----

    @Test
    void aDeliveredDocumentIsListedWithItsMetadataAndTheHashesOfItsFiles() throws Exception {
        byte[] pdf = "%PDF-1.4 công văn 12/UBND-VP\n".repeat(300).getBytes(StandardCharsets.UTF_8);
        byte[] txt = utf8("Phụ lục I: danh sách xã, phường\n");
        ObjectNode metadata = metadata("12", file("Công văn 12.pdf", "application/pdf", pdf),
                file("Phụ lục I.txt", "text/plain", txt));

        Answer answer = deliver(HUNG_YEN, metadata, part("Công văn 12.pdf", "application/pdf", pdf),
                part("Phụ lục I.txt", "text/plain", txt));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json;charset=UTF-8");
        String id = answer.json().get("received").textValue();
        JsonNode list = send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json();
        assertThat(list).hasSize(1);
        JsonNode document = list.get(0);
        assertThat(document.get("id").textValue()).isEqualTo(id);
        assertThat(document.get("metadata")).isEqualTo(metadata);
        assertThat(document.get("receivedAt").textValue()).endsWith("+07:00");
        JsonNode files = document.get("files");
        assertThat(files.findValuesAsText("name")).containsExactly("Công văn 12.pdf", "Phụ lục I.txt");
        assertThat(files.get(0).get("size").longValue()).isEqualTo(pdf.length);
        assertThat(files.get(0).get("sha256").textValue()).isEqualTo(sha256(pdf));
        assertThat(files.get(1).get("sha256").textValue()).isEqualTo(sha256(txt));
        assertThat(files.get(1).get("contentType").textValue()).isEqualTo("text/plain");

        Answer download = send(get("/sim/eoffice/" + HUNG_YEN + "/documents/" + id + "/files/0"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.raw()).isEqualTo(pdf);
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents/" + id + "/files/2")).status()).isEqualTo(404);
        assertThat(send(get("/sim/eoffice/" + SO_NOI_VU + "/documents/" + id + "/files/0")).status()).isEqualTo(404);
    }

    @Test
    void eachOrganHasItsOwnListInTheOrderReceivedAndARepeatIsKeptAsGiven() throws Exception {
        String first = received(deliver(HUNG_YEN, metadata("1")));
        String other = received(deliver(SO_NOI_VU, metadata("2")));
        String again = received(deliver(HUNG_YEN, metadata("1")));

        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json().findValuesAsText("id"))
                .containsExactly(first, again);
        assertThat(send(get("/sim/eoffice/" + SO_NOI_VU + "/documents")).json().findValuesAsText("id"))
                .containsExactly(other);
        assertThat(send(get("/sim/eoffice/000.00.00.H41/documents")).json()).isEmpty();
    }

    @Test
    void aFileNotMatchingItsMetadataIsRefusedWithEveryProblemAndNothingIsKept() throws Exception {
        byte[] pdf = utf8("%PDF-1.4 a");
        ObjectNode metadata = metadata("3", file("a.pdf", "application/pdf", pdf), file("b.pdf", "application/pdf", pdf));
        ((ObjectNode) metadata.get("attachments").get(0)).put("sha256", sha256(utf8("other bytes")));
        ((ObjectNode) metadata.get("attachments").get(0)).put("size", 999);

        Answer answer = deliver(HUNG_YEN, metadata, part("a.pdf", "application/pdf", pdf),
                part("c.pdf", "application/pdf", pdf));

        assertThat(answer.status()).isEqualTo(400);
        List<String> problems = mapper.convertValue(answer.json().get("problems"),
                mapper.getTypeFactory().constructCollectionType(List.class, String.class));
        assertThat(problems).hasSize(4);
        assertThat(problems.get(0)).startsWith("metadata.attachments[0].size: 999");
        assertThat(problems.get(1)).startsWith("metadata.attachments[0].sha256: ");
        assertThat(problems.get(2)).startsWith("metadata.attachments[1]: ").contains("b.pdf");
        assertThat(problems.get(3)).startsWith("file 'c.pdf'");
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json()).isEmpty();
        try (Stream<Path> folders = Files.list(store.resolve("files"))) {
            assertThat(folders).isEmpty();
        }
    }

    @Test
    void aDeliveryWithoutUsableMetadataIsRefused() throws Exception {
        Answer noMetadata = send(multipart("/sim/eoffice/" + HUNG_YEN + "/documents")
                .file(part("a.pdf", "application/pdf", utf8("x"))));
        Answer badJson = send(multipart("/sim/eoffice/" + HUNG_YEN + "/documents")
                .file(new MockMultipartFile("metadata", "", "application/json", utf8("{not json"))));
        Answer array = send(multipart("/sim/eoffice/" + HUNG_YEN + "/documents")
                .file(new MockMultipartFile("metadata", "", "application/json", utf8("[]"))));
        Answer notMultipart = send(post("/sim/eoffice/" + HUNG_YEN + "/documents")
                .contentType(MediaType.APPLICATION_JSON).content("{}"));
        Answer filesNotDescribed = send(multipart("/sim/eoffice/" + HUNG_YEN + "/documents")
                .file(part("a.pdf", "application/pdf", utf8("x"))).param("metadata", "{\"documentId\":\"x\"}"));

        for (Answer answer : List.of(noMetadata, badJson, array, notMultipart, filesNotDescribed)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error").textValue()).isNotBlank();
        }
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json()).isEmpty();
        Answer asField = send(multipart("/sim/eoffice/" + HUNG_YEN + "/documents")
                .param("metadata", "{\"documentId\":\"x\"}"));
        assertThat(asField.status()).isEqualTo(200);
    }

    @Test
    void anEightMebibyteFileIsStoredWithItsExactSha256() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        new Random(7).nextBytes(big);

        String id = received(deliver(HUNG_YEN, metadata("8", file("scan.pdf", "application/pdf", big)),
                part("scan.pdf", "application/pdf", big)));

        JsonNode file = send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json().get(0).get("files").get(0);
        assertThat(file.get("size").longValue()).isEqualTo(big.length);
        assertThat(file.get("sha256").textValue()).isEqualTo(sha256(big));
        assertThat(Files.size(inbox.file(id, 0))).isEqualTo(big.length);
    }

    // ---- statuses ----

    @Test
    void statusesAreListedAsReceivedPerOrgan() throws Exception {
        String status = "{\"responseFor\":\"000.00.00.H41,2025/07/15,12/UBND-VP\",\"statusCode\":\"03\","
                + "\"description\":\"Đã vào sổ\",\"staff\":\"Lê Văn Cường\",\"timestamp\":\"2025-07-16T08:00:05+07:00\"}";

        Answer first = send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content(utf8(status)));
        Answer second = send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content(utf8("{\"statusCode\":\"06\"}")));

        JsonNode list = send(get("/sim/eoffice/" + HUNG_YEN + "/statuses")).json();
        assertThat(list.findValuesAsText("id")).containsExactly(received(first), received(second));
        assertThat(list.get(0).get("status")).isEqualTo(mapper.readTree(status));
        assertThat(send(get("/sim/eoffice/" + SO_NOI_VU + "/statuses")).json()).isEmpty();
        Answer invalid = send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content(utf8("{\"statusCode\":")));
        Answer notObject = send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content(utf8("[1]")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(notObject.status()).isEqualTo(400);
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/statuses")).json()).hasSize(2);
    }

    // ---- faults ----

    @Test
    void aDownEofficeAnswers503ToDeliveriesButStillListsWhatItHas() throws Exception {
        String before = received(deliver(HUNG_YEN, metadata("1")));
        Answer set = send(put("/sim/eoffice/faults").contentType(MediaType.APPLICATION_JSON).content("{\"down\":true}"));
        assertThat(set.json().get("down").booleanValue()).isTrue();

        Answer document = deliver(HUNG_YEN, metadata("2"));
        Answer status = send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content("{}"));

        assertThat(document.status()).isEqualTo(503);
        assertThat(status.status()).isEqualTo(503);
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json().findValuesAsText("id"))
                .containsExactly(before);
        assertThat(send(get("/sim/eoffice/faults")).json().get("down").booleanValue()).isTrue();
    }

    @Test
    void anErrorRateOfOneAnswers500AndInvalidFaultSettingsAreRefused() throws Exception {
        send(put("/sim/eoffice/faults").contentType(MediaType.APPLICATION_JSON).content("{\"errorRate\":1}"));
        assertThat(deliver(HUNG_YEN, metadata("1")).status()).isEqualTo(500);

        Answer invalid = send(put("/sim/eoffice/faults").contentType(MediaType.APPLICATION_JSON)
                .content("{\"latencyMs\":-1}"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("error").textValue()).contains("latencyMs");
        send(put("/sim/eoffice/faults").contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertThat(deliver(HUNG_YEN, metadata("1")).status()).isEqualTo(200);
    }

    // ---- store ----

    @Test
    void documentsStatusesAndFilesSurviveARestart() throws Exception {
        byte[] pdf = utf8("%PDF-1.4 lưu trữ");
        String id = received(deliver(HUNG_YEN, metadata("5", file("a.pdf", "application/pdf", pdf)),
                part("a.pdf", "application/pdf", pdf)));
        send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON)
                .content(utf8("{\"statusCode\":\"03\"}")));
        String documents = new String(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).raw(), StandardCharsets.UTF_8);
        String statuses = new String(send(get("/sim/eoffice/" + HUNG_YEN + "/statuses")).raw(), StandardCharsets.UTF_8);

        stop();
        Files.createDirectories(store.resolve("files/interrupted-upload"));
        startEoffice();

        assertThat(new String(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).raw(), StandardCharsets.UTF_8))
                .isEqualTo(documents);
        assertThat(new String(send(get("/sim/eoffice/" + HUNG_YEN + "/statuses")).raw(), StandardCharsets.UTF_8))
                .isEqualTo(statuses);
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents/" + id + "/files/0")).raw()).isEqualTo(pdf);
        assertThat(store.resolve("files/interrupted-upload")).doesNotExist();
    }

    @Test
    void resetForgetsEverything() throws Exception {
        byte[] pdf = utf8("x");
        deliver(HUNG_YEN, metadata("1", file("a.pdf", "application/pdf", pdf)), part("a.pdf", "application/pdf", pdf));
        send(post("/sim/eoffice/" + HUNG_YEN + "/statuses").contentType(MediaType.APPLICATION_JSON).content("{}"));

        Answer reset = send(delete("/sim/eoffice"));

        assertThat(reset.json().get("documents").intValue()).isEqualTo(1);
        assertThat(reset.json().get("statuses").intValue()).isEqualTo(1);
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json()).isEmpty();
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/statuses")).json()).isEmpty();
        try (Stream<Path> folders = Files.list(store.resolve("files"))) {
            assertThat(folders).isEmpty();
        }
        stop();
        startEoffice();
        assertThat(send(get("/sim/eoffice/" + HUNG_YEN + "/documents")).json()).isEmpty();
    }

    // ---- Spring wiring ----

    private final WebApplicationContextRunner spring = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void theConfigurationAloneServesTheSimulatorWithBoundProperties() {
        spring.withUserConfiguration(EofficeSimulatorConfiguration.class)
                .withPropertyValues("lienthong.data-directory=" + dir.resolve("data"),
                        "lienthong.simulator.eoffice.faults.down=true")
                .run(context -> {
                    assertThat(context).hasNotFailed().hasSingleBean(EofficeSimulatorController.class);
                    assertThat(dir.resolve("data/simulator/eoffice/index.jsonl")).exists();
                    MockMvc web = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).build();
                    MockHttpServletResponse response = web.perform(post("/sim/eoffice/" + HUNG_YEN + "/statuses")
                            .contentType(MediaType.APPLICATION_JSON).content("{}")).andReturn().getResponse();
                    assertThat(response.getStatus()).isEqualTo(503);
                });
        spring.withUserConfiguration(EofficeSimulatorConfiguration.class)
                .withPropertyValues("lienthong.simulator.eoffice.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EofficeInbox.class)
                        .doesNotHaveBean(EofficeSimulatorController.class));
    }

    // ---- helpers ----

    private record Answer(int status, String contentType, byte[] raw, JsonNode json) {
    }

    private void startEoffice() {
        inbox = new EofficeInbox(store, new SimulatorFaults(SimulatorFaults.Settings.NONE), Clock.systemUTC());
        mvc = MockMvcBuilders.standaloneSetup(new EofficeSimulatorController(inbox)).build();
    }

    /** The e-office document contract as the gateway sends it, with the given attachments. */
    private ObjectNode metadata(String number, ObjectNode... attachments) {
        ObjectNode metadata = mapper.createObjectNode();
        metadata.putObject("from").put("organId", "000.00.00.H41").put("organName", "UBND tỉnh Nghệ An");
        metadata.putArray("to").add(HUNG_YEN);
        metadata.put("documentId", "000.00.00.H41,2025/07/15," + number + "/UBND-VP");
        metadata.put("code", number + "/UBND-VP");
        metadata.put("subject", "V/v liên thông văn bản số " + number);
        metadata.put("type", "Công văn");
        metadata.put("signer", "Nguyễn Văn Bình");
        metadata.put("promulgationDate", "2025-07-15");
        metadata.put("dueDate", "2025-07-30");
        ArrayNode list = metadata.putArray("attachments");
        for (ObjectNode attachment : attachments) {
            list.add(attachment);
        }
        metadata.put("signatureStatus", "VALID");
        metadata.put("trackingId", "tracking-" + number);
        return metadata;
    }

    private ObjectNode file(String name, String contentType, byte[] content) {
        return mapper.createObjectNode().put("name", name).put("contentType", contentType)
                .put("sha256", sha256(content)).put("size", content.length);
    }

    private static MockMultipartFile part(String name, String contentType, byte[] content) {
        return new MockMultipartFile("file", name, contentType, content);
    }

    private Answer deliver(String organId, ObjectNode metadata, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/sim/eoffice/" + organId + "/documents")
                .file(new MockMultipartFile("metadata", "", "application/json", mapper.writeValueAsBytes(metadata)));
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        return send(request);
    }

    private Answer send(RequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        byte[] raw = response.getContentAsByteArray();
        JsonNode json = response.getContentType() != null && response.getContentType().startsWith("application/json")
                ? mapper.readTree(raw) : null;
        return new Answer(response.getStatus(), response.getContentType(), raw, json);
    }

    private static String received(Answer answer) {
        assertThat(answer.status()).as(String.valueOf(answer.json())).isEqualTo(200);
        return answer.json().get("received").textValue();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
