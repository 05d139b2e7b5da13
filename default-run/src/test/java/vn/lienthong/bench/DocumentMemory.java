package vn.lienthong.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How much memory the gateway needs while one large document passes through it, each way (issue 3: "attachments up
 * to 50 MiB pass through without several copies in memory"). The gateway runs on a small heap ({@code -Xmx256m}),
 * its heap in use is sampled all along, and a full GC is run right before each phase so that the phase's baseline is
 * the gateway's live heap at rest.
 *
 * <ol>
 *   <li><b>outgoing</b>: the e-office client posts one document (multipart metadata + one file, streamed from disk)
 *       as 000.00.00.H31 to 000.00.00.H41; until tracking says DELIVERED, then the axis simulator must list it with
 *       the attachment's SHA-256 and size;</li>
 *   <li><b>incoming</b>: a signed edXML document from H41 with such a file is injected into H31's mailbox at the
 *       axis simulator (streamed from disk); until the axis says {@code done}, then the e-office simulator must have
 *       it with the same SHA-256 and size.</li>
 * </ol>
 * A small document goes each way first (warm-up, checked, not measured).
 */
final class DocumentMemory {

    private static final Set<String> FAILED = Set.of("REJECTED_BY_PORTAL", "REJECTED_BY_AXIS", "DEAD_LETTERED",
            "QUARANTINED");
    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 100_000));

    private final BenchSettings settings;
    private final int attachmentMib;
    private final long sampleMillis;
    private final long timeoutMillis;
    private final long pollMillis;
    private final int histogramSeconds;
    private final BenchHttp http = new BenchHttp();

    DocumentMemory(BenchSettings settings) {
        this.settings = settings;
        this.attachmentMib = number("bench.documentMib", 50);
        this.sampleMillis = number("bench.sampleMillis", 50);
        this.timeoutMillis = number("bench.documentTimeoutSeconds", 300) * 1000L;
        this.pollMillis = number("bench.documentPollMillis", 1000);
        this.histogramSeconds = number("bench.documentHistogramSeconds", 0);
    }

    /** One phase: a document one way. */
    record Phase(String name, double answerSeconds, double doneSeconds, double baselineHeapMb, double peakHeapMb,
                 double afterHeapMb, double peakRssMb, boolean identical, String detail, String failure) {

        double aboveBaselineMb() {
            return peakHeapMb - baselineHeapMb;
        }

        /** Live heap after the phase (after a full GC) minus before it: what the gateway kept of the document. */
        double retainedMb() {
            return afterHeapMb - baselineHeapMb;
        }
    }

    record Result(int attachmentMib, long xmxMb, long sampleMillis, long heapSamples, Phase outgoing, Phase incoming,
                  double peakHeapMb, double peakRssMb, boolean outOfMemory, String json) {

        boolean correct() {
            return outgoing.identical() && incoming.identical() && !outOfMemory;
        }

        String problems() {
            List<String> problems = new ArrayList<>();
            for (Phase phase : List.of(outgoing, incoming)) {
                if (!phase.identical()) {
                    problems.add(phase.name() + ": " + (phase.failure() != null ? phase.failure() : phase.detail()));
                }
            }
            if (outOfMemory) {
                problems.add("the gateway threw OutOfMemoryError (see default-run/target/bench/documents-gateway.log)");
            }
            return String.join("; ", problems);
        }
    }

    Result run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("lienthong-bench-document-files-");
        try {
            return run(work);
        } finally {
            BenchProcesses.deleteRecursively(work);
        }
    }

    private Result run(Path work) throws IOException, InterruptedException {
        long bytes = attachmentMib * 1024L * 1024L;
        long started = System.nanoTime();
        Path smallOut = DocumentFiles.randomFile(work.resolve("warm-up-out.pdf"), 256 * 1024, 1);
        Path smallIn = DocumentFiles.randomFile(work.resolve("warm-up-in.pdf"), 256 * 1024, 2);
        Path bigOut = DocumentFiles.randomFile(work.resolve("quyet-dinh-" + attachmentMib + "MiB.pdf"), bytes, 3);
        Path bigIn = DocumentFiles.randomFile(work.resolve("cong-van-" + attachmentMib + "MiB.pdf"), bytes, 4);
        String smallInNumber = next();
        Path smallInEdxml = DocumentFiles.signedEdxml(work.resolve("warm-up.edxml"), DocumentFiles.H41,
                DocumentFiles.H31, smallInNumber, smallIn);
        String bigInNumber = next();
        Path bigInEdxml = DocumentFiles.signedEdxml(work.resolve("incoming.edxml"), DocumentFiles.H41,
                DocumentFiles.H31, bigInNumber, bigIn);
        System.out.printf("files ready after %.1f s: two %d MiB attachments, incoming edXML %.1f MiB (%s)%n",
                (System.nanoTime() - started) / 1e9, attachmentMib,
                DocumentFiles.size(bigInEdxml) / (1024.0 * 1024), work);

        List<String> jvm = new ArrayList<>(List.of("-Xmx256m"));
        jvm.addAll(settings.gatewayJvmArgs());
        try (BenchProcesses processes = BenchProcesses.start(settings, http, "documents-", jvm,
                List.of("--lienthong.documents.poll-interval=" + pollMillis));
             ResourceSampler sampler = new ResourceSampler(http, processes.gatewayUrl, processes.gateway.pid(),
                     sampleMillis)) {
            Phase warmOut = outgoing(processes, sampler, "warm-up out", smallOut);
            Phase warmIn = incoming(processes, sampler, "warm-up in", smallInEdxml, smallIn, smallInNumber);
            for (Phase warm : List.of(warmOut, warmIn)) {
                if (!warm.identical()) {
                    throw new IllegalStateException(warm.name() + " failed: " + (warm.failure() != null
                            ? warm.failure() : warm.detail()) + "; gateway log "
                            + processes.gateway.log() + ":\n" + processes.gateway.logTail(40));
                }
            }
            System.out.printf("warm-up: 256 KiB out in %.2f s, in in %.2f s%n", warmOut.doneSeconds(),
                    warmIn.doneSeconds());

            Phase out = outgoing(processes, sampler, "outgoing", bigOut);
            Phase in = incoming(processes, sampler, "incoming", bigInEdxml, bigIn, bigInNumber);

            double peakRss = sampler.peakRssMb();
            boolean oom = outOfMemory(processes);
            Result result = result(xmxMb(processes.gatewayJvmArgs), sampler, out, in, peakRss, oom);
            print(result, processes);
            Files.writeString(settings.projectDir().resolve("default-run/target/bench/documents.json"), result.json() + "\n");
            return result;
        }
    }

    private Phase outgoing(BenchProcesses p, ResourceSampler sampler, String name, Path file)
            throws InterruptedException {
        String number = next();
        String documentId = DocumentFiles.documentId(DocumentFiles.H31, number);
        String sha256 = DocumentFiles.sha256(file);
        long size = DocumentFiles.size(file);
        double baseline = baseline(p, sampler);
        long start = System.nanoTime();
        double answer = Double.NaN;
        double done = Double.NaN;
        String failure = null;
        String detail = "";
        boolean identical = false;
        try (Histograms ignored = histograms(p, name)) {
            DocumentFiles.Multipart body = DocumentFiles.multipart(
                    DocumentFiles.metadata(DocumentFiles.H31, DocumentFiles.H41, number).toString(), file);
            BenchHttp.Reply reply = http.post(p.gatewayUrl + "/api/v1/documents", Map.of(
                    "X-API-Key", DocumentFiles.EOFFICE_KEY, "Content-Type", body.contentType()), body.publisher());
            answer = seconds(start);
            if (reply.status() != 202) {
                throw new IllegalStateException("POST /api/v1/documents answered " + reply.status() + ": "
                        + reply.text());
            }
            String trackingId = reply.json().path("trackingId").asText();
            String trackingUrl = p.gatewayUrl + "/api/v1/tracking/" + trackingId;
            Map<String, String> key = Map.of("X-API-Key", DocumentFiles.EOFFICE_KEY);
            String state = await(p, name + " DELIVERED (tracking " + trackingId + ")", () -> {
                String s = http.getJson(trackingUrl, key).path("state").asText();
                if (FAILED.contains(s)) {
                    throw new IllegalStateException("tracking " + trackingId + " is " + s + ": "
                            + http.getJson(trackingUrl, key));
                }
                return "DELIVERED".equals(s) ? s : null;
            });
            done = seconds(start);
            JsonNode received = await(p, name + " at the axis for " + DocumentFiles.H41, () -> {
                for (JsonNode record : http.getJson(p.simulatorUrl + "/sim/axis/agencies/" + DocumentFiles.H41
                        + "/received", Map.of())) {
                    if (documentId.equals(record.path("DocumentId").asText())) {
                        return record;
                    }
                }
                return null;
            });
            JsonNode attachments = received.path("attachments");
            identical = attachments.size() == 1 && sha256.equals(attachments.path(0).path("sha256").asText())
                    && size == attachments.path(0).path("size").asLong();
            detail = "tracking " + state + "; axis DocID " + received.path("DocID").asText() + ", signature "
                    + received.path("signature").asText() + ", attachment sha256 "
                    + attachments.path(0).path("sha256").asText() + " size " + attachments.path(0).path("size")
                    + (identical ? " = sent" : " != sent " + sha256 + " size " + size);
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        }
        double peakHeap = sampler.windowPeakHeapMb();
        double peakRss = sampler.windowPeakRssMb();
        return new Phase(name, answer, done, baseline, peakHeap, liveHeap(p), peakRss, identical, detail, failure);
    }

    private Phase incoming(BenchProcesses p, ResourceSampler sampler, String name, Path edxml, Path attachment,
                           String number) throws InterruptedException {
        String documentId = DocumentFiles.documentId(DocumentFiles.H41, number);
        String sha256 = DocumentFiles.sha256(attachment);
        long size = DocumentFiles.size(attachment);
        double baseline = baseline(p, sampler);
        long start = System.nanoTime();
        double answer = Double.NaN;
        double done = Double.NaN;
        String failure = null;
        String detail = "";
        boolean identical = false;
        try (Histograms ignored = histograms(p, name)) {
            BenchHttp.Reply reply = http.post(p.simulatorUrl + "/sim/axis/inject?to="
                    + URLEncoder.encode(DocumentFiles.H31, StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/xml"), BodyPublishers.ofFile(edxml));
            answer = seconds(start);
            if (reply.status() != 200 || !reply.json().has("DocID")) {
                throw new IllegalStateException("inject answered " + reply.status() + ": " + reply.text());
            }
            String docId = reply.json().get("DocID").asText();
            await(p, name + " acknowledged done (axis DocID " + docId + ")", () -> {
                JsonNode record = http.getJson(p.simulatorUrl + "/sim/axis/documents/" + docId, Map.of());
                String ack = record.path("ack").asText();
                if ("fail".equals(ack)) {
                    throw new IllegalStateException("the gateway told the axis fail: " + record);
                }
                return "done".equals(ack) ? ack : null;
            });
            done = seconds(start);
            JsonNode delivered = await(p, name + " at the e-office of " + DocumentFiles.H31, () -> {
                for (JsonNode document : http.getJson(p.simulatorUrl + "/sim/eoffice/" + DocumentFiles.H31
                        + "/documents", Map.of())) {
                    if (documentId.equals(document.path("metadata").path("documentId").asText())) {
                        return document;
                    }
                }
                return null;
            });
            JsonNode files = delivered.path("files");
            identical = files.size() == 1 && sha256.equals(files.path(0).path("sha256").asText())
                    && size == files.path(0).path("size").asLong();
            detail = "axis done; e-office document " + delivered.path("id").asText() + ", signature "
                    + delivered.path("metadata").path("signature").asText() + ", file sha256 "
                    + files.path(0).path("sha256").asText() + " size " + files.path(0).path("size")
                    + (identical ? " = injected" : " != injected " + sha256 + " size " + size);
        } catch (IOException | RuntimeException e) {
            failure = e.toString();
        }
        double peakHeap = sampler.windowPeakHeapMb();
        double peakRss = sampler.windowPeakRssMb();
        return new Phase(name, answer, done, baseline, peakHeap, liveHeap(p), peakRss, identical, detail, failure);
    }

    /** The live heap at rest ({@link #liveHeap}), then the sampler's window starts. */
    private double baseline(BenchProcesses p, ResourceSampler sampler) throws InterruptedException {
        double heap = liveHeap(p);
        sampler.startWindow();
        return heap;
    }

    /** A full GC in the gateway, then its heap in use: its live heap. */
    private double liveHeap(BenchProcesses p) throws InterruptedException {
        try {
            jcmd(p.gateway.pid(), "GC.run");
        } catch (IOException e) {
            System.out.println("  (no GC before the baseline: " + e + ")");
        }
        // jcmd GC.run returns once the collection is done, and the actuator reads the heap at the time it is asked
        JsonNode metric = http.getJson(p.gatewayUrl + "/actuator/metrics/jvm.memory.used?tag=area:heap",
                BenchHttp.OPERATOR);
        return metric.path("measurements").path(0).path("value").asDouble() / (1024 * 1024);
    }

    private interface Poll<T> {
        T get() throws IOException;
    }

    /** Polls every 100 ms until {@code poll} answers non-null; fails when the gateway dies or after the timeout. */
    private <T> T await(BenchProcesses p, String what, Poll<T> poll) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        RuntimeException last = null;
        for (int round = 1; System.currentTimeMillis() < deadline; round++) {
            if (!p.gateway.isAlive()) {
                throw new IllegalStateException("the gateway exited while waiting for " + what + "; log "
                        + p.gateway.log() + ":\n" + p.gateway.logTail(40));
            }
            if (round % 20 == 0 && outOfMemory(p)) {
                throw new IllegalStateException("OutOfMemoryError in the gateway while waiting for " + what
                        + " (see " + p.gateway.log() + ")");
            }
            try {
                T value = poll.get();
                if (value != null) {
                    return value;
                }
            } catch (IllegalStateException failed) {
                if (failed.getMessage() != null && failed.getMessage().startsWith("GET ")) {
                    last = failed; // an answer other than 200: asked again
                } else {
                    throw failed;
                }
            } catch (RuntimeException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no " + what + " after " + timeoutMillis / 1000 + " s"
                + (last == null ? "" : " (last: " + last + ")"));
    }

    /**
     * With {@code -Dbench.documentHistogramSeconds=N}: a class histogram of the gateway's live heap every N seconds
     * of the phase ({@code jcmd GC.class_histogram}, a full GC each: it lowers the sampled peaks), appended to
     * {@code default-run/target/bench/documents-histograms.txt}.
     */
    private Histograms histograms(BenchProcesses p, String phase) {
        return new Histograms(p.gateway, phase, histogramSeconds,
                settings.projectDir().resolve("default-run/target/bench/documents-histograms.txt"));
    }

    private static final class Histograms implements AutoCloseable {

        private final Thread thread;

        Histograms(JavaProcess gateway, String phase, int everySeconds, Path file) {
            if (everySeconds <= 0) {
                thread = null;
                return;
            }
            thread = new Thread(() -> {
                long start = System.nanoTime();
                try {
                    while (true) {
                        Thread.sleep(everySeconds * 1000L);
                        String histogram = jcmd(gateway.pid(), "GC.class_histogram");
                        String[] lines = histogram.split("\n");
                        StringBuilder top = new StringBuilder(String.format(Locale.ROOT,
                                "== %s, %.1f s into the phase ==%n", phase, seconds(start)));
                        for (int i = 0; i < Math.min(lines.length, 25); i++) {
                            top.append(lines[i]).append('\n');
                        }
                        top.append(lines[lines.length - 1]).append("\n\n");
                        Files.writeString(file, top, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                                java.nio.file.StandardOpenOption.APPEND);
                        System.out.print(top);
                    }
                } catch (InterruptedException stopped) {
                    // the phase is over
                } catch (IOException e) {
                    System.out.println("histogram failed: " + e);
                }
            }, "bench-histograms");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            if (thread != null) {
                thread.interrupt();
                thread.join(30_000);
            }
        }
    }

    private Result result(long xmxMb, ResourceSampler sampler, Phase out, Phase in, double peakRss, boolean oom) {
        ObjectNode json = BenchHttp.JSON.createObjectNode();
        json.put("attachment_mib", attachmentMib);
        json.put("xmx_mb", xmxMb);
        json.put("sample_ms", sampleMillis);
        json.put("heap_samples", sampler.samples());
        json.put("outgoing_accept_s", round(out.answerSeconds()));
        json.put("outgoing_s", round(out.doneSeconds()));
        json.put("incoming_inject_s", round(in.answerSeconds()));
        json.put("incoming_s", round(in.doneSeconds()));
        json.put("baseline_heap_mb", round(out.baselineHeapMb()));
        json.put("baseline_heap_mb_outgoing", round(out.baselineHeapMb()));
        json.put("peak_heap_mb_outgoing", round(out.peakHeapMb()));
        json.put("baseline_heap_mb_incoming", round(in.baselineHeapMb()));
        json.put("peak_heap_mb_incoming", round(in.peakHeapMb()));
        json.put("live_heap_mb_after_outgoing", round(out.afterHeapMb()));
        json.put("live_heap_mb_after_incoming", round(in.afterHeapMb()));
        json.put("retained_heap_mb_outgoing", round(out.retainedMb()));
        json.put("retained_heap_mb_incoming", round(in.retainedMb()));
        json.put("peak_heap_mb", round(sampler.peakHeapMb()));
        json.put("peak_above_baseline_mb", round(Math.max(out.aboveBaselineMb(), in.aboveBaselineMb())));
        json.put("peak_rss_mb_outgoing", round(out.peakRssMb()));
        json.put("peak_rss_mb_incoming", round(in.peakRssMb()));
        json.put("peak_rss_mb", round(peakRss));
        json.put("outgoing_identical", out.identical());
        json.put("incoming_identical", in.identical());
        json.put("out_of_memory", oom);
        if (histogramSeconds > 0) {
            json.put("histogram_every_s", histogramSeconds);
        }
        return new Result(attachmentMib, xmxMb, sampleMillis, sampler.samples(), out, in, sampler.peakHeapMb(),
                peakRss, oom, json.toString());
    }

    private static void print(Result r, BenchProcesses p) {
        StringBuilder s = new StringBuilder("\n");
        s.append(String.format(Locale.ROOT, "lienthong documents memory: one %d MiB attachment each way, gateway "
                + "-Xmx%dm, heap in use sampled every %d ms (%d samples)%n", r.attachmentMib(), r.xmxMb(),
                r.sampleMillis(), r.heapSamples()));
        s.append(String.format(Locale.ROOT, "gateway JVM: %s%n", String.join(" ", p.gatewayJvmArgs)));
        s.append(String.format(Locale.ROOT, "%-9s %9s %9s %14s %10s %14s %11s %9s %9s  %s%n", "phase", "answer",
                "done", "baseline heap", "peak heap", "peak-baseline", "live after", "retained", "peak RSS",
                "byte-identical"));
        for (Phase phase : List.of(r.outgoing(), r.incoming())) {
            s.append(String.format(Locale.ROOT,
                    "%-9s %7.2f s %7.2f s %10.1f MiB %6.1f MiB %10.1f MiB %7.1f MiB %5.1f MiB %5.0f MiB  %s%n",
                    phase.name(), phase.answerSeconds(), phase.doneSeconds(), phase.baselineHeapMb(),
                    phase.peakHeapMb(), phase.aboveBaselineMb(), phase.afterHeapMb(), phase.retainedMb(),
                    phase.peakRssMb(), phase.identical() ? "yes" : "NO"));
        }
        s.append("  outgoing: answer = POST /api/v1/documents to 202, done = to tracking DELIVERED; ")
                .append(r.outgoing().failure() != null ? "FAILED " + r.outgoing().failure() : r.outgoing().detail())
                .append('\n');
        s.append("  incoming: answer = POST /sim/axis/inject (the simulator storing it), done = to the axis's ack "
                        + "done (poll interval included); ")
                .append(r.incoming().failure() != null ? "FAILED " + r.incoming().failure() : r.incoming().detail())
                .append('\n');
        s.append("  baseline / live after = heap in use right after a full GC (jcmd GC.run) just before / after the "
                + "phase; retained = live after - baseline (what the gateway still holds once the document is gone)\n");
        s.append(String.format(Locale.ROOT, "whole run: peak heap in use %.1f MiB of -Xmx%dm, peak RSS (VmHWM) "
                + "%.0f MiB%s%n", r.peakHeapMb(), r.xmxMb(), r.peakRssMb(),
                r.outOfMemory() ? ", OutOfMemoryError in the gateway's log" : ""));
        s.append("BENCH-DOCUMENTS ").append(r.json()).append('\n');
        System.out.print(s);
    }

    /** Whether the gateway's log mentions an OutOfMemoryError. */
    private static boolean outOfMemory(BenchProcesses p) {
        try (java.util.stream.Stream<String> lines = Files.lines(p.gateway.log(), StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.contains("OutOfMemoryError"));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** {@code jcmd <pid> <command>}, quietly: its output. */
    static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return out;
    }

    private static String next() {
        return String.valueOf(NUMBER.incrementAndGet());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 100) / 100.0;
    }

    private static int number(String name, int fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /** The gateway's largest heap: the last {@code -Xmx} of its JVM arguments, in MiB; -1 when none is given. */
    static long xmxMb(List<String> gatewayJvmArgs) {
        long mb = -1;
        for (String arg : gatewayJvmArgs) {
            if (arg.startsWith("-Xmx")) {
                mb = megabytes(arg.substring(4));
            }
        }
        return mb;
    }

    private static long megabytes(String size) {
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
}
