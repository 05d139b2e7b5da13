package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorHttp;

/**
 * Citizens filing dossiers online at the national portal (the simulator's {@code POST /sim/dvcqg/citizen/dossiers}),
 * at a steady rate, whatever the gateway is doing: each dossier for one unit, with one or two small files. The
 * portal is never down in these scenarios, so a filing that fails is a failure of the scenario (listed by
 * {@link #failed()}), except that a retried filing answered 409 was filed by the attempt before.
 */
final class CitizenFiling implements AutoCloseable {

    /** One dossier the portal took: its MaHoSo, when, and its files' names and SHA-256 in order. */
    record Filed(String maHoSo, long filedAtMillis, List<String> names, List<String> sha256) {
    }

    private record Attachment(String name, String contentType, Path path, String sha256) {
    }

    private final String tag;
    private final String unit;
    private final int dossiers;
    private final long periodMicros;
    private final SimulatorHttp portal;
    private final List<Attachment> attachments = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "citizen-filing");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger next = new AtomicInteger();
    private final ConcurrentLinkedQueue<Filed> filed = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();

    /**
     * @param tag       part of every MaHoSo, so a scenario's dossiers are recognisable
     * @param perSecond dossiers filed per second
     * @param directory where the attachments are written (a few files of 3 to 40 KB, shared by the dossiers)
     */
    CitizenFiling(String tag, String unit, int dossiers, int perSecond, SimulatorProcess portal, Path directory) {
        this.tag = tag;
        this.unit = unit;
        this.dossiers = dossiers;
        this.periodMicros = 1_000_000L / Math.max(1, perSecond);
        this.portal = new SimulatorHttp(portal.rootUrl());
        attachments.add(attachment(directory, "Đơn đề nghị.pdf", "application/pdf", 40_000));
        attachments.add(attachment(directory, "cccd.jpg", "image/jpeg", 12_000));
        attachments.add(attachment(directory, "so-ho-khau.pdf", "application/pdf", 3_000));
    }

    String maHoSo(int index) {
        return String.format("%s-%s-%06d", unit, tag, index);
    }

    CitizenFiling start() {
        scheduler.scheduleAtFixedRate(this::fileNext, 0, periodMicros, TimeUnit.MICROSECONDS);
        return this;
    }

    /** Until every dossier was filed (or failed). */
    void awaitFinished(Duration timeout) {
        await("the citizens to file " + dossiers + " dossiers").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(() -> filed.size() + failed.size() >= dossiers);
        scheduler.shutdown();
    }

    int filedCount() {
        return filed.size();
    }

    List<Filed> filed() {
        return List.copyOf(filed);
    }

    List<String> failed() {
        return List.copyOf(failed);
    }

    private void fileNext() {
        int index = next.getAndIncrement();
        if (index >= dossiers) {
            scheduler.shutdown();
            return;
        }
        String maHoSo = maHoSo(index);
        // one or two files: every other dossier has two, in an order that changes
        List<Attachment> files = index % 2 == 0 ? List.of(attachments.get(index % 3))
                : List.of(attachments.get(index % 3), attachments.get((index + 1) % 3));
        ObjectNode dossier = JsonNodeFactory.instance.objectNode().put("MaHoSo", maHoSo).put("MaDonVi", unit)
                .put("TrichYeuHoSo", "Đề nghị cấp phiếu lý lịch tư pháp (" + index + ")");
        ArrayNode list = dossier.putArray("TaiLieuNop");
        files.forEach(file -> list.addObject().put("TenTepDinhKem", file.name()).put("MaThanhPhanHoSo", "TP1"));
        String problem = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            SimulatorHttp.Multipart multipart = SimulatorHttp.multipart().json("dossier", dossier);
            files.forEach(file -> multipart.file(file.name(), file.contentType(), file.path()));
            try {
                SimulatorHttp.Reply reply = portal.post("/sim/dvcqg/citizen/dossiers", multipart);
                if (reply.status() == 200 || reply.status() == 409 && attempt > 1) {
                    filed.add(new Filed(maHoSo, System.currentTimeMillis(),
                            files.stream().map(Attachment::name).toList(),
                            files.stream().map(Attachment::sha256).toList()));
                    return;
                }
                problem = "HTTP " + reply.status() + " " + new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                problem = e.toString();
            }
        }
        failed.add(maHoSo + ": " + problem);
    }

    private static Attachment attachment(Path directory, String name, String contentType, int size) {
        Path path = directory.resolve("attachment-" + size + ".bin");
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        try (OutputStream out = Files.newOutputStream(path)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Attachment(name, contentType, path, SimulatorHttp.sha256(path));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
