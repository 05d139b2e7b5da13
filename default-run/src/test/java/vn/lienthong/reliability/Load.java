package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.support.Dossiers;
import vn.lienthong.support.Http;

/**
 * A provincial one-stop system sending dossiers, each followed by its progress items in order, from several client
 * threads at once. Like a well-behaved client it retries a request that got no definitive answer (connection
 * refused or reset, timeout, 5xx, and the 404 a starting gateway answers before its API is up) with the same
 * {@code Idempotency-Key} until the gateway answers 202, so every
 * message it meant to send is eventually accepted exactly once; the next progress item of a dossier is sent only
 * after the previous one was accepted.
 */
final class Load {

    /** One message the gateway answered 202 for. {@code step} 0 is the dossier, 1..M its progress items. */
    record Accepted(String maHoSo, int step, String trackingId, long acceptedAtMillis, int attempts,
                    boolean replayed) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    private final String tag;
    private final int dossiers;
    private final int progress;
    private final int clients;
    private final Supplier<List<String>> gateways;
    private final Duration requestTimeout;
    private final Duration giveUpAfter;

    private final AtomicInteger nextDossier = new AtomicInteger();
    private final AtomicInteger tried = new AtomicInteger();
    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Map<String, LongAdder> answers = new ConcurrentHashMap<>();
    private final Map<String, String> firstBodies = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> gaveUp = new ConcurrentLinkedQueue<>();
    private final AtomicLong slowest503Millis = new AtomicLong();
    private final AtomicInteger without503RetryAfter = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final byte[][] progressBodies;

    /**
     * @param tag      part of every MaHoSo, so a scenario's dossiers are recognisable
     * @param gateways the gateways' API base URLs; dossier i goes to gateway i mod n, and to the next one when its
     *                 gateway does not answer
     */
    Load(String tag, int dossiers, int progress, int clients, Supplier<List<String>> gateways, Duration requestTimeout,
         Duration giveUpAfter) {
        this.tag = tag;
        this.dossiers = dossiers;
        this.progress = progress;
        this.clients = clients;
        this.gateways = gateways;
        this.requestTimeout = requestTimeout;
        this.giveUpAfter = giveUpAfter;
        this.progressBodies = new byte[progress + 1][];
        for (int step = 1; step <= progress; step++) {
            progressBodies[step] = Http.bytes(Dossiers.dvcqgProgress(step));
        }
    }

    String maHoSo(int index) {
        return String.format("000.00.31.H31-%s-%06d", tag, index);
    }

    /** The step number a progress item carries (its NoiDungXuLy starts with "Bước k:"). */
    static int step(JsonNode progressItem) {
        String text = progressItem.path("NoiDungXuLy").asText("");
        int colon = text.indexOf(':');
        if (!text.startsWith("Bước ") || colon < 0) {
            return -1;
        }
        return Integer.parseInt(text.substring("Bước ".length(), colon));
    }

    int messagesPlanned() {
        return dossiers * (1 + progress);
    }

    Load start() {
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(this::work, "load-" + tag + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void work() {
        for (int index = nextDossier.getAndIncrement(); index < dossiers && !stopped.get();
             index = nextDossier.getAndIncrement()) {
            String maHoSo = maHoSo(index);
            for (int step = 0; step <= progress && !stopped.get(); step++) {
                byte[] body = step == 0 ? Http.bytes(Dossiers.dvcqg(maHoSo)) : progressBodies[step];
                String path = step == 0 ? "/api/v1/dossiers" : "/api/v1/dossiers/" + maHoSo + "/progress";
                if (!send(index, maHoSo, step, path, body)) {
                    break; // the next progress item only after this one was accepted
                }
            }
        }
    }

    /** Sends one message until it is accepted; false when refused for good or given up. */
    private boolean send(int index, String maHoSo, int step, String path, byte[] body) {
        tried.incrementAndGet();
        long giveUpAt = System.nanoTime() + giveUpAfter.toNanos();
        Duration backoff = FIRST_BACKOFF;
        for (int attempt = 1; !stopped.get(); attempt++) {
            List<String> targets = gateways.get();
            String gateway = targets.get((index + attempt - 1) % targets.size());
            long started = System.nanoTime();
            String outcome;
            try {
                HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path))
                        .timeout(requestTimeout)
                        .header("Content-Type", "application/json")
                        .header("X-API-Key", GatewayProcess.CLIENT_KEY)
                        .header("Idempotency-Key", maHoSo + "#" + step)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                outcome = String.valueOf(status);
                count(outcome, response.body());
                if (status == 202) {
                    JsonNode reply = Http.JSON.readTree(response.body());
                    accepted.add(new Accepted(maHoSo, step, reply.path("trackingId").asText(),
                            System.currentTimeMillis(), attempt,
                            response.headers().firstValue("Idempotent-Replayed").isPresent()));
                    return true;
                }
                if (status == 503) {
                    slowest503Millis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                            Math::max);
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        without503RetryAfter.incrementAndGet();
                    }
                }
                if (status < 500 && !(status == 404 && isNotTheApi(response.body()))) {
                    gaveUp.add(maHoSo + "#" + step + ": HTTP " + status + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                    return false;
                }
            } catch (IOException e) {
                outcome = "io " + e.getClass().getSimpleName();
                count(outcome, new byte[0]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() > giveUpAt) {
                gaveUp.add(maHoSo + "#" + step + ": no 202 within " + giveUpAfter + ", last " + outcome);
                return false;
            }
            // a client's retry backoff, not a wait for the test's sake
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
        return false;
    }

    /**
     * A 404 that is not the gateway's own answer (those carry {@code {"errors": [...]}}) but Spring's: the API is not
     * there yet because the gateway is still starting. Retried, and counted under "404".
     */
    private static boolean isNotTheApi(byte[] body) {
        try {
            return !Http.JSON.readTree(body).has("errors");
        } catch (IOException e) {
            return true;
        }
    }

    private void count(String outcome, byte[] body) {
        answers.computeIfAbsent(outcome, k -> new LongAdder()).increment();
        if (!outcome.equals("202")) {
            firstBodies.putIfAbsent(outcome, new String(body, StandardCharsets.UTF_8));
        }
    }

    int acceptedCount() {
        return accepted.size();
    }

    boolean finished() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    void awaitAccepted(int count, Duration timeout) {
        await("the gateway to accept " + count + " messages").atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> acceptedCount() >= count || finished());
        if (acceptedCount() < count) {
            throw new AssertionError("the load finished with only " + acceptedCount() + " of " + count
                    + " accepted: " + summary());
        }
    }

    void awaitFinished(Duration timeout) {
        await("the load of " + tag + " to finish").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(this::finished);
    }

    void stop() {
        stopped.set(true);
    }

    List<Accepted> accepted() {
        return new ArrayList<>(accepted);
    }

    int tried() {
        return tried.get();
    }

    List<String> gaveUp() {
        return new ArrayList<>(gaveUp);
    }

    /** How often each answer came: "202", "503", "io ConnectException", ... (every attempt counted). */
    Map<String, Long> answers() {
        Map<String, Long> counts = new TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    long answered(String outcome) {
        LongAdder count = answers.get(outcome);
        return count == null ? 0 : count.sum();
    }

    /** The body of the first answer with this outcome (to explain a surprising status). */
    String firstBody(String outcome) {
        return firstBodies.get(outcome);
    }

    long slowest503Millis() {
        return slowest503Millis.get();
    }

    int without503RetryAfter() {
        return without503RetryAfter.get();
    }

    long acceptedReplayed() {
        return accepted.stream().filter(Accepted::replayed).count();
    }

    /** The longest time without any 202 between the first and the last one. */
    long longestAcceptanceGapMillis() {
        List<Long> times = accepted.stream().map(Accepted::acceptedAtMillis).sorted().toList();
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return longest;
    }

    long lastAcceptedAt() {
        return accepted.stream().mapToLong(Accepted::acceptedAtMillis).max().orElse(0);
    }

    String summary() {
        return "tried " + tried() + " of " + messagesPlanned() + ", accepted " + acceptedCount() + ", answers "
                + answers() + (gaveUp.isEmpty() ? "" : ", gave up " + gaveUp().subList(0, Math.min(5, gaveUp.size())));
    }
}
