package vn.lienthong.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/** Collects the figures of a run; prints them as a table and as one {@code BENCH {json}} line. */
final class BenchReport {

    private final BenchSettings settings;
    private final Map<String, Object> bench = new LinkedHashMap<>();
    private final Map<String, PortalView.Check> checks = new LinkedHashMap<>();
    private final Map<String, long[]> sentAccepted = new LinkedHashMap<>();
    private GatewayBenchmark.Cpu mainCpu;
    private Phase main;
    private NationalInbound.Result national;

    BenchReport(BenchSettings settings) {
        this.settings = settings;
        bench.put("cores", Runtime.getRuntime().availableProcessors());
        bench.put("dossiers", settings.dossiers());
        bench.put("progress", settings.progress());
        bench.put("clients", settings.clients());
        bench.put("consumers", settings.consumers());
    }

    void payloadSizes(Phase phase, List<BrokerLimit.Group> canonical) {
        bench.put("dossier_http_bytes", phase.dossiers.stream().mapToLong(d -> d.body().length).average().orElse(0));
        bench.put("progress_http_bytes", phase.dossiers.stream().flatMap(d -> d.progress().stream())
                .mapToLong(b -> b.length).average().orElse(0));
        bench.put("dossier_queued_bytes", canonical.stream()
                .mapToLong(g -> utf8(g.bodies().get(0))).average().orElse(0));
        bench.put("progress_queued_bytes", canonical.stream().flatMap(g -> g.bodies().stream().skip(1))
                .mapToLong(BenchReport::utf8).average().orElse(0));
    }

    void main(Phase phase, GatewayBenchmark.Cpu cpu) {
        this.main = phase;
        this.mainCpu = cpu;
        bench.put("main_messages", phase.messages());
        bench.put("accepted_per_s", phase.acceptedPerSecond());
        bench.put("accept_p50_ms", phase.acceptLatency.percentileMs(50));
        bench.put("accept_p99_ms", phase.acceptLatency.percentileMs(99));
        bench.put("accept_max_ms", phase.acceptLatency.maxMs());
        bench.put("cpu_s_per_1000", cpu.gateway() / phase.accepted.get() * 1000);
        bench.put("jit_cpu_share", cpu.jitShare());
        bench.put("cpu_s_per_1000_without_jit", (cpu.gateway() - cpu.gatewayJit()) / phase.accepted.get() * 1000);
        bench.put("simulator_cpu_s_per_1000", cpu.simulator() / phase.accepted.get() * 1000);
        bench.put("client_cpu_s_per_1000", cpu.benchmark() / phase.accepted.get() * 1000);
        // how much of the machine other processes took meanwhile: figures are only comparable when this is ~0
        bench.put("other_processes_cpu_share", cpu.others() / (cpu.wall() * (int) bench.get("cores")));
        bench.put("machine_busy_share", cpu.machine() / (cpu.wall() * (int) bench.get("cores")));
    }

    void paced(Phase phase, double offeredPerSecond) {
        bench.put("paced_rate_per_s", settings.pacedRate());
        bench.put("paced_offered_per_s", offeredPerSecond);
        bench.put("paced_messages", phase.messages());
        bench.put("paced_accept_p50_ms", phase.acceptLatency.percentileMs(50));
        bench.put("paced_accept_p99_ms", phase.acceptLatency.percentileMs(99));
    }

    void brokerLimit(BrokerLimit.Result limit) {
        bench.put("broker_limit_per_s", limit.perSecond());
        bench.put("broker_limit_messages", limit.messages());
        bench.put("broker_limit_produce_per_s", limit.messages() / limit.producedSeconds());
        bench.put("broker_limit_send_p50_ms", limit.sendLatency().percentileMs(50));
        bench.put("broker_limit_send_p99_ms", limit.sendLatency().percentileMs(99));
        bench.put("broker_limit_avg_bytes", limit.averageBytes());
    }

    void drain(Phase phase, long upMicros, long deliveredWhileDown) {
        bench.put("drain_messages", phase.accepted.get());
        bench.put("accepted_while_down_per_s", phase.acceptedPerSecond());
        bench.put("delivered_while_down", deliveredWhileDown);
        bench.put("drain_up_micros", upMicros);
    }

    void check(Phase phase, PortalView.Check check) {
        checks.put(phase.name, check);
        sentAccepted.put(phase.name, new long[] {phase.sent.get(), phase.accepted.get(), phase.refused.get()});
    }

    void trails(Phase phase, TrackingTimes times) {
        Latencies e2e = times.endToEnd();
        switch (phase.name) {
            case "main" -> {
                double seconds = (times.lastDeliveredMicros() - phase.startEpochMillis * 1000L) / 1e6;
                bench.put("delivered_per_s", times.delivered() / seconds);
                bench.put("main_seconds_to_all_delivered", seconds);
                bench.put("e2e_p50_ms", e2e.percentileMs(50));
                bench.put("e2e_p99_ms", e2e.percentileMs(99));
                bench.put("e2e_max_ms", e2e.maxMs());
                bench.put("e2e_sample", e2e.count());
            }
            case "paced" -> {
                bench.put("paced_e2e_p50_ms", e2e.percentileMs(50));
                bench.put("paced_e2e_p99_ms", e2e.percentileMs(99));
                bench.put("paced_e2e_max_ms", e2e.maxMs());
            }
            case "drain" -> {
                long up = ((Number) bench.remove("drain_up_micros")).longValue();
                long first = times.firstDeliveredMicros();
                long last = times.lastDeliveredMicros();
                bench.put("drain_per_s", (times.delivered() - 1) / ((last - first) / 1e6));
                bench.put("drain_resume_ms", (first - up) / 1e3);
                bench.put("drain_wall_per_s", times.delivered() / ((last - up) / 1e6));
                // what the slowest messages cost the rate: set aside during the outage, the last 1 % of the drain
                bench.put("drain_held", times.held());
                bench.put("drain_last_percent_ms", (last - times.deliveredMicrosAt(0.99)) / 1e3);
                bench.put("drain_per_s_by_tenth", Arrays.stream(times.ratesByTenth()).mapToLong(Math::round).boxed()
                        .toList());
            }
            default -> throw new IllegalArgumentException(phase.name);
        }
    }

    /**
     * CPU from the portal's return to the last delivery of the drain: whether the drain is bound by the machine's
     * cores or by the consumers' waits.
     */
    void drainCpu(GatewayBenchmark.Cpu cpu, long messages) {
        bench.put("drain_machine_busy_share", cpu.machine() / (cpu.wall() * (int) bench.get("cores")));
        bench.put("drain_cpu_s_per_1000", cpu.gateway() / messages * 1000);
        bench.put("drain_simulator_cpu_s_per_1000", cpu.simulator() / messages * 1000);
        bench.put("drain_jit_cpu_share", cpu.jitShare());
        bench.put("drain_simulator_jit_cpu_share", cpu.simulator() <= 0 ? 0 : cpu.simulatorJit() / cpu.simulator());
    }

    /** How busy the machine was over the whole run, and how much of it other processes took. */
    void machine(GatewayBenchmark.Cpu run) {
        bench.put("run_other_processes_cpu_share", run.others() / (run.wall() * (int) bench.get("cores")));
    }

    /** How many calls a phase's messages took to reach the portal ({@code <phase>_portal_calls}, items per call). */
    void portalCalls(String phase, GatewayBenchmark.PortalCalls calls) {
        bench.put(phase + "_portal_calls", calls.calls());
        bench.put(phase + "_items_per_call", calls.calls() == 0 ? 0 : calls.items() / calls.calls());
    }

    void resources(double peakHeapMb, double peakRssMb) {
        bench.put("peak_heap_mb", peakHeapMb);
        bench.put("peak_rss_mb", peakRssMb);
    }

    /** The national phase's figures ({@code national_*}). */
    void national(NationalInbound.Result r) {
        this.national = r;
        BenchSettings.National n = r.settings();
        bench.put("national_dossiers", r.main().filed.size());
        bench.put("national_warmup_dossiers", r.warmup().filed.size());
        bench.put("national_files_per_dossier", n.files());
        bench.put("national_file_min_kib", n.fileMinKib());
        bench.put("national_file_max_kib", n.fileMaxKib());
        bench.put("national_consumers", n.consumers());
        bench.put("national_poll_ms", n.pollMillis());
        bench.put("national_list_limit", n.listLimit());
        bench.put("national_dossier_bytes", r.main().filed.isEmpty() ? 0.0
                : (double) r.main().bytes() / r.main().filed.size());
        bench.put("national_filed_per_s", r.filedPerSecond());
        bench.put("national_seconds", r.seconds());
        bench.put("national_per_s", r.perSecond());
        bench.put("national_mib_per_s", r.mibPerSecond());
        bench.put("national_wait_after_filing_s", r.waitSeconds());
        bench.put("national_filed_to_delivered_p50_ms", r.check().filedToDelivered().percentileMs(50));
        bench.put("national_filed_to_delivered_p99_ms", r.check().filedToDelivered().percentileMs(99));
        bench.put("national_filed_to_delivered_max_ms", r.check().filedToDelivered().maxMs());
        Latencies listed = r.trails().endToEnd();
        bench.put("national_listed_to_delivered_p50_ms", listed.percentileMs(50));
        bench.put("national_listed_to_delivered_p99_ms", listed.percentileMs(99));
        bench.put("national_listed_to_delivered_max_ms", listed.maxMs());
        bench.put("national_gateway_seconds", r.gatewaySeconds());
        bench.put("national_gateway_per_s", r.trails().delivered() / r.gatewaySeconds());
        bench.put("national_taken_per_s", (r.trails().delivered() - 1) / ((r.trails().lastAcceptedMicros()
                - r.trails().firstAcceptedMicros()) / 1e6));
        bench.put("national_held", r.trails().held());
        bench.put("national_delivered", r.check().delivered() + r.warmupCheck().delivered());
        bench.put("national_refused_filings", r.main().refused.get() + r.warmup().refused.get());
        bench.put("national_lost", r.lost());
        bench.put("national_files_mismatched", r.mismatched());
        bench.put("national_duplicates", r.check().duplicates() + r.warmupCheck().duplicates());
        long dossiers = Math.max(1, r.main().filed.size());
        for (String service : List.of("LayDanhSachHoSo", "LayChiTietHoSo", "getfile", "CapNhatDaNhanHoSo")) {
            bench.put("national_" + service + "_per_dossier", r.portalCalls().getOrDefault(service, 0L)
                    / (double) dossiers);
        }
        GatewayBenchmark.Cpu cpu = r.cpu();
        bench.put("national_cpu_ms_per_dossier", cpu.gateway() / dossiers * 1000);
        bench.put("national_jit_cpu_share", cpu.jitShare());
        bench.put("national_simulator_cpu_ms_per_dossier", cpu.simulator() / dossiers * 1000);
        bench.put("national_client_cpu_ms_per_dossier", cpu.benchmark() / dossiers * 1000);
        bench.put("national_machine_busy_share", cpu.machine() / (cpu.wall() * (int) bench.get("cores")));
        bench.put("national_other_processes_cpu_share", cpu.others() / (cpu.wall() * (int) bench.get("cores")));
        bench.put("national_peak_heap_mb", r.peakHeapMb());
        bench.put("national_peak_rss_mb", r.peakRssMb());
        bench.put("national_limit_per_s", r.limit().perSecond());
        bench.put("national_limit_mib_per_s", r.limit().mibPerSecond());
        bench.put("national_limit_seconds", r.limit().seconds());
        bench.put("national_limit_failed", r.limit().failed());
        bench.put("national_ratio_to_limit", r.ratioToLimit());
    }

    boolean correct() {
        return total().lost() == 0 && total().outOfOrder() == 0 && (national == null || national.correct());
    }

    private PortalView.Check total() {
        return checks.values().stream().reduce(new PortalView.Check(0, 0, 0, 0, 0), PortalView.Check::plus);
    }

    void print(Path jsonFile) throws IOException {
        PortalView.Check total = total();
        long sent = sentAccepted.values().stream().mapToLong(v -> v[0]).sum();
        long accepted = sentAccepted.values().stream().mapToLong(v -> v[1]).sum();
        bench.put("sent", sent);
        bench.put("accepted", accepted);
        bench.put("refused", sentAccepted.values().stream().mapToLong(v -> v[2]).sum());
        bench.put("delivered", total.received());
        bench.put("lost", Math.max(0, accepted - total.received()));
        bench.put("out_of_order", total.outOfOrder());
        bench.put("duplicates", total.duplicates());
        bench.put("ratio_to_broker_limit", num("delivered_per_s") / num("broker_limit_per_s"));
        Map<String, Boolean> targets = targets();
        bench.put("targets_met", targets);

        StringBuilder t = new StringBuilder();
        line(t, "");
        line(t, "lienthong gateway benchmark: %d cores, %d dossiers x (1 + %d progress), %d HTTP clients, "
                + "%d delivery consumers", (long) num("cores"), settings.dossiers(), settings.progress(),
                settings.clients(), settings.consumers());
        line(t, "payloads: dossier %.0f B over HTTP (%.0f B queued as canonical JSON), progress item %.0f B (%.0f B)",
                num("dossier_http_bytes"), num("dossier_queued_bytes"), num("progress_http_bytes"),
                num("progress_queued_bytes"));
        line(t, "");
        line(t, "%-10s %9s %9s %8s %10s %6s %13s %10s", "phase", "sent", "accepted", "refused", "delivered",
                "lost", "out-of-order", "duplicate");
        checks.forEach((name, c) -> {
            long[] sa = sentAccepted.get(name);
            line(t, "%-10s %9d %9d %8d %10d %6d %13d %10d", name, sa[0], sa[1], sa[2], c.received(),
                    Math.max(0, sa[1] - c.received()), c.outOfOrder(), c.duplicates());
        });
        line(t, "");
        line(t, "main phase (%d messages, closed loop)", main.messages());
        line(t, "  accepted (HTTP 202)          %8.0f msg/s   accept latency p50 %7.1f ms   p99 %7.1f ms",
                num("accepted_per_s"), num("accept_p50_ms"), num("accept_p99_ms"));
        line(t, "  delivered to the portal      %8.0f msg/s   accept->delivered p50 %7.1f ms   p99 %7.1f ms"
                + "   (all %d from the gateway's trail)", num("delivered_per_s"), num("e2e_p50_ms"),
                num("e2e_p99_ms"), (long) num("e2e_sample"));
        line(t, "  CPU per 1000 messages        gateway %.2f s, simulator %.2f s, HTTP clients %.2f s "
                + "(%d cores shared by all three)", num("cpu_s_per_1000"), num("simulator_cpu_s_per_1000"),
                num("client_cpu_s_per_1000"), (long) num("cores"));
        line(t, "  of the gateway's CPU, JIT compilation took %.0f%% (%.2f s per 1000 messages without it)",
                100 * num("jit_cpu_share"), num("cpu_s_per_1000_without_jit"));
        line(t, "  calls to the portal          %8.0f (%.2f messages per call: lienthong.portal.batch-size)",
                num("main_portal_calls"), num("main_items_per_call"));
        line(t, "  so the gateway alone needs %.2f cores per 1000 msg/s (%.0f msg/s per core, CPU-bound); "
                + "at 1000 msg/s all three would need %.1f cores", num("cpu_s_per_1000"),
                1000 / num("cpu_s_per_1000"), num("cpu_s_per_1000") + num("simulator_cpu_s_per_1000")
                        + num("client_cpu_s_per_1000"));
        line(t, "  machine busy %.0f%% of %d cores during the main phase; other processes took %.0f%%%s",
                100 * num("machine_busy_share"), (long) num("cores"), 100 * num("other_processes_cpu_share"),
                num("other_processes_cpu_share") > 0.05 ? "  << NOT a quiet machine: figures are low" : "");
        line(t, "  (over the whole run other processes took %.0f%% of the machine)",
                100 * num("run_other_processes_cpu_share"));
        line(t, "paced phase (%d messages, open loop)", (long) num("paced_messages"));
        line(t, "  offered                      %8.1f msg/s   accept latency p50 %7.1f ms   p99 %7.1f ms",
                num("paced_offered_per_s"), num("paced_accept_p50_ms"), num("paced_accept_p99_ms"));
        line(t, "  accept->delivered            p50 %.1f ms   p99 %.1f ms   max %.1f ms", num("paced_e2e_p50_ms"),
                num("paced_e2e_p99_ms"), num("paced_e2e_max_ms"));
        line(t, "broker limit (plain JMS over loopback TCP into the same embedded broker; the gateway uses in-VM)");
        line(t, "  %d persistent messages, %d producers, %d transacted consumers: %8.0f msg/s produced+consumed"
                + " (sends alone %.0f msg/s, send p50 %.2f ms p99 %.2f ms)", (long) num("broker_limit_messages"),
                settings.clients(), settings.consumers(), num("broker_limit_per_s"),
                num("broker_limit_produce_per_s"), num("broker_limit_send_p50_ms"), num("broker_limit_send_p99_ms"));
        line(t, "  gateway delivered / broker limit = %.3f", num("ratio_to_broker_limit"));
        line(t, "drain (%d messages accepted with the portal down, at %.0f msg/s; %d reached it meanwhile)",
                (long) num("drain_messages"), num("accepted_while_down_per_s"), (long) num("delivered_while_down"));
        line(t, "  first delivery %.0f ms after the portal came back (retry back-off), then %.0f msg/s "
                + "(%.0f msg/s counting that wait)", num("drain_resume_ms"), num("drain_per_s"),
                num("drain_wall_per_s"));
        line(t, "  calls to the portal          %8.0f (%.2f messages per call)", num("drain_portal_calls"),
                num("drain_items_per_call"));
        line(t, "  msg/s over each tenth of the drain, in order: %s", bench.get("drain_per_s_by_tenth"));
        line(t, "  %d set aside (HELD) on their way; the last 1 %% of the deliveries took %.0f ms",
                (long) num("drain_held"), num("drain_last_percent_ms"));
        line(t, "  from the portal's return to the end: machine busy %.0f%% of %d cores; CPU per 1000 messages "
                + "gateway %.2f s, simulator %.2f s", 100 * num("drain_machine_busy_share"), (long) num("cores"),
                num("drain_cpu_s_per_1000"), num("drain_simulator_cpu_s_per_1000"));
        line(t, "  of which JIT compilation: %.0f%% of the gateway's CPU, %.0f%% of the simulator's",
                100 * num("drain_jit_cpu_share"), 100 * num("drain_simulator_jit_cpu_share"));
        line(t, "gateway resources: peak heap used %.0f MiB (-Xmx512m), peak RSS %.0f MiB", num("peak_heap_mb"),
                num("peak_rss_mb"));
        if (national != null) {
            printNational(t);
        }
        line(t, "");
        line(t, "targets");
        line(t, "  %-52s %s (%.0f msg/s, lost %d)", "delivered >= 1000 msg/s durable, nothing lost",
                verdict(targets, "delivered_per_s"), num("delivered_per_s"), (long) num("lost"));
        line(t, "  %-52s %s (p99 %.1f ms at %.0f msg/s offered)", "accept->delivered p99 < 250 ms at 300 msg/s",
                verdict(targets, "paced_e2e_p99"), num("paced_e2e_p99_ms"), num("paced_offered_per_s"));
        line(t, "  %-52s %s (%.3f)", ">= 0.25 of the broker limit", verdict(targets, "ratio_to_broker_limit"),
                num("ratio_to_broker_limit"));
        line(t, "  %-52s %s (%.0f MiB, %.0f MiB)", "heap < 512 MiB and RSS < 1 GiB", verdict(targets, "memory"),
                num("peak_heap_mb"), num("peak_rss_mb"));
        line(t, "  %-52s %s (%.0f msg/s)", "drain >= 1500 msg/s", verdict(targets, "drain_per_s"),
                num("drain_per_s"));
        if (national != null) {
            line(t, "  %-52s %s (%.1f dossiers/s, %.1f MiB/s, lost %d)",
                    "national >= 100 dossiers/s with files, nothing lost", verdict(targets, "national_per_s"),
                    num("national_per_s"), num("national_mib_per_s"), (long) num("national_lost"));
            line(t, "  %-52s %s (%.0f MiB)", "national: gateway heap < 512 MiB", verdict(targets, "national_memory"),
                    num("national_peak_heap_mb"));
        }
        System.out.print(t);

        String json = json();
        System.out.println("BENCH " + json);
        Files.createDirectories(jsonFile.getParent());
        Files.writeString(jsonFile, json + "\n", StandardCharsets.UTF_8);
    }

    private void printNational(StringBuilder t) {
        NationalInbound.Result r = national;
        BenchSettings.National n = r.settings();
        line(t, "national portal -> one-stop (%d dossiers x %d files of %d-%d KiB, %.0f KiB per dossier; %d filing "
                        + "clients, %d gateway consumers, a listing every %d ms of up to %d)", r.main().filed.size(),
                n.files(), n.fileMinKib(), n.fileMaxKib(), num("national_dossier_bytes") / 1024, r.clients(),
                n.consumers(), n.pollMillis(), n.listLimit());
        line(t, "  filed at the portal          %8.1f dossiers/s (the clients' own rate, while the gateway pulled)",
                num("national_filed_per_s"));
        line(t, "  delivered to the one-stop    %8.1f dossiers/s %7.1f MiB/s   (first filing to last delivery, "
                + "%.1f s; the last one %.1f s after the last filing)", num("national_per_s"),
                num("national_mib_per_s"), num("national_seconds"), num("national_wait_after_filing_s"));
        line(t, "  filed->delivered             p50 %.0f ms   p99 %.0f ms   max %.0f ms (filing's answer to the "
                + "one-stop's receivedAt)", num("national_filed_to_delivered_p50_ms"),
                num("national_filed_to_delivered_p99_ms"), num("national_filed_to_delivered_max_ms"));
        line(t, "  listed->delivered            p50 %.0f ms   p99 %.0f ms   max %.0f ms (the gateway's trail: "
                + "ACCEPTED to DELIVERED)", num("national_listed_to_delivered_p50_ms"),
                num("national_listed_to_delivered_p99_ms"), num("national_listed_to_delivered_max_ms"));
        line(t, "  gateway alone                %8.1f dossiers/s (its first ACCEPTED to its last DELIVERED, %.1f s)",
                num("national_gateway_per_s"), num("national_gateway_seconds"));
        line(t, "  taken from the portal        %8.1f dossiers/s (its first ACCEPTED to its last: listed, detail "
                + "fetched, stored, one at a time by the poller)", num("national_taken_per_s"));
        line(t, "  at the one-stop: %d of %d dossiers (and %d of %d warm-up) with every file's name, size and SHA-256; "
                        + "lost %d, files not matching %d, repeated deliveries %d, filings refused %d, set aside %d",
                r.check().delivered(), r.check().filed(), r.warmupCheck().delivered(), r.warmupCheck().filed(),
                (long) num("national_lost"), (long) num("national_files_mismatched"),
                (long) num("national_duplicates"), (long) num("national_refused_filings"),
                (long) num("national_held"));
        line(t, "  portal calls per dossier     listings %.2f, details %.2f, files %.2f, received %.2f",
                num("national_LayDanhSachHoSo_per_dossier"), num("national_LayChiTietHoSo_per_dossier"),
                num("national_getfile_per_dossier"), num("national_CapNhatDaNhanHoSo_per_dossier"));
        line(t, "  CPU per dossier              gateway %.1f ms (JIT %.0f%%), simulators %.1f ms, filing clients "
                        + "%.1f ms; machine busy %.0f%% of %d cores, other processes %.0f%%%s",
                num("national_cpu_ms_per_dossier"), 100 * num("national_jit_cpu_share"),
                num("national_simulator_cpu_ms_per_dossier"), num("national_client_cpu_ms_per_dossier"),
                100 * num("national_machine_busy_share"), (long) num("cores"),
                100 * num("national_other_processes_cpu_share"),
                num("national_other_processes_cpu_share") > 0.05 ? "  << NOT a quiet machine: figures are low" : "");
        line(t, "  limit (the same files, getfile to disk then multipart to the one-stop, %d at a time, no gateway): "
                + "%.1f dossiers/s, %.1f MiB/s%s", n.consumers(), num("national_limit_per_s"),
                num("national_limit_mib_per_s"), r.limit().failed() == 0 ? ""
                        : " (" + r.limit().failed() + " copies failed)");
        line(t, "  gateway delivered / limit = %.3f", num("national_ratio_to_limit"));
        line(t, "  gateway resources during the phase: peak heap used %.0f MiB (-Xmx512m), peak RSS %.0f MiB",
                num("national_peak_heap_mb"), num("national_peak_rss_mb"));
    }

    private Map<String, Boolean> targets() {
        Map<String, Boolean> met = new LinkedHashMap<>();
        met.put("delivered_per_s", num("delivered_per_s") >= 1000 && num("lost") == 0);
        met.put("paced_e2e_p99", num("paced_e2e_p99_ms") < 250 && num("paced_offered_per_s") >= 0.95 * 300);
        met.put("ratio_to_broker_limit", num("ratio_to_broker_limit") >= 0.25);
        met.put("memory", num("peak_heap_mb") < 512 && num("peak_rss_mb") < 1024);
        met.put("drain_per_s", num("drain_per_s") >= 1500);
        if (national != null) {
            met.put("national_per_s", num("national_per_s") >= 100 && national.correct());
            met.put("national_memory", num("national_peak_heap_mb") < 512);
        }
        return met;
    }

    private String json() throws JsonProcessingException {
        Map<String, Object> rounded = new LinkedHashMap<>();
        bench.forEach((key, value) -> rounded.put(key, value instanceof Double d
                ? (Double.isFinite(d) ? Math.round(d * 100) / 100.0 : null) : value));
        return BenchHttp.JSON.writeValueAsString(rounded);
    }

    private double num(String key) {
        Object value = bench.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static String verdict(Map<String, Boolean> targets, String key) {
        return targets.get(key) ? "MET   " : "MISSED";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(format, args)).append('\n');
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
