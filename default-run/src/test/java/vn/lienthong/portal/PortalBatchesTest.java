package vn.lienthong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Envelopes posted at the same moment share one call; a call the portal does not take is followed by one call per
 * envelope. The "portal" here is a function that records each call's MaHoSo list and can be held until released.
 */
class PortalBatchesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExecutorService consumers = Executors.newFixedThreadPool(16);
    private final List<List<String>> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile boolean down;
    /** Only calls for this unit are held (null: all). */
    private volatile String heldUnit;

    @AfterEach
    void stop() {
        consumers.shutdownNow();
    }

    @Test
    void oneAtATimeEachEnvelopeGoesAlone() {
        PortalBatches batches = batches(10);
        for (String maHoSo : List.of("A", "B", "C")) {
            PortalReply reply = batches.post(progress("H31", maHoSo), this::portal);
            assertThat(reply.errorCode()).isEqualTo("0");
        }
        assertThat(calls).containsExactly(List.of("A"), List.of("B"), List.of("C"));
    }

    @Test
    void envelopesArrivingWhileACallIsInFlightGoTogetherInTheNextCall() throws Exception {
        PortalBatches batches = batches(10);
        hold = new CountDownLatch(1);
        Future<PortalReply> first = consumers.submit(() -> batches.post(progress("H31", "A"), this::portal));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        List<Future<PortalReply>> others = new ArrayList<>();
        for (String maHoSo : List.of("B", "C", "D", "E")) {
            others.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        awaitQueued(batches, 4);
        hold.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        for (Future<PortalReply> other : others) {
            assertThat(other.get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        }
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0)).containsExactly("A");
        assertThat(calls.get(1)).containsExactlyInAnyOrder("B", "C", "D", "E");
    }

    @Test
    void aCallCarriesAtMostTheBatchSize() throws Exception {
        PortalBatches batches = batches(3);
        hold = new CountDownLatch(1);
        Future<PortalReply> first = consumers.submit(() -> batches.post(progress("H31", "A"), this::portal));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        List<Future<PortalReply>> others = new ArrayList<>();
        for (String maHoSo : List.of("B", "C", "D", "E", "F")) {
            others.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        awaitQueued(batches, 5);
        hold.countDown();
        first.get(5, TimeUnit.SECONDS);
        for (Future<PortalReply> other : others) {
            other.get(5, TimeUnit.SECONDS);
        }

        assertThat(calls).hasSize(3);
        assertThat(calls.get(1)).hasSize(3);
        assertThat(calls.get(2)).hasSize(2);
        assertThat(calls.stream().flatMap(List::stream)).containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F");
    }

    @Test
    void onlyEnvelopesOfTheSameServiceAndUnitGoTogether() throws Exception {
        PortalBatches batches = batches(10);
        hold = new CountDownLatch(1);
        heldUnit = "H31";
        Future<PortalReply> first = consumers.submit(() -> batches.post(progress("H31", "A"), this::portal));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        Future<PortalReply> otherUnit = consumers.submit(() -> batches.post(progress("H56", "B"), this::portal));
        // Another lane: it does not wait for the call in flight.
        assertThat(otherUnit.get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        hold.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertThat(calls).containsExactlyInAnyOrder(List.of("A"), List.of("B"));
    }

    @Test
    void aCallThePortalDoesNotTakeIsFollowedByOneCallPerEnvelopeEachWithItsOwnReply() throws Exception {
        PortalBatches batches = batches(10);
        refused.put("C", "Từ chối hồ sơ C (rejected by portal)");
        hold = new CountDownLatch(1);
        Future<PortalReply> first = consumers.submit(() -> batches.post(progress("H31", "A"), this::portal));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        Map<String, Future<PortalReply>> others = new java.util.LinkedHashMap<>();
        for (String maHoSo : List.of("B", "C", "D")) {
            others.put(maHoSo, consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        awaitQueued(batches, 3);
        hold.countDown();
        first.get(5, TimeUnit.SECONDS);

        assertThat(others.get("B").get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        assertThat(others.get("C").get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("2");
        assertThat(others.get("D").get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        // The call of three, refused as a whole, then each alone.
        assertThat(calls).hasSize(5);
        assertThat(calls.get(1)).containsExactlyInAnyOrder("B", "C", "D");
        assertThat(calls.subList(2, 5)).containsExactlyInAnyOrder(List.of("B"), List.of("C"), List.of("D"));
    }

    @Test
    void aFailedCallIsFollowedByOneCallPerEnvelopeAndALonelyFailureIsItsOwn() throws Exception {
        PortalBatches batches = batches(10);
        hold = new CountDownLatch(1);
        down = true;
        Future<PortalReply> first = consumers.submit(() -> batches.post(progress("H31", "A"), this::portal));
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 1);
        List<Future<PortalReply>> others = new ArrayList<>();
        for (String maHoSo : List.of("B", "C")) {
            others.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        awaitQueued(batches, 2);
        hold.countDown();

        for (Future<PortalReply> each : List.of(first, others.get(0), others.get(1))) {
            assertThatThrownBy(() -> each.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PortalUnavailableException.class);
        }
        // A alone (failed: its own failure), B and C together (failed), then B and C alone (each its own failure).
        assertThat(calls).hasSize(4);
        assertThat(calls.get(1)).containsExactlyInAnyOrder("B", "C");
        assertThat(calls.subList(2, 4)).containsExactlyInAnyOrder(List.of("B"), List.of("C"));
    }

    @Test
    void upToCallsInFlightGoAtOnceAndTheRestTogetherInTheNextCall() throws Exception {
        PortalBatches batches = batches(10, 3);
        hold = new CountDownLatch(1);
        List<Future<PortalReply>> all = new ArrayList<>();
        for (String maHoSo : List.of("A", "B", "C")) {
            all.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 3);
        for (String maHoSo : List.of("D", "E", "F", "G")) {
            all.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        awaitQueued(batches, 4);
        hold.countDown();
        for (Future<PortalReply> each : all) {
            assertThat(each.get(5, TimeUnit.SECONDS).errorCode()).isEqualTo("0");
        }

        assertThat(calls.subList(0, 3)).allSatisfy(call -> assertThat(call).hasSize(1));
        assertThat(calls.subList(3, calls.size()).stream().flatMap(List::stream))
                .containsExactlyInAnyOrder("D", "E", "F", "G");
        assertThat(calls).as("the four waiting ones in one call, not four").hasSize(4);
    }

    @Test
    void batchSizeOneSendsEveryEnvelopeAloneAtOnce() throws Exception {
        PortalBatches batches = batches(1);
        hold = new CountDownLatch(1);
        List<Future<PortalReply>> all = new ArrayList<>();
        for (String maHoSo : List.of("A", "B", "C")) {
            all.add(consumers.submit(() -> batches.post(progress("H31", maHoSo), this::portal)));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> calls.size() == 3);
        hold.countDown();
        for (Future<PortalReply> each : all) {
            each.get(5, TimeUnit.SECONDS);
        }
        assertThat(calls).allSatisfy(call -> assertThat(call).hasSize(1));
    }

    /** The portal: all or none; a held call waits for {@link #hold}; while {@link #down}, every call fails. */
    private PortalReply portal(ObjectNode envelope) {
        List<String> maHoSo = new ArrayList<>();
        envelope.path("data").forEach(item -> maHoSo.add(item.path("MaHoSo").asText()));
        calls.add(maHoSo);
        try {
            if (heldUnit == null || heldUnit.equals(envelope.path("madonvi").asText())) {
                hold.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (down) {
            throw new PortalUnavailableException("portal answered HTTP 503");
        }
        List<String> refusedHere = maHoSo.stream().filter(refused::containsKey).toList();
        JsonNode body = refusedHere.isEmpty()
                ? JSON.createObjectNode().put("error_code", "0").put("message", "ok")
                : JSON.createObjectNode().put("error_code", "2").put("message", refused.get(refusedHere.get(0)));
        return PortalReply.of(body);
    }

    private static ObjectNode progress(String unit, String maHoSo) {
        ObjectNode envelope = JSON.createObjectNode().put("madonvi", unit).put("service", "CapNhatTienDoHoSoMC");
        envelope.putArray("data").addObject().put("MaHoSo", maHoSo).put("NoiDungXuLy", "bước 1");
        return envelope;
    }

    /** One call in flight per lane unless said otherwise: the tests hold it and queue the others behind it. */
    private static PortalBatches batches(int size) {
        return batches(size, 1);
    }

    private static PortalBatches batches(int size, int callsInFlight) {
        PortalProperties properties = new PortalProperties(URI.create("http://127.0.0.1:1/auth"),
                URI.create("http://127.0.0.1:1/api"), "u", "p", "H31", Duration.ofSeconds(1), Duration.ofSeconds(1),
                List.of("0", "00"), List.of("-1"), "already exists", size, callsInFlight);
        return new PortalBatches(properties, new PortalClient(properties, JSON), JSON, new SimpleMeterRegistry());
    }

    private static void awaitQueued(PortalBatches batches, int envelopes) {
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.queued() == envelopes);
    }
}
