package vn.lienthong.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What one benchmark run does, from {@code -Dbench.*} system properties (a blank value means the default). The
 * defaults finish in one to three minutes on 2 cores.
 *
 * @param dossiers        N: dossiers of the main phase
 * @param progress        M: progress items sent after each dossier
 * @param clients         C: concurrent HTTP clients of the main phase (and JMS producers of the broker limit)
 * @param warmupDossiers  dossiers of one warm-up round (sent first, checked, not measured)
 * @param warmupRounds    at most this many warm-up rounds
 * @param warmupJitShare  warm-up ends after a round in which the gateway's JIT compiler took less than this share of
 *                        its CPU
 * @param pacedRate       offered load of the paced phase, messages per second
 * @param pacedSeconds    length of the paced phase
 * @param drainMessages   K: messages queued while the portal is down, then drained
 * @param drainWarmupMessages messages of the unmeasured drain before it (0: none)
 * @param consumers       the gateway's delivery consumers (lienthong.delivery.consumers) and the JMS consumers of the
 *                        broker limit; passed to the gateway only when set explicitly
 * @param consumersSet    whether {@code bench.consumers} was given
 * @param stallSeconds    give up waiting for deliveries after this long without any new one (then: lost)
 * @param projectDir      where routes/ and mappings/ are (the gateway's working directory)
 * @param jar             the packaged gateway, the production jar
 * @param simulatorJar    the packaged default run, whose simulators stand in for the national systems
 * @param gatewayJvmArgs  extra JVM arguments of the gateway (e.g. a JFR recording)
 * @param gatewayArgs     extra application arguments of the gateway (e.g. --lienthong.delivery.consumers=16)
 * @param jfrFile         when set, a JFR recording (settings=profile) of the gateway during the main phase, and one
 *                        of the drain from the moment the portal is up again ({@code <name>-drain.jfr})
 * @param asprofDirectory when set, async-profiler profiles of the gateway's threads (all of them, the JIT's too)
 *                        during the main phase and the drain, written there as collapsed stacks
 * @param asprofEvent     what async-profiler samples: {@code itimer} (CPU) or {@code wall} (wall clock)
 */
record BenchSettings(int dossiers, int progress, int clients, int warmupDossiers, int warmupRounds,
                     double warmupJitShare, int pacedRate, int pacedSeconds,
                     int drainMessages, int drainWarmupMessages, int consumers, boolean consumersSet,
                     int stallSeconds, Path projectDir,
                     Path jar, Path simulatorJar, List<String> gatewayJvmArgs, List<String> gatewayArgs, Path jfrFile,
                     Path asprofDirectory, String asprofEvent) {

    static final int GATEWAY_DEFAULT_CONSUMERS = 16;

    static BenchSettings fromSystemProperties() {
        Path projectDir = Path.of(text("bench.projectDir", System.getProperty("user.dir"))).toAbsolutePath();
        String consumers = text("bench.consumers", null);
        return new BenchSettings(
                number("bench.dossiers", 1500),
                number("bench.progress", 4),
                number("bench.clients", 8),
                number("bench.warmupDossiers", 400),
                number("bench.warmupRounds", 20),
                Double.parseDouble(text("bench.warmupJitShare", "0.10")),
                number("bench.pacedRate", 300),
                number("bench.pacedSeconds", 15),
                number("bench.drainMessages", 3000),
                number("bench.drainWarmupMessages", number("bench.drainMessages", 3000)),
                consumers == null ? GATEWAY_DEFAULT_CONSUMERS : Integer.parseInt(consumers),
                consumers != null,
                number("bench.stallSeconds", 30),
                projectDir,
                projectDir.resolve(text("bench.jar", "gateway/target/lienthong-gateway.jar")),
                projectDir.resolve(text("bench.simulatorJar", "default-run/target/lienthong-default-run.jar")),
                words(text("bench.gatewayJvmArgs", "")),
                words(text("bench.gatewayArgs", "")),
                text("bench.jfr", null) == null ? null : Path.of(text("bench.jfr", null)).toAbsolutePath(),
                text("bench.asprof", null) == null ? null : Path.of(text("bench.asprof", null)).toAbsolutePath(),
                text("bench.asprofEvent", "itimer"));
    }

    int messagesPerDossier() {
        return 1 + progress;
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int number(String name, int fallback) {
        String value = text(name, null);
        int n = value == null ? fallback : Integer.parseInt(value);
        if (n < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + n);
        }
        return n;
    }

    private static List<String> words(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
    }
}
