package vn.lienthong.simulator.dvcqg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorHttp;

/**
 * Push mode over real HTTP: the simulated portal posts each new entry to a stand-in for the gateway's
 * {@code POST /api/v1/national/dossiers}, which first answers 404 (the endpoint does not exist yet): every entry is
 * retried, none is lost or reordered, and each arrives with the API key and file URLs that stream the bytes.
 */
class DvcqgPushTest {

    private static final String API_KEY = "push-test-key";

    @TempDir
    static Path dir;
    private static HttpServer gateway;
    private static ConfigurableApplicationContext simulator;
    private static SimulatorHttp http;
    private static final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
    private static final List<String> keys = new CopyOnWriteArrayList<>();
    private static final AtomicInteger attempts = new AtomicInteger();
    private static volatile boolean endpointExists;

    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        ObjectMapper json = new ObjectMapper();
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/v1/national/dossiers", exchange -> {
            attempts.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = endpointExists ? 202 : 404;
            if (endpointExists) {
                accepted.add(json.readTree(body));
                keys.add(exchange.getRequestHeaders().getFirst("X-API-Key"));
            }
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        simulator = new SpringApplicationBuilder(DvcqgCitizenSimulatorHttpTest.SimulatorApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--spring.config.name=dvcqg-push-test", "--server.port=0", "--server.address=127.0.0.1",
                        "--lienthong.simulator.dvcqg.citizen.store-directory=" + dir.resolve("citizen"),
                        "--lienthong.simulator.dvcqg.citizen.push.enabled=true",
                        "--lienthong.simulator.dvcqg.citizen.push.url=http://127.0.0.1:"
                                + gateway.getAddress().getPort() + "/api/v1/national/dossiers",
                        "--lienthong.simulator.dvcqg.citizen.push.api-key=" + API_KEY,
                        "--lienthong.simulator.dvcqg.citizen.push.retry-interval=200ms");
        http = new SimulatorHttp("http://127.0.0.1:"
                + ((ServletWebServerApplicationContext) simulator).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        gateway.stop(0);
    }

    @Test
    void entriesRefusedByAMissingEndpointAreRetriedAndArriveInOrderWithTheirKeyAndFiles() throws IOException {
        Path pdf = DvcqgCitizenSimulatorHttpTest.randomFile(dir.resolve("don.pdf"), 300_000, 5);
        ObjectNode dossier = mapper.createObjectNode().put("MaDonVi", "000.00.00.H31");
        dossier.putArray("TaiLieuNop").addObject().put("TenTepDinhKem", "don.pdf");
        String maHoSo = http.post("/sim/dvcqg/citizen/dossiers", SimulatorHttp.multipart().json("dossier", dossier)
                .file("don.pdf", "application/pdf", pdf)).json().get("MaHoSo").textValue();
        http.post("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/supplements", SimulatorHttp.multipart()
                .json("supplement", mapper.createObjectNode().put("NoiDungBoSung", "Bổ sung")));
        http.postJson("/sim/dvcqg/citizen/dossiers/" + maHoSo + "/withdrawal",
                mapper.createObjectNode().put("LyDo", "Không còn nhu cầu"));

        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.get() >= 3);
        assertThat(accepted).isEmpty();
        assertThat(http.get("/sim/dvcqg/stats").json().get("pushFailures").intValue()).isGreaterThanOrEqualTo(3);
        assertThat(http.get("/sim/dvcqg/dossiers/" + maHoSo).json().at("/province/pushed").booleanValue()).isFalse();

        endpointExists = true;

        await().atMost(Duration.ofSeconds(10)).until(() -> accepted.size() >= 3);
        assertThat(accepted).extracting(entry -> entry.get("type").textValue())
                .containsExactly("dossier", "supplement", "withdrawal");
        assertThat(accepted).extracting(entry -> entry.get("MaHoSo").textValue()).containsOnly(maHoSo);
        assertThat(keys).containsOnly(API_KEY);
        String url = accepted.get(0).at("/data/TaiLieuNop/0/DuongDanTaiTepTin").textValue();
        assertThat(http.sha256Of(url)[1]).isEqualTo(SimulatorHttp.sha256(pdf));
        assertThat(http.get("/sim/dvcqg/dossiers/" + maHoSo).json().at("/province/pushed").booleanValue()).isTrue();
        // pushed is not received: the province still marks it received once it has stored it
        assertThat(http.get("/sim/dvcqg/dossiers/" + maHoSo).json().at("/province/received").booleanValue()).isFalse();

        int after = attempts.get();
        await().pollDelay(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(attempts.get()).as("nothing is pushed twice once accepted").isEqualTo(after);
        assertThat(accepted).hasSize(3);
    }
}
