package vn.lienthong.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How fast and how lean the gateway is, against the limit of its own broker. Starts the packaged gateway and the DVCQG
 * simulator as real processes, then:
 * <ol>
 * <li>warm-up: a few dossiers, checked but not measured;</li>
 * <li>main: N dossiers, each followed by M progress items, from C concurrent HTTP clients, until the portal has all
 * of them (throughput, accept latency, accept-to-delivered latency, CPU);</li>
 * <li>paced: a fixed offered load (300 msg/s) to read accept-to-delivered p99 below saturation;</li>
 * <li>broker limit: the main phase's messages through the same embedded broker by plain JMS;</li>
 * <li>drain warm-up: the same as the drain, not measured (the drain's code paths compiled by the JIT);</li>
 * <li>drain: K messages queued while the portal is down, then the rate at which they leave once it is up;</li>
 * <li>national: dossiers with files filed at the portal, pulled by the gateway and delivered to the one-stop
 * simulator, against a copy of the same files with no gateway ({@link NationalInbound}, its own processes).</li>
 * </ol>
 * Then checks that the portal got every accepted message once, each dossier's in the order sent, and prints a table
 * and one {@code BENCH {json}} line. Run by {@code ./mvnw -Pbench verify}, or this {@code main} after a package.
 */
public final class GatewayBenchmark {

    private static final int TICK_SECONDS = 3;
    private static final int PACED_WORKERS = 32;

    private final BenchSettings settings;
    private final BenchHttp http = new BenchHttp();

    GatewayBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchReport report = new GatewayBenchmark(BenchSettings.fromSystemProperties()).run();
        System.exit(report.correct() ? 0 : 1);
    }

    BenchReport run() throws Exception {
        BenchReport report = new BenchReport(settings);
        String run = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
        int m = settings.progress();
        Phase main = new Phase("main", Payloads.dossiers(run, "M", settings.dossiers(), m), m);
        int pacedDossiers = ceilDiv(settings.pacedRate() * settings.pacedSeconds(), settings.messagesPerDossier());
        Phase paced = new Phase("paced", Payloads.dossiers(run, "P", pacedDossiers, m), m);
        int drainDossiers = ceilDiv(settings.drainMessages(), settings.messagesPerDossier());
        Phase drain = new Phase("drain", Payloads.dossiers(run, "D", drainDossiers, m), m);
        int drainWarmupDossiers = ceilDiv(settings.drainWarmupMessages(), settings.messagesPerDossier());
        Phase drainWarmup = drainWarmupDossiers == 0 ? null
                : new Phase("drain warm-up", Payloads.dossiers(run, "E", drainWarmupDossiers, m), m);
        List<BrokerLimit.Group> limitMessages = BrokerLimit.canonical(main, settings.projectDir().resolve("mappings"));
        report.payloadSizes(main, limitMessages);

        try (BenchProcesses processes = BenchProcesses.start(settings, http);
             ResourceSampler resources = new ResourceSampler(http, processes.gatewayUrl, processes.gateway.pid())) {
            Sender sender = new Sender(processes.gatewayUrl);
            PortalView portal = new PortalView(http, processes.simulatorUrl);
            Cpu runStart = Cpu.of(processes);

            List<Phase> warmups = warmUp(processes, sender, portal, resources, run, m);
            long gatewayPid = processes.gateway.pid();
            AsyncProfiler profiler = settings.asprofDirectory() == null ? null
                    : AsyncProfiler.extractTo(settings.asprofDirectory(), settings.asprofEvent());

            section("main: " + main.dossiers.size() + " dossiers x " + settings.messagesPerDossier()
                    + " messages from " + settings.clients() + " clients");
            if (settings.jfrFile() != null) {
                processes.gateway.jcmd("JFR.start", "name=bench-main", "settings=profile",
                        "filename=" + settings.jfrFile());
            }
            if (profiler != null) {
                profiler.start(gatewayPid);
            }
            Cpu before = Cpu.of(processes);
            PortalCalls callsBefore = PortalCalls.of(http, processes.gatewayUrl);
            sendAndDeliver(main, portal, resources, () -> Load.closedLoop(main, sender, settings.clients()));
            Cpu after = Cpu.of(processes);
            report.portalCalls("main", PortalCalls.of(http, processes.gatewayUrl).minus(callsBefore));
            if (settings.jfrFile() != null) {
                processes.gateway.jcmd("JFR.stop", "name=bench-main");
            }
            if (profiler != null) {
                profiler.stop(gatewayPid, settings.asprofDirectory().resolve("main-" + settings.asprofEvent() + ".txt"));
            }
            report.main(main, after.minus(before));

            section("paced: " + paced.messages() + " messages offered at " + settings.pacedRate() + " msg/s");
            double[] offered = new double[1];
            sendAndDeliver(paced, portal, resources, () -> offered[0] = Load.paced(paced, sender,
                    settings.pacedRate(), Math.max(PACED_WORKERS, settings.clients())));
            report.paced(paced, offered[0]);

            section("broker limit: " + main.messages() + " messages by plain JMS, " + settings.clients()
                    + " producers, " + settings.consumers() + " transacted consumers");
            // a first full pass warms the JMS client and the broker's paths (consecutive passes differ by up to 50%
            // without it); the second one is measured
            BrokerLimit.Result first = BrokerLimit.run(processes.brokerUrl, limitMessages, settings.clients(),
                    settings.consumers());
            System.out.printf("  warm-up pass: %.0f msg/s%n", first.perSecond());
            BrokerLimit.Result limit = BrokerLimit.run(processes.brokerUrl, limitMessages, settings.clients(),
                    settings.consumers());
            System.out.printf("  %d messages in %.2f s: %.0f msg/s%n", limit.messages(), limit.seconds(),
                    limit.perSecond());
            report.brokerLimit(limit);

            if (drainWarmup != null) {
                // The drain runs code the steady phases never ran (the circuit's pause and resume, a deep queue,
                // full portal calls): without this it is measured while the JIT compiles it, as the main phase was
                // before its warm-up rounds. A gateway that has run for days has been through outages before.
                section("drain warm-up: " + drainWarmup.messages() + " messages queued while the portal is down, "
                        + "not measured");
                Cpu warmupStart = Cpu.of(processes);
                queueWhilePortalDown(drainWarmup, portal, resources, sender, () -> { });
                Cpu spent = Cpu.of(processes).minus(warmupStart);
                System.out.printf("  JIT compilation took %.0f%% of the gateway's CPU (%.1f of %.1f s)%n",
                        100 * spent.jitShare(), spent.gatewayJit(), spent.gateway());
            }

            section("drain: " + drain.messages() + " messages queued while the portal is down");
            PortalCalls callsBeforeDrain = PortalCalls.of(http, processes.gatewayUrl);
            long[] up = new long[1]; // epoch micros when the portal came back
            Cpu[] drainStart = new Cpu[1];
            long deliveredWhileDown = queueWhilePortalDown(drain, portal, resources, sender, () -> {
                if (settings.jfrFile() != null) {
                    try {
                        processes.gateway.jcmd("JFR.start", "name=bench-drain", "settings=profile",
                                "filename=" + drainRecording(settings.jfrFile()));
                    } catch (java.io.IOException | InterruptedException e) {
                        throw new IllegalStateException("could not start the drain's recording", e);
                    }
                }
                if (profiler != null) {
                    profiler.start(gatewayPid);
                }
                drainStart[0] = Cpu.of(processes);
                up[0] = System.currentTimeMillis() * 1000;
            });
            if (settings.jfrFile() != null) {
                processes.gateway.jcmd("JFR.stop", "name=bench-drain");
            }
            if (profiler != null) {
                profiler.stop(gatewayPid, settings.asprofDirectory().resolve("drain-" + settings.asprofEvent() + ".txt"));
            }
            report.portalCalls("drain", PortalCalls.of(http, processes.gatewayUrl).minus(callsBeforeDrain));
            report.drain(drain, up[0], deliveredWhileDown);
            report.drainCpu(Cpu.of(processes).minus(drainStart[0]), drain.accepted.get());

            section("checking what the portal received, and reading the gateway's trails");
            List<Phase> all = new ArrayList<>(warmups);
            if (drainWarmup != null) {
                all.add(drainWarmup);
            }
            all.addAll(List.of(main, paced, drain));
            for (Phase phase : all) {
                report.check(phase, portal.check(phase, settings.clients()));
            }
            report.trails(main, TrackingTimes.fetch(http, processes.gatewayUrl, main, settings.clients()));
            report.trails(paced, TrackingTimes.fetch(http, processes.gatewayUrl, paced, settings.clients()));
            report.trails(drain, TrackingTimes.fetch(http, processes.gatewayUrl, drain, settings.clients()));
            report.resources(resources.peakHeapMb(), resources.peakRssMb());
            report.machine(Cpu.of(processes).minus(runStart));
        }
        if (settings.national().dossiers() > 0) {
            report.national(new NationalInbound(settings, http).run());
        }
        report.print(settings.projectDir().resolve("default-run/target/bench/result.json"));
        return report;
    }

    /**
     * The gateway's calls to the portal so far and the messages they carried (its metric
     * {@code lienthong.portal.call.items}, failed calls included).
     */
    record PortalCalls(double calls, double items) {

        static PortalCalls of(BenchHttp http, String gatewayUrl) {
            JsonNode metric;
            try {
                metric = http.getJson(gatewayUrl + "/actuator/metrics/lienthong.portal.call.items", BenchHttp.OPERATOR);
            } catch (RuntimeException noSuchMetric) {
                // a gateway from before the metric (comparing with an older commit): nothing to count
                return new PortalCalls(0, 0);
            }
            double calls = 0;
            double items = 0;
            for (JsonNode measurement : metric.path("measurements")) {
                switch (measurement.path("statistic").asText()) {
                    case "COUNT" -> calls = measurement.path("value").asDouble();
                    case "TOTAL" -> items = measurement.path("value").asDouble();
                    default -> { }
                }
            }
            return new PortalCalls(calls, items);
        }

        PortalCalls minus(PortalCalls earlier) {
            return new PortalCalls(calls - earlier.calls, items - earlier.items);
        }
    }

    /**
     * Rounds of {@code bench.warmupDossiers} dossiers (with their progress) until the gateway's JIT compiler took less
     * than {@code bench.warmupJitShare} of its CPU in a round, at most {@code bench.warmupRounds}: the figures are
     * those of a gateway that has been running for a while, not of one still compiling its code. Each round is
     * checked like the measured phases.
     */
    private List<Phase> warmUp(BenchProcesses processes, Sender sender, PortalView portal, ResourceSampler resources,
                               String run, int progress) throws Exception {
        List<Phase> rounds = new ArrayList<>();
        for (int round = 1; round <= settings.warmupRounds(); round++) {
            Phase warmup = new Phase("warm-up " + round,
                    Payloads.dossiers(run, "W" + round, settings.warmupDossiers(), progress), progress);
            section("warm-up round " + round + ": " + warmup.messages() + " messages");
            Cpu before = Cpu.of(processes);
            sendAndDeliver(warmup, portal, resources, () -> Load.closedLoop(warmup, sender, settings.clients()));
            Cpu spent = Cpu.of(processes).minus(before);
            rounds.add(warmup);
            System.out.printf("  JIT compilation took %.0f%% of the gateway's CPU (%.1f of %.1f s)%n",
                    100 * spent.jitShare(), spent.gatewayJit(), spent.gateway());
            if (spent.jitShare() < settings.warmupJitShare()) {
                break;
            }
        }
        return rounds;
    }

    /**
     * Puts the portal down, sends a phase (every message must be accepted and queued meanwhile), runs
     * {@code beforeUp}, puts the portal up and waits until it has every message.
     *
     * @return how many of the phase's messages reached the portal while it was down (none should)
     */
    private long queueWhilePortalDown(Phase phase, PortalView portal, ResourceSampler resources, Sender sender,
                                      Runnable beforeUp) {
        PortalView.Counts before = portal.counts();
        long[] deliveredWhileDown = new long[1];
        portal.setDown(true);
        sendAndDeliver(phase, portal, resources, () -> {
            Load.closedLoop(phase, sender, settings.clients());
            deliveredWhileDown[0] = portal.counts().messages() - before.messages();
            System.out.printf("  portal down: %d accepted, %d reached the portal; putting it up%n",
                    phase.accepted.get(), deliveredWhileDown[0]);
            beforeUp.run();
            portal.setDown(false);
        });
        return deliveredWhileDown[0];
    }

    /** The drain's recording beside the main phase's: {@code x.jfr} -> {@code x-drain.jfr}. */
    private static Path drainRecording(Path mainRecording) {
        String name = mainRecording.getFileName().toString().replaceFirst("\\.jfr$", "");
        return mainRecording.resolveSibling(name + "-drain.jfr");
    }

    /**
     * Sends a phase (with a progress line every few seconds) and waits until the portal has every message it
     * accepted, or nothing new arrived for bench.stallSeconds.
     */
    private void sendAndDeliver(Phase phase, PortalView portal, ResourceSampler resources, Runnable load) {
        PortalView.Counts before = portal.counts();
        try (Ticker ticker = new Ticker(TICK_SECONDS, () -> progressLine(phase, portal, before, resources))) {
            load.run();
            System.out.printf("  sent %d, accepted %d in %.1f s (%.0f msg/s); waiting for the portal%n",
                    phase.sent.get(), phase.accepted.get(), phase.seconds(), phase.acceptedPerSecond());
            PortalView.Counts expected = new PortalView.Counts(before.dossiers() + phase.acceptedDossiers.get(),
                    before.progressItems() + phase.accepted.get() - phase.acceptedDossiers.get());
            long start = System.nanoTime();
            PortalView.Counts reached = portal.await(expected, settings.stallSeconds());
            System.out.printf("  portal has %d of %d accepted messages, %.1f s later%n",
                    reached.messages() - before.messages(), phase.accepted.get(), (System.nanoTime() - start) / 1e9);
        }
    }

    private static String progressLine(Phase phase, PortalView portal, PortalView.Counts before,
                                       ResourceSampler resources) {
        String delivered;
        try {
            delivered = Long.toString(portal.counts().messages() - before.messages());
        } catch (RuntimeException e) {
            delivered = "?";
        }
        return String.format("%s: sent %d/%d, accepted %d, delivered %s, gateway heap %.0f MB", phase.name,
                phase.sent.get(), phase.messages(), phase.accepted.get(), delivered, resources.heapMb());
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * CPU seconds used so far by the gateway and the simulator (and of each, its JIT compiler threads), this benchmark
     * process (the load clients) and the whole machine (whatever else runs on it competes for the same cores), and
     * the wall-clock time.
     */
    record Cpu(double gateway, double gatewayJit, double simulator, double simulatorJit, double benchmark,
               double machine, double wall) {
        static Cpu of(BenchProcesses processes) {
            return new Cpu(processes.gateway.cpuSeconds(), ProcFs.compilerCpuSeconds(processes.gateway.pid()),
                    processes.simulator.cpuSeconds(), ProcFs.compilerCpuSeconds(processes.simulator.pid()),
                    ProcFs.cpuSeconds(ProcessHandle.current().pid()), ProcFs.machineBusySeconds(),
                    System.nanoTime() / 1e9);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(gateway - earlier.gateway, gatewayJit - earlier.gatewayJit, simulator - earlier.simulator,
                    simulatorJit - earlier.simulatorJit, benchmark - earlier.benchmark, machine - earlier.machine,
                    wall - earlier.wall);
        }

        /** The share of the gateway's CPU its JIT compiler threads took. */
        double jitShare() {
            return gateway <= 0 ? 0 : gatewayJit / gateway;
        }

        /** CPU seconds used by other processes of the machine. */
        double others() {
            return Math.max(0, machine - gateway - simulator - benchmark);
        }
    }
}
