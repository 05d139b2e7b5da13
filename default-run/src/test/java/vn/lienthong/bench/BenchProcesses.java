package vn.lienthong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The two real processes of a run, from the packaged jars: the gateway (the production jar) on its embedded defaults
 * (persistent journal and H2 under a fresh temporary data directory, routes/ and mappings/ from the project) and the
 * simulators of the national systems (DVCQG, document axis, e-office) and of the province's one-stop systems as their
 * own application (the default run's jar). Both are stopped on close, and by a shutdown hook if the benchmark itself is
 * interrupted.
 */
final class BenchProcesses implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_MILLIS = 180_000;

    final String gatewayUrl;
    final String simulatorUrl;
    final String brokerUrl;
    final JavaProcess gateway;
    final JavaProcess simulator;
    final List<String> gatewayJvmArgs;
    private final Path dataDirectory;
    private final Thread shutdownHook;

    private BenchProcesses(String gatewayUrl, String simulatorUrl, String brokerUrl, JavaProcess gateway,
                           JavaProcess simulator, List<String> gatewayJvmArgs, Path dataDirectory) {
        this.gatewayUrl = gatewayUrl;
        this.simulatorUrl = simulatorUrl;
        this.brokerUrl = brokerUrl;
        this.gateway = gateway;
        this.simulator = simulator;
        this.gatewayJvmArgs = gatewayJvmArgs;
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stopBoth, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The dossier benchmark's processes: the gateway on 512 MiB plus {@code bench.gatewayJvmArgs}. */
    static BenchProcesses start(BenchSettings settings, BenchHttp http) throws IOException {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(settings.gatewayJvmArgs());
        List<String> args = settings.consumersSet()
                ? List.of("--lienthong.delivery.consumers=" + settings.consumers()) : List.of();
        return start(settings, http, "", jvm, args);
    }

    /**
     * Starts the simulators (DVCQG, document axis, e-office, one-stop) as their own application and the gateway with
     * its own simulators off, pointed at them; then waits until both are up.
     *
     * @param logPrefix      before {@code simulator.log} / {@code gateway.log} in {@code default-run/target/bench/}
     * @param gatewayJvmArgs the gateway's JVM arguments (a later {@code -Xmx} wins)
     * @param gatewayArgs    the run's own gateway settings; {@code bench.gatewayArgs} come after them
     */
    static BenchProcesses start(BenchSettings settings, BenchHttp http, String logPrefix, List<String> gatewayJvmArgs,
                                List<String> gatewayArgs) throws IOException {
        for (Path jar : List.of(settings.jar(), settings.simulatorJar())) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " not found: run ./mvnw -Pbench verify (or package first)");
            }
        }
        Path data = Files.createTempDirectory("lienthong-bench-");
        Path logs = settings.projectDir().resolve("default-run/target/bench");
        int gatewayPort = freePort();
        int simulatorPort = freePort();
        int brokerPort = freePort();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;

        JavaProcess simulator = JavaProcess.start("simulator", settings.projectDir(),
                List.of("-Xmx512m", "-Dfile.encoding=UTF-8"), settings.simulatorJar(),
                List.of("--spring.profiles.active=simulator", "--server.port=" + simulatorPort,
                        "--lienthong.data-directory=" + data.resolve("simulator")),
                logs.resolve(logPrefix + "simulator.log"));

        List<String> jvm = new ArrayList<>(List.of("-Dfile.encoding=UTF-8"));
        jvm.addAll(gatewayJvmArgs);
        List<String> args = new ArrayList<>(List.of(
                "--lienthong.data-directory=" + data.resolve("gateway"),
                "--server.port=" + gatewayPort,
                "--lienthong.broker.tcp-acceptor=tcp://127.0.0.1:" + brokerPort,
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.simulator.axis.enabled=false",
                "--lienthong.simulator.eoffice.enabled=false",
                "--lienthong.simulator.motcua.enabled=false",
                "--lienthong.portal.base-url=" + simulatorUrl + "/sim/dvcqg",
                "--lienthong.axis.base-url=" + simulatorUrl + "/sim/axis",
                "--lienthong.documents.eoffice-url=" + simulatorUrl + "/sim/eoffice",
                // the national portal's dossiers go down to the simulator's one-stop systems
                "--lienthong.national.destinations.motcua-tinh.url=" + simulatorUrl + "/sim/motcua/{unit}",
                "--lienthong.national.destinations.dat-dai.url=" + simulatorUrl + "/sim/motcua/dat-dai"));
        args.addAll(gatewayArgs);
        args.addAll(settings.gatewayArgs());
        JavaProcess gateway;
        try {
            gateway = JavaProcess.start("gateway", settings.projectDir(), jvm, settings.jar(), args,
                    logs.resolve(logPrefix + "gateway.log"));
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        BenchProcesses processes = new BenchProcesses("http://127.0.0.1:" + gatewayPort, simulatorUrl,
                "tcp://127.0.0.1:" + brokerPort, gateway, simulator, List.copyOf(jvm), data);
        try {
            long start = System.nanoTime();
            // the simulator's overall health stays DOWN (its JMS indicator looks for a broker it does not have),
            // so it is ready when its readiness probe is UP and its admin API answers
            awaitUp(http, simulator, simulatorUrl + "/actuator/health/readiness", simulatorUrl + "/sim/dvcqg/stats");
            awaitUp(http, gateway, processes.gatewayUrl + "/actuator/health", null);
            System.out.printf("gateway and simulator up after %.1f s%n", (System.nanoTime() - start) / 1e9);
            return processes;
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    private static void awaitUp(BenchHttp http, JavaProcess process, String healthUrl, String alsoUrl) {
        long deadline = System.currentTimeMillis() + STARTUP_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during startup; log " + process.log()
                        + ":\n" + process.logTail(40));
            }
            try {
                BenchHttp.Reply health = http.get(healthUrl, Map.of());
                if (health.status() == 200 && health.json().path("status").asText().equals("UP")
                        && (alsoUrl == null || http.get(alsoUrl, Map.of()).status() == 200)) {
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // not listening yet
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(process.name() + " not UP after " + STARTUP_TIMEOUT_MILLIS / 1000
                + " s; log " + process.log() + ":\n" + process.logTail(40));
    }

    private void stopBoth() {
        gateway.close();
        simulator.close();
    }

    @Override
    public void close() {
        stopBoth();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        deleteRecursively(dataDirectory);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
