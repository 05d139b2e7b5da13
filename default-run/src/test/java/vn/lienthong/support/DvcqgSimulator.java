package vn.lienthong.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.LienthongApplication;

/**
 * The DVCQG simulator as its own application (the {@code simulator} profile) on its own port, as the gateway
 * sees it in production: over HTTP only. One instance serves the whole test run.
 */
public final class DvcqgSimulator {

    /** A second account on the simulated axis, for Thanh Hóa (000.00.00.H56) only. */
    public static final String SECOND_AXIS_SYSTEM = "lienthong-h56";
    public static final String SECOND_AXIS_SECRET = "h56-axis-secret";

    private static DvcqgSimulator shared;

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private DvcqgSimulator(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port + "/sim/dvcqg";
    }

    public static synchronized DvcqgSimulator shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
        }
        return shared;
    }

    private static DvcqgSimulator start() {
        try {
            Path data = Files.createTempDirectory("simulators");
            Path store = data.resolve("dvcqg-store.jsonl");
            return new DvcqgSimulator(new SpringApplicationBuilder(LienthongApplication.class)
                    .profiles("simulator")
                    // Arguments, not default properties: they must win over application-simulator.yaml.
                    .run("--server.port=0",
                            "--spring.jmx.enabled=false",
                            "--management.endpoints.web.exposure.include=health",
                            "--spring.datasource.url=jdbc:h2:mem:simulator-test;DB_CLOSE_DELAY=-1",
                            "--lienthong.data-directory=" + data,
                            // The gateway's account, and a second one for a second gateway in the same test run
                            // (DocumentSoapTransportTest): each polls only its own organs' mailboxes.
                            "--lienthong.simulator.axis.systems[0].system-id=lienthong",
                            "--lienthong.simulator.axis.systems[0].secret=dev-axis-secret",
                            "--lienthong.simulator.axis.systems[0].organ-ids[0]=000.00.00.H31",
                            "--lienthong.simulator.axis.systems[0].organ-ids[1]=000.00.00.H54",
                            "--lienthong.simulator.axis.systems[1].system-id=" + SECOND_AXIS_SYSTEM,
                            "--lienthong.simulator.axis.systems[1].secret=" + SECOND_AXIS_SECRET,
                            "--lienthong.simulator.axis.systems[1].organ-ids[0]=000.00.00.H56",
                            "--lienthong.simulator.dvcqg.store-file=" + store));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The document axis simulator in the same application: JSON/HTTP. */
    public String axisUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/axis");
    }

    /** The document axis simulator's SOAP endpoint. */
    public String axisSoapUrl() {
        return baseUrl.replace("/sim/dvcqg", "/services/sim/axis");
    }

    /** The e-office webhook simulator in the same application. */
    public String eofficeUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/eoffice");
    }

    /** The one-stop (một cửa) systems' simulator in the same application ({@code /{unitCode}/dossiers}). */
    public String motcuaUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/motcua");
    }

    /** The dossier as the portal stored it, with its progress; null when the portal does not have it. */
    public JsonNode dossier(String maHoSo) {
        Http.Reply reply = Http.get(baseUrl + "/dossiers/" + maHoSo, Map.of());
        return reply.status() == 404 ? null : reply.json();
    }

    public JsonNode stats() {
        return Http.get(baseUrl + "/stats", Map.of()).json();
    }

    public void faults(boolean down, double errorRate, long latencyMs, String rejectMaHoSoPattern) {
        Map<String, Object> faults = new java.util.HashMap<>();
        faults.put("down", down);
        faults.put("errorRate", errorRate);
        faults.put("latencyMs", latencyMs);
        faults.put("rejectMaHoSoPattern", rejectMaHoSoPattern);
        Http.Reply reply = Http.put(baseUrl + "/faults", faults);
        if (reply.status() != 200) {
            throw new IllegalStateException("could not set faults: " + reply.status() + " " + reply.text());
        }
    }

    /** Every integration call about a MaHoSo matching the pattern answers HTTP 500 (a poison message). */
    public void failFor(String failMaHoSoPattern) {
        Http.Reply reply = Http.put(baseUrl + "/faults", Map.of("failMaHoSoPattern", failMaHoSoPattern));
        if (reply.status() != 200) {
            throw new IllegalStateException("could not set faults: " + reply.status() + " " + reply.text());
        }
    }

    public void healthy() {
        faults(false, 0, 0, null);
    }

    public void expireSessions() {
        Http.post(baseUrl + "/sessions/expire", new byte[0], Map.of());
    }
}
