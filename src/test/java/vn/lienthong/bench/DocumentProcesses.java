package vn.lienthong.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The processes of the documents memory run, as {@link BenchProcesses} starts them for the dossier benchmark: the
 * simulators (DVCQG, document axis, e-office) as their own application, and the gateway from the packaged jar with
 * its own simulators off, pointed at them, on a small heap. Fresh data directory, free ports; both stopped on close
 * (and by a shutdown hook). Logs: {@code target/bench/documents-gateway.log}, {@code documents-simulator.log}.
 */
final class DocumentProcesses implements AutoCloseable {

    final String gatewayUrl;
    final String simulatorUrl;
    final JavaProcess gateway;
    final JavaProcess simulator;
    final List<String> gatewayJvmArgs;
    private final Path dataDirectory;
    private final Thread shutdownHook;

    private DocumentProcesses(String gatewayUrl, String simulatorUrl, JavaProcess gateway, JavaProcess simulator,
                              List<String> gatewayJvmArgs, Path dataDirectory) {
        this.gatewayUrl = gatewayUrl;
        this.simulatorUrl = simulatorUrl;
        this.gateway = gateway;
        this.simulator = simulator;
        this.gatewayJvmArgs = gatewayJvmArgs;
        this.dataDirectory = dataDirectory;
        this.shutdownHook = new Thread(this::stopBoth, "bench-documents-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * @param gatewayJvmArgs the gateway's JVM arguments ({@code -Xmx256m} and whatever {@code bench.gatewayJvmArgs}
     *                       adds; a later {@code -Xmx} wins)
     * @param pollMillis     {@code lienthong.documents.poll-interval} of the gateway
     */
    static DocumentProcesses start(BenchSettings settings, BenchHttp http, List<String> gatewayJvmArgs,
                                   long pollMillis) throws IOException {
        if (!Files.isRegularFile(settings.jar())) {
            throw new IllegalStateException(settings.jar() + " not found: run ./mvnw -Pbench verify (or package first)");
        }
        Path data = Files.createTempDirectory("lienthong-bench-documents-");
        Path logs = settings.projectDir().resolve("target/bench");
        int gatewayPort = BenchProcesses.freePort();
        int simulatorPort = BenchProcesses.freePort();
        int brokerPort = BenchProcesses.freePort();
        String simulatorUrl = "http://127.0.0.1:" + simulatorPort;

        JavaProcess simulator = JavaProcess.start("simulator", settings.projectDir(),
                List.of("-Xmx512m", "-Dfile.encoding=UTF-8"), settings.jar(),
                List.of("--spring.profiles.active=simulator", "--server.port=" + simulatorPort,
                        "--lienthong.data-directory=" + data.resolve("simulator")),
                logs.resolve("documents-simulator.log"));

        List<String> jvm = new ArrayList<>(List.of("-Dfile.encoding=UTF-8"));
        jvm.addAll(gatewayJvmArgs);
        List<String> args = new ArrayList<>(List.of(
                "--lienthong.data-directory=" + data.resolve("gateway"),
                "--server.port=" + gatewayPort,
                "--lienthong.broker.tcp-acceptor=tcp://127.0.0.1:" + brokerPort,
                "--lienthong.simulator.dvcqg.enabled=false",
                "--lienthong.simulator.axis.enabled=false",
                "--lienthong.simulator.eoffice.enabled=false",
                "--lienthong.portal.base-url=" + simulatorUrl + "/sim/dvcqg",
                "--lienthong.axis.base-url=" + simulatorUrl + "/sim/axis",
                "--lienthong.documents.eoffice-url=" + simulatorUrl + "/sim/eoffice",
                "--lienthong.documents.poll-interval=" + pollMillis));
        args.addAll(settings.gatewayArgs());
        JavaProcess gateway;
        try {
            gateway = JavaProcess.start("gateway", settings.projectDir(), jvm, settings.jar(), args,
                    logs.resolve("documents-gateway.log"));
        } catch (IOException | RuntimeException e) {
            simulator.close();
            throw e;
        }
        DocumentProcesses processes = new DocumentProcesses("http://127.0.0.1:" + gatewayPort, simulatorUrl, gateway,
                simulator, List.copyOf(jvm), data);
        try {
            long start = System.nanoTime();
            BenchProcesses.awaitUp(http, simulator, simulatorUrl + "/actuator/health/readiness",
                    simulatorUrl + "/sim/eoffice/faults");
            BenchProcesses.awaitUp(http, gateway, processes.gatewayUrl + "/actuator/health", null);
            System.out.printf("gateway and simulators up after %.1f s%n", (System.nanoTime() - start) / 1e9);
            return processes;
        } catch (RuntimeException e) {
            processes.close();
            throw e;
        }
    }

    /** The gateway's largest heap: the last {@code -Xmx} of its JVM arguments, in MiB; -1 when none is given. */
    long xmxMb() {
        long mb = -1;
        for (String arg : gatewayJvmArgs) {
            if (arg.startsWith("-Xmx")) {
                mb = megabytes(arg.substring(4));
            }
        }
        return mb;
    }

    static long megabytes(String size) {
        String s = size.trim().toLowerCase(java.util.Locale.ROOT);
        char unit = s.charAt(s.length() - 1);
        long n = Character.isDigit(unit) ? Long.parseLong(s) : Long.parseLong(s.substring(0, s.length() - 1));
        return switch (unit) {
            case 'k' -> n / 1024;
            case 'm' -> n;
            case 'g' -> n * 1024;
            case 't' -> n * 1024 * 1024;
            default -> n / (1024 * 1024);
        };
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
        BenchProcesses.deleteRecursively(dataDirectory);
    }
}
