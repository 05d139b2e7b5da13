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
 * The two real processes of a run, from the packaged jar: the gateway on its embedded defaults (persistent journal
 * and H2 under a fresh temporary data directory, routes/ and mappings/ from the project) and the DVCQG simulator as
 * its own application. Both are stopped on close, and by a shutdown hook if the benchmark itself is interrupted.
 */
final class BenchProcesses implements AutoCloseable {

    private static final long STARTUP_TIMEOUT_MILLIS = 180_000;

    final String gatewayUrl;
    final String simulatorUrl;
    final String brokerUrl;
    final JavaProcess gateway;
    final JavaProcess simulator;
    private final Path dataDirectory;
    private final Thread shutdownHook;

    private BenchProcesses(String gatewayUrl, String simulatorUrl, String brokerUrl, JavaProcess gateway,
                           JavaProcess simulator, Path dataDirectory) {
        this.gatewayUrl = gatewayUrl;
        this.simulatorUrl = simulatorUrl;
        this.brokerUrl = brokerUrl;
        this.gateway = gateway;
        this.simulator = simulator;
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stopBoth, "bench-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static BenchProcesses start(BenchSettings settings, BenchHttp http) throws IOException {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " not found: run ./mvnw -Pbench verify (or package first)");
        }
        Path data = Files.createTempDirectory("lienthong-bench-");
        Path logs = settings.projectDir().resolve("target/bench");
        int gatewayPort = freePort();
        int simulatorPort = freePort();
        int brokerPort = freePort();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;

        JavaProcess simulator = JavaProcess.start("simulator", settings.projectDir(),
                List.of("-Xmx512m", "-Dfile.encoding=UTF-8"), settings.jar(),
                List.of("--spring.profiles.active=simulator", "--server.port=" + simulatorPort,
                        "--lienthong.data-directory=" + data.resolve("simulator")),
                logs.resolve("simulator.log"));

        List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Dfile.encoding=UTF-8"));
        jvm.addAll(settings.gatewayJvmArgs());
        List<String> args = new ArrayList<>(List.of(
                "--lienthong.data-directory=" + data.resolve("gateway"),
                "--server.port=" + gatewayPort,
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.portal.base-url=" + simulatorUrl + "/sim/dvcqg",
                "--lienthong.broker.tcp-acceptor=tcp://127.0.0.1:" + brokerPort));
        if (settings.consumersSet()) {
            args.add("--lienthong.delivery.consumers=" + settings.consumers());
        }
        args.addAll(settings.gatewayArgs());
        JavaProcess gateway;
        try {
            gateway = JavaProcess.start("gateway", settings.projectDir(), jvm, settings.jar(), args,
                    logs.resolve("gateway.log"));
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        BenchProcesses processes = new BenchProcesses("http://127.0.0.1:" + gatewayPort, simulatorUrl,
                "tcp://127.0.0.1:" + brokerPort, gateway, simulator, data);
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

    static void awaitUp(BenchHttp http, JavaProcess process, String healthUrl, String alsoUrl) {
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

    static int freePort() throws IOException {
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
