package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Http;

/**
 * The DVCQG simulator as its own {@code java -jar} process (profile {@code simulator}) with its own persistent store
 * (journal under {@code <dir>/simulator/}): the national portal as the gateway sees it, over HTTP only.
 */
final class SimulatorProcess implements AutoCloseable {

    static final String PASSWORD = "portal-" + Long.toHexString(System.nanoTime()) + "-secret";
    /** The gateway's account on the simulated document axis (production refuses the simulator's default secret). */
    static final String AXIS_SECRET = "axis-" + Long.toHexString(System.nanoTime()) + "-secret";

    private final ManagedProcess process;
    private final String baseUrl;

    private SimulatorProcess(ManagedProcess process, int port) {
        this.process = process;
        this.baseUrl = "http://127.0.0.1:" + port + "/sim/dvcqg";
    }

    static SimulatorProcess start(Path directory) {
        int port = Settings.freePort();
        ManagedProcess process = ManagedProcess.start("simulator", List.of(
                // a test double: started cheaply (C1 only, serial GC) so that it leaves the CPU to the gateway
                java(), "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar",
                Settings.simulatorJar().toString(),
                "--spring.profiles.active=simulator",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--lienthong.data-directory=" + directory.resolve("simulator-data"),
                "--lienthong.simulator.dvcqg.password=" + PASSWORD,
                "--lienthong.simulator.axis.systems[0].system-id=lienthong",
                "--lienthong.simulator.axis.systems[0].secret=" + AXIS_SECRET,
                "--lienthong.simulator.axis.systems[0].organ-ids[0]=000.00.00.H31",
                "--lienthong.simulator.axis.systems[0].organ-ids[1]=000.00.00.H54"), Map.of(), Settings.projectDirectory(),
                directory.resolve("simulator.log"));
        return new SimulatorProcess(process, port);
    }

    void awaitReady(Duration timeout) {
        await("the simulator to answer").atMost(timeout).pollInterval(Duration.ofMillis(250))
                .failFast(process::assertAlive)
                .ignoreExceptions()
                .until(() -> Http.get(baseUrl + "/stats", Map.of()).status() == 200);
    }

    String baseUrl() {
        return baseUrl;
    }

    String axisUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/axis");
    }

    String eofficeUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/eoffice");
    }

    String motcuaUrl() {
        return baseUrl.replace("/sim/dvcqg", "/sim/motcua");
    }

    /** Where every simulator of the process is served ({@code http://127.0.0.1:port}). */
    String rootUrl() {
        return baseUrl.replace("/sim/dvcqg", "");
    }

    /**
     * What the one-stop system of {@code unit} received, in arrival order: {@code [{"MaHoSo", "files": [{"name",
     * "size", "sha256"}], "deliveries", "receivedAt", ...}]}.
     */
    JsonNode oneStopDossiers(String unit) {
        Http.Reply reply = Http.get(motcuaUrl() + "/" + unit + "/dossiers", Map.of());
        if (reply.status() != 200) {
            throw new IllegalStateException("one-stop simulator: GET " + unit + " dossiers answered " + reply.status());
        }
        return reply.json();
    }

    JsonNode stats() {
        return Http.get(baseUrl + "/stats", Map.of()).json();
    }

    /** Every call the portal got (login and integration), whatever it answered. */
    long requests() {
        long total = 0;
        for (JsonNode count : stats().path("requests")) {
            total += count.asLong();
        }
        return total;
    }

    /** {@code {"dossier", "progress": [...], "syncCount"}} or empty when the portal does not have it. */
    Optional<JsonNode> dossier(String maHoSo) {
        Http.Reply reply = Http.get(baseUrl + "/dossiers/" + maHoSo, Map.of());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (reply.status() != 200) {
            throw new IllegalStateException("simulator: GET dossier " + maHoSo + " answered " + reply.status());
        }
        return Optional.of(reply.json());
    }

    void healthy() {
        faults(Map.of());
    }

    void down() {
        faults(Map.of("down", true));
    }

    /** Replaces every fault ({@code down, errorRate, latencyMs, rejectMaHoSoPattern, failMaHoSoPattern}). */
    void faults(Map<String, Object> faults) {
        Http.Reply reply = Http.put(baseUrl + "/faults", new HashMap<>(faults));
        if (reply.status() != 200) {
            throw new IllegalStateException("could not set simulator faults " + faults + ": " + reply.status() + " "
                    + reply.text());
        }
        System.out.println("[reliability] portal faults now " + reply.text());
    }

    String logTail(int lines) {
        return process.logTail(lines);
    }

    @Override
    public void close() {
        process.close();
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
