package vn.lienthong.bench;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accept-to-delivered times of every message of a phase, from the gateway's own trail
 * ({@code GET /api/v1/dossiers/{MaHoSo}/trail}: the ACCEPTED and DELIVERED times of each message, one call per dossier).
 * Both times come from the gateway's clock, so the difference is exact to the microsecond.
 */
final class TrackingTimes {

    /**
     * One message: epoch microseconds of ACCEPTED and of DELIVERED (-1 when not delivered), and whether it was set
     * aside on its way (a HELD step).
     */
    record Message(long acceptedMicros, long deliveredMicros, boolean held) {
        boolean delivered() {
            return deliveredMicros >= 0;
        }
    }

    private final List<Message> messages;

    private TrackingTimes(List<Message> messages) {
        this.messages = messages;
    }

    static TrackingTimes fetch(BenchHttp http, String gatewayUrl, Phase phase, int threads) {
        return fetch(http, gatewayUrl, phase.name, phase.dossiers.stream().map(Phase.Dossier::maHoSo).toList(),
                Sender.API_KEY, threads);
    }

    /** The trails of these dossiers, read with {@code apiKey}. */
    static TrackingTimes fetch(BenchHttp http, String gatewayUrl, String name, List<String> maHoSos, String apiKey,
                               int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Message>>> trails = new ArrayList<>();
            for (String maHoSo : maHoSos) {
                trails.add(pool.submit(() -> trail(http, gatewayUrl, maHoSo, apiKey)));
            }
            List<Message> all = new ArrayList<>();
            for (Future<List<Message>> trail : trails) {
                all.addAll(trail.get());
            }
            return new TrackingTimes(all);
        } catch (Exception e) {
            throw new IllegalStateException("reading the trails of " + name + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Message> trail(BenchHttp http, String gatewayUrl, String maHoSo, String apiKey) {
        JsonNode trail = http.getJson(gatewayUrl + "/api/v1/dossiers/" + maHoSo + "/trail",
                Map.of("X-API-Key", apiKey));
        List<Message> found = new ArrayList<>();
        for (JsonNode message : trail.path("messages")) {
            long accepted = -1;
            long delivered = -1;
            boolean held = false;
            for (JsonNode event : message.path("history")) {
                String state = event.path("state").asText();
                if (state.equals("ACCEPTED")) {
                    accepted = micros(event.path("at").asText());
                } else if (state.equals("DELIVERED")) {
                    delivered = micros(event.path("at").asText());
                } else if (state.equals("HELD")) {
                    held = true;
                }
            }
            found.add(new Message(accepted, delivered, held));
        }
        return found;
    }

    private static long micros(String isoTime) {
        var instant = OffsetDateTime.parse(isoTime).toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Accept-to-delivered latency of every delivered message. */
    Latencies endToEnd() {
        Latencies latencies = new Latencies();
        messages.stream().filter(Message::delivered)
                .forEach(m -> latencies.add((m.deliveredMicros() - m.acceptedMicros()) * 1_000));
        return latencies;
    }

    /** Messages set aside on their way (a HELD step in their trail). */
    long held() {
        return messages.stream().filter(Message::held).count();
    }

    /** Epoch microseconds when the given share (0..1) of the delivered messages had been delivered. */
    long deliveredMicrosAt(double share) {
        long[] times = deliveredTimes();
        return times.length == 0 ? -1 : times[(int) Math.min(times.length - 1, Math.floor(share * times.length))];
    }

    /**
     * The delivery rate over each tenth of the delivered messages, in order of delivery (msg/s): how a drain ramps up
     * after the portal's return and whether it slows down towards its end.
     */
    double[] ratesByTenth() {
        long[] times = deliveredTimes();
        double[] rates = new double[times.length < 20 ? 0 : 10];
        for (int tenth = 0; tenth < rates.length; tenth++) {
            int from = tenth * times.length / 10;
            int to = (tenth + 1) * times.length / 10 - 1;
            rates[tenth] = (to - from) / Math.max(1e-6, (times[to] - times[from]) / 1e6);
        }
        return rates;
    }

    /** Epoch microseconds of every delivery, in order. */
    private long[] deliveredTimes() {
        return messages.stream().filter(Message::delivered).mapToLong(Message::deliveredMicros).sorted().toArray();
    }

    long delivered() {
        return messages.stream().filter(Message::delivered).count();
    }

    long firstDeliveredMicros() {
        return messages.stream().filter(Message::delivered).mapToLong(Message::deliveredMicros).min().orElse(-1);
    }

    /** Epoch microseconds of the first ACCEPTED. */
    long firstAcceptedMicros() {
        return messages.stream().mapToLong(Message::acceptedMicros).filter(t -> t >= 0).min().orElse(-1);
    }

    /** Epoch microseconds of the last ACCEPTED. */
    long lastAcceptedMicros() {
        return messages.stream().mapToLong(Message::acceptedMicros).max().orElse(-1);
    }

    long lastDeliveredMicros() {
        return messages.stream().filter(Message::delivered).mapToLong(Message::deliveredMicros).max().orElse(-1);
    }
}
