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
 * @param national        the national portal's dossiers coming down to the one-stop systems ({@link NationalInbound})
 */
record BenchSettings(int dossiers, int progress, int clients, int warmupDossiers, int warmupRounds,
                     double warmupJitShare, int pacedRate, int pacedSeconds,
                     int drainMessages, int drainWarmupMessages, int consumers, boolean consumersSet,
                     int stallSeconds, Path projectDir,
                     Path jar, Path simulatorJar, List<String> gatewayJvmArgs, List<String> gatewayArgs, Path jfrFile,
                     Path asprofDirectory, String asprofEvent, National national) {

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
                text("bench.asprofEvent", "itimer"),
                new National(
                        number("bench.nationalDossiers", 500),
                        number("bench.nationalWarmupDossiers", 100),
                        number("bench.nationalFiles", 3),
                        number("bench.nationalFileMinKib", 50),
                        number("bench.nationalFileMaxKib", 500),
                        number("bench.nationalConsumers", 4),
                        number("bench.nationalPollMillis", 200),
                        number("bench.nationalListLimit", 1000)));
    }

    /**
     * The national phase: dossiers filed online at the DVCQG simulator, pulled by the gateway and delivered with their
     * files to the one-stop simulator ({@link NationalInbound}).
     *
     * @param dossiers       dossiers measured (0: the phase is skipped)
     * @param warmupDossiers dossiers filed and delivered before them, checked, not measured
     * @param files          files per dossier
     * @param fileMinKib     smallest file, KiB (each file's size is drawn evenly between the two)
     * @param fileMaxKib     largest file, KiB
     * @param consumers      the gateway's lienthong.national.consumers, and the limit's concurrent copies
     * @param pollMillis     the gateway's lienthong.national.poll-interval
     * @param listLimit      the gateway's lienthong.national.list-limit (the portal answers at most 1000)
     */
    record National(int dossiers, int warmupDossiers, int files, int fileMinKib, int fileMaxKib, int consumers,
                    int pollMillis, int listLimit) {

        National {
            if (fileMaxKib < fileMinKib) {
                throw new IllegalArgumentException("bench.nationalFileMaxKib (" + fileMaxKib
                        + ") must not be below bench.nationalFileMinKib (" + fileMinKib + ")");
            }
            if (dossiers > 0 && (consumers == 0 || pollMillis == 0 || listLimit == 0)) {
                throw new IllegalArgumentException("bench.nationalConsumers, bench.nationalPollMillis and "
                        + "bench.nationalListLimit must be at least 1");
            }
        }

        double meanFileBytes() {
            return (fileMinKib + fileMaxKib) / 2.0 * 1024;
        }
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
