package vn.lienthong.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The national portal's dossiers coming down to the province, end to end (issue 14, "Benchmark"). Citizens' dossiers,
 * each with {@code bench.nationalFiles} files of random bytes ({@code bench.nationalFileMinKib} to
 * {@code bench.nationalFileMaxKib} KiB, written to disk first), are filed at the DVCQG simulator
 * ({@code POST /sim/dvcqg/citizen/dossiers}) by C clients; the gateway pulls them (LayDanhSachHoSo every
 * {@code bench.nationalPollMillis}, LayChiTietHoSo, getfile), posts each with its files to the one-stop simulator and
 * marks it received. Measured from the first filing to the last delivery, then checked at the one-stop: every dossier
 * once, with its files' SHA-256.
 * <p>
 * Then the limit, in the same run on the same files: the benchmark itself downloads each dossier's files from the
 * simulator's getfile to disk (hashing them on the way, as the gateway spools them) and uploads them with their dossier
 * to the one-stop simulator as the gateway does, {@code bench.nationalConsumers} dossiers at a time (the gateway's
 * consumers), with no gateway in between. A first pass on the warm-up dossiers is not measured.
 * <p>
 * Its own pair of processes ({@code national-gateway.log}, {@code national-simulator.log}): the short poll interval it
 * needs would add listings to the other phases.
 */
final class NationalInbound {

    /** The receiving unit of every dossier: the province's one-stop system (mappings/national/routing.yaml). */
    static final String UNIT = "000.00.31.H31";
    /** Where the limit's uploads go at the one-stop simulator: a unit of their own. */
    static final String LIMIT_UNIT = "bench-limit";
    static final String OPERATOR_KEY = "demo-operator-key";
    private static final List<String> NAMES = List.of("Đơn đề nghị.pdf", "cccd.jpg", "so-ho-khau.pdf");
    private static final int TICK_SECONDS = 3;
    private static final double MIB = 1024.0 * 1024;

    /** One file of a dossier, on disk, with what the one-stop must show of it. */
    record File(String name, Path path, long size, String sha256) {
    }

    /** A dossier to file: its files. */
    record Dossier(int number, List<File> files) {
        long bytes() {
            return files.stream().mapToLong(File::size).sum();
        }
    }

    /** A dossier the portal took: its MaHoSo, its files' ids (getfile) and when the filing was sent and answered. */
    record Filed(Dossier dossier, String maHoSo, List<String> fileIds, long sentMillis, long answeredMillis) {
    }

    /** The filings of one batch (warm-up or measured). */
    static final class Filing {
        final String name;
        final List<Dossier> dossiers;
        final List<Filed> filed = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong refused = new AtomicLong();
        final List<String> problems = Collections.synchronizedList(new ArrayList<>());
        volatile long startMillis;
        volatile long endMillis;

        Filing(String name, List<Dossier> dossiers) {
            this.name = name;
            this.dossiers = dossiers;
        }

        List<String> maHoSos() {
            return filed.stream().map(Filed::maHoSo).toList();
        }

        long bytes() {
            return filed.stream().mapToLong(f -> f.dossier().bytes()).sum();
        }
    }

    /** What the one-stop has of a batch. */
    record Check(long filed, long delivered, long lost, long duplicates, long mismatched, long lastReceivedMillis,
                 Latencies filedToDelivered) {
    }

    /** The copies with no gateway in between. */
    record Limit(int dossiers, long bytes, double seconds, long failed) {
        double perSecond() {
            return dossiers / seconds;
        }

        double mibPerSecond() {
            return bytes / MIB / seconds;
        }
    }

    /** The phase's figures. */
    record Result(BenchSettings.National settings, int clients, Filing warmup, Check warmupCheck, Filing main,
                  Check check, TrackingTimes trails, Limit limit, GatewayBenchmark.Cpu cpu,
                  Map<String, Long> portalCalls,
                  double peakHeapMb, double peakRssMb, double waitSeconds) {

        /** From the first filing to the last delivery at the one-stop. */
        double seconds() {
            return (check.lastReceivedMillis() - main.startMillis) / 1e3;
        }

        double perSecond() {
            return check.delivered() / seconds();
        }

        double mibPerSecond() {
            return main.bytes() / MIB / seconds();
        }

        /** The portal's filings alone: filed per second while the clients filed. */
        double filedPerSecond() {
            return main.filed.size() / ((main.endMillis - main.startMillis) / 1e3);
        }

        /** The gateway's share: from the first dossier it took (ACCEPTED in its trail) to the last delivery. */
        double gatewaySeconds() {
            return (trails.lastDeliveredMicros() - trails.firstAcceptedMicros()) / 1e6;
        }

        double ratioToLimit() {
            return perSecond() / limit.perSecond();
        }

        long lost() {
            return warmupCheck.lost() + check.lost();
        }

        long mismatched() {
            return warmupCheck.mismatched() + check.mismatched();
        }

        boolean correct() {
            return lost() == 0 && mismatched() == 0;
        }
    }

    private final BenchSettings settings;
    private final BenchSettings.National national;
    private final BenchHttp http;

    NationalInbound(BenchSettings settings, BenchHttp http) {
        this.settings = settings;
        this.national = settings.national();
        this.http = http;
    }

    Result run() throws Exception {
        Path files = Files.createTempDirectory("lienthong-bench-national-");
        try {
            section("national: writing " + (national.warmupDossiers() + national.dossiers()) + " dossiers x "
                    + national.files() + " files of " + national.fileMinKib() + "-" + national.fileMaxKib() + " KiB");
            Filing warmup = new Filing("national warm-up", dossiers(files, 0, national.warmupDossiers()));
            Filing main = new Filing("national", dossiers(files, national.warmupDossiers(), national.dossiers()));
            return run(warmup, main);
        } finally {
            BenchProcesses.deleteRecursively(files);
        }
    }

    private Result run(Filing warmup, Filing main) throws Exception {
        List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
        jvm.addAll(settings.gatewayJvmArgs());
        List<String> args = List.of(
                "--lienthong.national.mode=pull",
                "--lienthong.national.poll-interval=" + national.pollMillis(),
                "--lienthong.national.list-limit=" + national.listLimit(),
                "--lienthong.national.consumers=" + national.consumers());
        try (BenchProcesses processes = BenchProcesses.start(settings, http, "national-", jvm, args);
             ResourceSampler resources = new ResourceSampler(http, processes.gatewayUrl, processes.gateway.pid())) {
            section("national warm-up: " + warmup.dossiers.size() + " dossiers filed, pulled and delivered, "
                    + "not measured");
            fileAndDeliver(warmup, processes, resources);
            Check warmupCheck = check(warmup, processes.simulatorUrl);
            System.out.printf("  %d of %d at the one-stop with their files%n", warmupCheck.delivered(),
                    warmupCheck.filed());

            section("national: " + main.dossiers.size() + " dossiers filed by " + settings.clients()
                    + " clients, pulled and delivered by the gateway (" + national.consumers() + " consumers)");
            Map<String, Long> callsBefore = portalCalls(processes.simulatorUrl);
            GatewayBenchmark.Cpu before = GatewayBenchmark.Cpu.of(processes);
            resources.startWindow();
            double waited = fileAndDeliver(main, processes, resources);
            GatewayBenchmark.Cpu cpu = GatewayBenchmark.Cpu.of(processes).minus(before);
            double peakHeap = resources.windowPeakHeapMb();
            double peakRss = resources.windowPeakRssMb();
            Map<String, Long> calls = minus(portalCalls(processes.simulatorUrl), callsBefore);
            Check check = check(main, processes.simulatorUrl);

            section("national limit: the same files from getfile to disk, then to the one-stop, "
                    + national.consumers() + " dossiers at a time, no gateway");
            Limit first = limit(warmup, processes.simulatorUrl);
            System.out.printf("  warm-up pass: %.0f dossiers/s, %.0f MiB/s%n", first.perSecond(),
                    first.mibPerSecond());
            Limit limit = limit(main, processes.simulatorUrl);
            System.out.printf("  %d dossiers (%.0f MiB) in %.2f s: %.0f dossiers/s, %.0f MiB/s%s%n", limit.dossiers(),
                    limit.bytes() / MIB, limit.seconds(), limit.perSecond(), limit.mibPerSecond(),
                    limit.failed() == 0 ? "" : ", " + limit.failed() + " failed");

            // read last: the trail says DELIVERED a moment after the portal hears "received"
            TrackingTimes trails = TrackingTimes.fetch(http, processes.gatewayUrl, main.name, main.maHoSos(),
                    OPERATOR_KEY, settings.clients());
            return new Result(national, settings.clients(), warmup, warmupCheck, main, check, trails, limit, cpu,
                    calls, peakHeap, peakRss, waited);
        }
    }

    /** The files of {@code count} dossiers, numbered from {@code from}: random bytes (seeded), sizes drawn evenly. */
    private List<Dossier> dossiers(Path directory, int from, int count) {
        SplittableRandom sizes = new SplittableRandom(14_000 + from);
        int min = national.fileMinKib() * 1024;
        int max = national.fileMaxKib() * 1024;
        List<Dossier> dossiers = new ArrayList<>();
        for (int d = from; d < from + count; d++) {
            List<File> files = new ArrayList<>();
            for (int f = 0; f < national.files(); f++) {
                long size = min == max ? min : sizes.nextInt(min, max + 1);
                Path path = DocumentFiles.randomFile(directory.resolve(d + "-" + f), size, 1_000_003L * d + f);
                files.add(new File(f < NAMES.size() ? NAMES.get(f) : "tai-lieu-" + (f + 1) + ".pdf", path, size,
                        DocumentFiles.sha256(path)));
            }
            dossiers.add(new Dossier(d, List.copyOf(files)));
        }
        return dossiers;
    }

    /**
     * Files every dossier of the batch from C clients, then waits until the portal has none waiting (the gateway marks
     * a dossier received only once the one-stop has it), or nothing changed for bench.stallSeconds.
     *
     * @return how long the wait after the last filing took, seconds
     */
    private double fileAndDeliver(Filing filing, BenchProcesses processes, ResourceSampler resources) {
        String simulator = processes.simulatorUrl;
        long waitingBefore = waiting(simulator);
        try (Ticker ticker = new Ticker(TICK_SECONDS, () -> String.format("%s: filed %d/%d, waiting at the portal %s,"
                + " gateway heap %.0f MB", filing.name, filing.filed.size(), filing.dossiers.size(),
                safeWaiting(simulator), resources.heapMb()))) {
            AtomicInteger next = new AtomicInteger();
            filing.startMillis = System.currentTimeMillis();
            parallel(settings.clients(), () -> {
                for (int i = next.getAndIncrement(); i < filing.dossiers.size(); i = next.getAndIncrement()) {
                    file(filing, filing.dossiers.get(i), simulator);
                }
            });
            filing.endMillis = System.currentTimeMillis();
            System.out.printf("  filed %d (%d refused) in %.1f s (%.0f dossiers/s, %.0f MiB/s); waiting for the "
                            + "one-stop%n", filing.filed.size(), filing.refused.get(),
                    (filing.endMillis - filing.startMillis) / 1e3,
                    filing.filed.size() / ((filing.endMillis - filing.startMillis) / 1e3),
                    filing.bytes() / MIB / ((filing.endMillis - filing.startMillis) / 1e3));
            filing.problems.stream().limit(5).forEach(p -> System.out.println("  refused: " + p));
            long start = System.nanoTime();
            long last = -1;
            long changed = System.nanoTime();
            while (true) {
                long waiting = waiting(simulator) - waitingBefore;
                if (waiting <= 0) {
                    break;
                }
                if (waiting != last) {
                    last = waiting;
                    changed = System.nanoTime();
                } else if (System.nanoTime() - changed > settings.stallSeconds() * 1_000_000_000L) {
                    System.out.printf("  %d still waiting at the portal, nothing changed for %d s: giving up%n",
                            waiting, settings.stallSeconds());
                    break;
                }
                sleep(100);
            }
            double waited = (System.nanoTime() - start) / 1e9;
            System.out.printf("  the portal has none waiting %.1f s later%n", waited);
            return waited;
        }
    }

    private void file(Filing filing, Dossier dossier, String simulator) {
        ObjectNode json = BenchHttp.JSON.createObjectNode().put("MaDonVi", UNIT)
                .put("TrichYeuHoSo", "Đề nghị cấp phiếu lý lịch tư pháp (đo hiệu năng, hồ sơ " + dossier.number()
                        + ")");
        ArrayNode list = json.putArray("TaiLieuNop");
        for (int f = 0; f < dossier.files().size(); f++) {
            list.addObject().put("TenTepDinhKem", dossier.files().get(f).name()).put("MaThanhPhanHoSo", "TP" + (f + 1));
        }
        long sent = System.currentTimeMillis();
        try {
            Multipart body = multipart("dossier", json, dossier.files().stream().map(File::path).toList(),
                    dossier.files().stream().map(File::name).toList());
            BenchHttp.Reply reply = http.post(simulator + "/sim/dvcqg/citizen/dossiers",
                    Map.of("Content-Type", body.contentType()), body.publisher());
            long answered = System.currentTimeMillis();
            if (reply.status() != 200) {
                filing.refused.incrementAndGet();
                filing.problems.add("HTTP " + reply.status() + " " + reply.text());
                return;
            }
            JsonNode answer = reply.json();
            List<String> ids = new ArrayList<>();
            answer.path("files").forEach(f -> ids.add(f.path("id").asText()));
            filing.filed.add(new Filed(dossier, answer.path("MaHoSo").asText(), List.copyOf(ids), sent, answered));
        } catch (IOException | RuntimeException e) {
            filing.refused.incrementAndGet();
            filing.problems.add(e.toString());
        }
    }

    /** Every filed dossier of the batch at the one-stop once, each file with its name, size and SHA-256. */
    private Check check(Filing filing, String simulator) {
        JsonNode list = http.getJson(simulator + "/sim/motcua/" + UNIT + "/dossiers", Map.of());
        Map<String, JsonNode> received = new HashMap<>();
        list.forEach(d -> received.put(d.path("MaHoSo").asText(), d));
        long delivered = 0;
        long duplicates = 0;
        long mismatched = 0;
        long last = -1;
        Latencies latencies = new Latencies();
        for (Filed filed : filing.filed) {
            JsonNode at = received.get(filed.maHoSo());
            if (at == null) {
                continue;
            }
            delivered++;
            duplicates += Math.max(0, at.path("deliveries").asInt(1) - 1);
            JsonNode files = at.path("files");
            List<File> expected = filed.dossier().files();
            boolean same = files.size() == expected.size();
            for (int i = 0; same && i < expected.size(); i++) {
                JsonNode file = files.get(i);
                same = expected.get(i).name().equals(file.path("name").asText())
                        && expected.get(i).size() == file.path("size").asLong()
                        && expected.get(i).sha256().equals(file.path("sha256").asText());
            }
            if (!same) {
                mismatched++;
                if (mismatched <= 3) {
                    System.out.printf("  %s: files at the one-stop %s, filed %s%n", filed.maHoSo(), files,
                            expected.stream().map(f -> f.name() + " " + f.size() + " " + f.sha256()).toList());
                }
            }
            long receivedAt = OffsetDateTime.parse(at.path("receivedAt").asText()).toInstant().toEpochMilli();
            last = Math.max(last, receivedAt);
            latencies.add((receivedAt - filed.answeredMillis()) * 1_000_000);
        }
        return new Check(filing.filed.size(), delivered, filing.filed.size() - delivered, duplicates, mismatched,
                last, latencies);
    }

    /**
     * Each filed dossier of the batch: its files from getfile to disk (hashed on the way), then the dossier with them
     * to the one-stop simulator under {@link #LIMIT_UNIT}, {@code bench.nationalConsumers} dossiers at a time.
     */
    private Limit limit(Filing filing, String simulator) throws IOException {
        Path spool = Files.createTempDirectory("lienthong-bench-limit-");
        try {
            AtomicInteger next = new AtomicInteger();
            AtomicLong failed = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            List<Filed> all = List.copyOf(filing.filed);
            long start = System.nanoTime();
            parallel(national.consumers(), () -> {
                for (int i = next.getAndIncrement(); i < all.size(); i = next.getAndIncrement()) {
                    if (copy(all.get(i), simulator, spool)) {
                        bytes.addAndGet(all.get(i).dossier().bytes());
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Limit(all.size(), bytes.get(), seconds, failed.get());
        } finally {
            BenchProcesses.deleteRecursively(spool);
        }
    }

    private boolean copy(Filed filed, String simulator, Path spool) {
        List<Path> paths = new ArrayList<>();
        try {
            for (int f = 0; f < filed.fileIds().size(); f++) {
                Path path = spool.resolve(UUID.randomUUID() + ".file");
                paths.add(path);
                BenchHttp.Download download = http.download(simulator + "/sim/dvcqg/getfile/" + filed.fileIds().get(f),
                        path);
                if (download.status() != 200 || !filed.dossier().files().get(f).sha256().equals(download.sha256())) {
                    return false;
                }
            }
            ObjectNode json = BenchHttp.JSON.createObjectNode().put("MaHoSo", filed.maHoSo()).put("MaDonVi", UNIT);
            ArrayNode list = json.putArray("TaiLieuNop");
            filed.dossier().files().forEach(f -> list.addObject().put("TenTepDinhKem", f.name()));
            Multipart body = multipart("dossier", json, paths,
                    filed.dossier().files().stream().map(File::name).toList());
            BenchHttp.Reply reply = http.post(simulator + "/sim/motcua/" + LIMIT_UNIT + "/dossiers",
                    Map.of("Content-Type", body.contentType()), body.publisher());
            return reply.status() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } finally {
            paths.forEach(path -> path.toFile().delete());
        }
    }

    /** A multipart/form-data body: a JSON part, then one {@code file} part per file, streamed from disk. */
    record Multipart(String contentType, BodyPublisher publisher) {
    }

    private static Multipart multipart(String jsonPart, JsonNode json, List<Path> files, List<String> names) {
        String boundary = "lienthong-bench-" + UUID.randomUUID();
        List<BodyPublisher> parts = new ArrayList<>();
        try {
            parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                    + jsonPart + "\"\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"
                    + BenchHttp.JSON.writeValueAsString(json) + "\r\n", StandardCharsets.UTF_8));
            for (int i = 0; i < files.size(); i++) {
                parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                        + " filename=\"" + names.get(i) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                        StandardCharsets.UTF_8));
                parts.add(BodyPublishers.ofFile(files.get(i)));
                parts.add(BodyPublishers.ofString("\r\n"));
            }
        } catch (JsonProcessingException | FileNotFoundException e) {
            throw new IllegalStateException(e);
        }
        parts.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return new Multipart("multipart/form-data; boundary=" + boundary,
                BodyPublishers.concat(parts.toArray(BodyPublisher[]::new)));
    }

    /** The simulator's count of entries not marked received. */
    private long waiting(String simulator) {
        return http.getJson(simulator + "/sim/dvcqg/stats", Map.of()).path("waitingEntries").asLong();
    }

    private String safeWaiting(String simulator) {
        try {
            return Long.toString(waiting(simulator));
        } catch (RuntimeException e) {
            return "?";
        }
    }

    /** The simulator's request counters by service (LayDanhSachHoSo, LayChiTietHoSo, getfile, ...). */
    private Map<String, Long> portalCalls(String simulator) {
        Map<String, Long> calls = new HashMap<>();
        http.getJson(simulator + "/sim/dvcqg/stats", Map.of()).path("requests").fields()
                .forEachRemaining(e -> calls.put(e.getKey(), e.getValue().asLong()));
        return calls;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> difference = new HashMap<>();
        after.forEach((key, value) -> difference.put(key, value - before.getOrDefault(key, 0L)));
        return difference;
    }

    private static void parallel(int threads, Runnable work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(work));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }
}
