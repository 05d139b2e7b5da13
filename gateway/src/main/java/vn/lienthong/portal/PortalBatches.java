package vn.lienthong.portal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Puts the envelopes that several consumers post to the portal at the same moment into one call: the portal's services
 * take a {@code data} array (DongBoHoSoMC, CapNhatTienDoHoSoMC), and one-stop systems send progress in batches of 10.
 * Nothing waits to fill a batch: a consumer whose lane (service, unit, isUpdating) has fewer than
 * {@code lienthong.portal.calls-in-flight} calls in flight posts at once; envelopes that arrive while all of them are in
 * flight go together in the next one, up to {@code lienthong.portal.batch-size} items. So at low load every message
 * goes alone, as before; under load the calls (and the portal's work) shrink; and a slow portal still has several
 * calls at a time to answer, as it had one per consumer before.
 *
 * <p>The portal takes a call all or none. A call of several that it does not take (any error_code but success: one
 * dossier rejected, one already there, the session) or that fails (unreachable, HTTP 5xx) tells nothing about each
 * message: each is then posted again alone by its own consumer, so that its outcome (rejected, retried as an update,
 * retried, set aside) is its own, exactly as if it had never been batched. A consumer has one message at a time and a
 * dossier's messages go through one consumer (message groups), so a call never carries two messages of one dossier.
 */
@Component
public class PortalBatches {

    private final int batchSize;
    private final int callsInFlight;
    private final PortalClient portal;
    private final ObjectMapper json;
    private final DistributionSummary itemsPerCall;
    private final Map<Lane.Key, Lane> lanes = new ConcurrentHashMap<>();

    public PortalBatches(PortalProperties properties, PortalClient portal, ObjectMapper json, MeterRegistry meters) {
        this.batchSize = Math.max(1, properties.batchSize());
        this.callsInFlight = Math.max(1, properties.callsInFlight());
        this.portal = portal;
        this.json = json;
        this.itemsPerCall = DistributionSummary.builder("lienthong.portal.call.items")
                .description("Messages carried by one call to the national portal (its data array)")
                .register(meters);
        Gauge.builder("lienthong.portal.call.waiting", this, PortalBatches::queued)
                .description("Messages waiting for a free call to the national portal (lienthong.portal.calls-in-flight)")
                .register(meters);
    }

    /**
     * Posts {@code envelope} (madonvi, service, data, and isUpdating for dossiers), together with the envelopes other
     * consumers post at the same moment when they fit in one call, and returns the portal's reply for it.
     *
     * @param call posts one envelope (circuit, session, HTTP): the caller's own way of calling the portal
     * @throws PortalUnavailableException as {@code call} does, when this envelope went alone
     */
    public PortalReply post(ObjectNode envelope, Function<ObjectNode, PortalReply> call) {
        if (batchSize == 1) {
            return posted(envelope, call);
        }
        Lane lane = lanes.computeIfAbsent(Lane.Key.of(envelope), key -> new Lane());
        Lane.Waiting mine = new Lane.Waiting(envelope);
        synchronized (lane) {
            lane.queue.add(mine);
        }
        boolean interrupted = false;
        try {
            while (true) {
                List<Lane.Waiting> batch;
                Outcome outcome;
                synchronized (lane) {
                    while (mine.outcome == null && (mine.taken || lane.inFlight >= callsInFlight)) {
                        try {
                            lane.wait();
                        } catch (InterruptedException e) {
                            // Its envelope may be in the call in flight: the answer (bounded by the request timeout)
                            // decides what happened to it, so it waits for it and keeps the interrupt for later.
                            interrupted = true;
                        }
                    }
                    outcome = mine.outcome;
                    batch = outcome == null ? takeNext(lane) : null;
                }
                if (outcome != null) {
                    // Outside the lane's lock: posting it alone is a call of its own.
                    return outcome.replyFor(mine.envelope, call);
                }
                try {
                    send(batch, call);
                } finally {
                    synchronized (lane) {
                        lane.inFlight--;
                        lane.notifyAll();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Called under the lane's lock when a call may go and the caller's envelope is still queued: the caller sends the
     * next call (with its envelope, or the ones queued before it).
     */
    private List<Lane.Waiting> takeNext(Lane lane) {
        lane.inFlight++;
        return lane.take(batchSize);
    }

    /** Envelopes waiting for a call (not those in a call in flight). */
    int queued() {
        int queued = 0;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                queued += lane.queue.size();
            }
        }
        return queued;
    }

    /** Sends one batch taken from a lane and leaves each waiting envelope its outcome. */
    private void send(List<Lane.Waiting> batch, Function<ObjectNode, PortalReply> call) {
        if (batch.size() == 1) {
            Lane.Waiting only = batch.get(0);
            try {
                only.settle(new Outcome.Replied(posted(only.envelope, call)));
            } catch (RuntimeException e) {
                only.settle(new Outcome.Failed(e));
            }
            return;
        }
        Outcome outcome;
        try {
            PortalReply reply = call.apply(together(batch));
            itemsPerCall.record(batch.size());
            outcome = portal.isSuccess(reply) ? new Outcome.Replied(reply) : Outcome.ALONE;
        } catch (RuntimeException e) {
            outcome = Outcome.ALONE;
        }
        for (Lane.Waiting waiting : batch) {
            waiting.settle(outcome);
        }
    }

    private PortalReply posted(ObjectNode envelope, Function<ObjectNode, PortalReply> call) {
        PortalReply reply = call.apply(envelope);
        itemsPerCall.record(1);
        return reply;
    }

    /** One envelope with the first one's madonvi, service and isUpdating, and every envelope's data in turn. */
    private ObjectNode together(List<Lane.Waiting> batch) {
        ObjectNode first = batch.get(0).envelope;
        ObjectNode envelope = json.createObjectNode();
        first.fields().forEachRemaining(field -> {
            if (!"data".equals(field.getKey())) {
                envelope.set(field.getKey(), field.getValue());
            }
        });
        ArrayNode data = envelope.putArray("data");
        for (Lane.Waiting waiting : batch) {
            JsonNode items = waiting.envelope.path("data");
            items.forEach(data::add);
        }
        return envelope;
    }

    /** What became of a waiting envelope. */
    private sealed interface Outcome {

        /** Post it alone: the call it was in told nothing about it. */
        Outcome ALONE = new Alone();

        PortalReply replyFor(ObjectNode envelope, Function<ObjectNode, PortalReply> call);

        record Replied(PortalReply reply) implements Outcome {
            @Override
            public PortalReply replyFor(ObjectNode envelope, Function<ObjectNode, PortalReply> call) {
                return reply;
            }
        }

        record Failed(RuntimeException failure) implements Outcome {
            @Override
            public PortalReply replyFor(ObjectNode envelope, Function<ObjectNode, PortalReply> call) {
                throw failure;
            }
        }

        record Alone() implements Outcome {
            @Override
            public PortalReply replyFor(ObjectNode envelope, Function<ObjectNode, PortalReply> call) {
                return call.apply(envelope);
            }
        }
    }

    /** The envelopes of one service, unit and isUpdating waiting for a call, and how many calls are in flight. */
    private static final class Lane {

        final ArrayDeque<Waiting> queue = new ArrayDeque<>();
        int inFlight;

        List<Waiting> take(int max) {
            List<Waiting> batch = new ArrayList<>(Math.min(max, queue.size()));
            while (batch.size() < max && !queue.isEmpty()) {
                Waiting next = queue.poll();
                next.taken = true;
                batch.add(next);
            }
            return batch;
        }

        record Key(String service, String unit, String isUpdating) {
            static Key of(ObjectNode envelope) {
                return new Key(envelope.path("service").asText(), envelope.path("madonvi").asText(),
                        envelope.path("isUpdating").asText(null));
            }
        }

        static final class Waiting {
            final ObjectNode envelope;
            /** In a call in flight (set under the lane's lock). */
            boolean taken;
            /** Set by the consumer that sent its call, before it releases the lane: read under the lane's lock. */
            Outcome outcome;

            Waiting(ObjectNode envelope) {
                this.envelope = envelope;
            }

            void settle(Outcome outcome) {
                this.outcome = outcome;
            }
        }
    }
}
