package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.simulator.dvcqg.DvcqgInbox.Entry;

/**
 * Push mode ({@code lienthong.simulator.dvcqg.citizen.push.enabled}): the portal posts every new entry (dossier,
 * supplement, withdrawal request), oldest first, as JSON (the entry as LayDanhSachHoSo lists it) to the province's
 * gateway, with {@code X-API-Key}. A 2xx answer marks it pushed (journaled); anything else is logged and the same
 * entry is posted again every {@code retryInterval}, never skipped: later entries wait behind it, so a dossier always
 * arrives before its supplements. Entries the province marked received (it pulled them) are not pushed.
 */
public class DvcqgPush implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DvcqgPush.class);

    private final DvcqgSimulatorProperties.Push settings;
    private final DvcqgInbox inbox;
    private final DvcqgPortal portal;
    private final DvcqgJson json;
    private final Supplier<String> fileBaseUrl;
    private final ScheduledExecutorService executor;
    private final HttpClient http;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicLong failures = new AtomicLong();

    /** @param fileBaseUrl what DuongDanTaiTepTin starts with when no base is configured (this simulator's getfile) */
    public DvcqgPush(DvcqgSimulatorProperties.Push settings, DvcqgInbox inbox, DvcqgPortal portal, DvcqgJson json,
            Supplier<String> fileBaseUrl) {
        this.settings = settings;
        this.inbox = inbox;
        this.portal = portal;
        this.json = json;
        this.fileBaseUrl = fileBaseUrl;
        if (!settings.enabled()) {
            this.executor = null;
            this.http = null;
            return;
        }
        if (settings.url() == null) {
            throw new IllegalArgumentException("lienthong.simulator.dvcqg.citizen.push.url is required when push is on");
        }
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dvcqg-simulator-push");
            thread.setDaemon(true);
            return thread;
        });
        long retry = settings.retryInterval().toMillis();
        executor.scheduleWithFixedDelay(this::pushWaiting, retry, retry, TimeUnit.MILLISECONDS);
        log.info("DVCQG simulator pushes new dossiers to {}", settings.url());
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Failed posts since start. */
    public long failures() {
        return failures.get();
    }

    /** A new entry was stored: push now rather than at the next retry. */
    public void wake() {
        if (executor != null && scheduled.compareAndSet(false, true)) {
            executor.execute(() -> {
                scheduled.set(false);
                pushWaiting();
            });
        }
    }

    /** Posts the waiting entries in order, stopping at the first that fails. */
    void pushWaiting() {
        try {
            List<Entry> waiting = inbox.notPushed();
            for (Entry entry : waiting) {
                if (!post(entry)) {
                    return;
                }
                inbox.markPushed(entry.id());
            }
        } catch (RuntimeException e) {
            log.warn("DVCQG simulator push failed: {}", e.toString());
        }
    }

    private boolean post(Entry entry) {
        String maDonVi = inbox.dossierEntry(entry.maHoSo()).map(d -> d.data().path("MaDonVi").asText(null))
                .orElse(null);
        byte[] body = json.write(DvcqgInboxViews.entry(entry, maDonVi, portal.fileBaseUrl(fileBaseUrl.get())));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("X-API-Key", settings.apiKey());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                log.info("DVCQG simulator pushed {} {} of {} ({})", entry.type(), entry.id(), entry.maHoSo(),
                        response.statusCode());
                return true;
            }
            failures.incrementAndGet();
            log.warn("DVCQG simulator push of {} {} of {} answered {}: {}; retried in {}", entry.type(), entry.id(),
                    entry.maHoSo(), response.statusCode(), abbreviate(response.body()), settings.retryInterval());
            return false;
        } catch (IOException e) {
            failures.incrementAndGet();
            log.warn("DVCQG simulator push of {} {} of {} failed: {}; retried in {}", entry.type(), entry.id(),
                    entry.maHoSo(), e.toString(), settings.retryInterval());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
