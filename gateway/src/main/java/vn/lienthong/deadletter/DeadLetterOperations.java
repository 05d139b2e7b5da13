package vn.lienthong.deadletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.lienthong.broker.BrokerManagement;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.tracking.TrackedMessage;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * The one operator surface over the dead letters of every flow (API {@code /api/v1/dead-letters}, console
 * {@code lienthong:type=DeadLetters}): list them together, find one, replay one or all. Listings read the broker's
 * management ({@link BrokerManagement}), not a browsing consumer. A message the broker dead-lettered itself (its
 * delivery attempts ran out before the gateway could park it) carries no reason of the gateway's: it is given one, and
 * its trail the state DEAD_LETTERED, here ({@link #reconcile()}, also run by a leased job).
 */
@Component
public class DeadLetterOperations {

    private static final Pattern TRACKING_ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Logger log = LoggerFactory.getLogger(DeadLetterOperations.class);

    private final List<FlowDeadLetters> flows;
    private final BrokerManagement broker;
    private final TrackingStore tracking;

    public DeadLetterOperations(List<FlowDeadLetters> flows, BrokerManagement broker, TrackingStore tracking) {
        this.flows = List.copyOf(flows);
        this.broker = broker;
        this.tracking = tracking;
    }

    /** Dead letters of every flow matching the filter, oldest first (each queue's own order kept), at most limit. */
    public List<DeadLetter> list(DeadLetterFilter filter, int limit) {
        List<List<DeadLetter>> perFlow = new ArrayList<>();
        for (FlowDeadLetters flow : flows) {
            if (filter.matchesFlow(flow.flow())) {
                perFlow.add(read(flow, selector(flow, filter)).stream().filter(filter::matches).toList());
            }
        }
        return merge(perFlow, limit);
    }

    public Optional<DeadLetter> find(String id) {
        if (id == null || !TRACKING_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        for (FlowDeadLetters flow : flows) {
            List<DeadLetter> found = read(flow, Header.TRACKING_ID + " = '" + id + "'");
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * Puts one dead letter back (see {@link FlowDeadLetters#replay}); false when no flow holds it. Its trail says
     * DEAD_LETTERED (or QUARANTINED) a moment before the broker lists it (the dead-letter queue's send commits with
     * the delivery it ends): such a message is taken from its flow's queue as it arrives.
     */
    public boolean replay(String id, String operator) {
        Optional<DeadLetter> listed = find(id);
        if (listed.isPresent()) {
            return flow(listed.get().flow()).replay(id, operator);
        }
        Optional<TrackedMessage> trail = id == null ? Optional.empty() : tracking.find(id);
        if (trail.isEmpty() || (trail.get().state() != TrackingState.DEAD_LETTERED
                && trail.get().state() != TrackingState.QUARANTINED)) {
            return false;
        }
        return flows.stream().filter(f -> f.carries(trail.get().kind())).findFirst()
                .map(f -> f.replay(id, operator)).orElse(false);
    }

    /** Replays every dead letter matching the filter, each flow in the order its messages were parked. */
    public List<String> replayAll(DeadLetterFilter filter, String operator) {
        List<String> replayed = new ArrayList<>();
        for (FlowDeadLetters flow : flows) {
            if (!filter.matchesFlow(flow.flow())) {
                continue;
            }
            for (DeadLetter letter : read(flow, selector(flow, filter))) {
                if (filter.matches(letter) && flow.replay(letter.id(), operator)) {
                    replayed.add(letter.id());
                }
            }
        }
        return Collections.unmodifiableList(replayed);
    }

    /**
     * Gives every message the broker dead-lettered itself the state DEAD_LETTERED in its trail, with the reason (once:
     * a trail already final is left as it is). Returns how many trails changed.
     */
    public int reconcile() {
        int changed = 0;
        for (FlowDeadLetters flow : flows) {
            for (Map<String, Object> message : broker.messages(flow.queue(),
                    Header.BROKER_ORIGIN_QUEUE + " IS NOT NULL AND " + Header.DEAD_LETTER_REASON + " IS NULL")) {
                String id = text(message.get(Header.TRACKING_ID));
                if (id != null && tracking.deadLetteredByBroker(id, brokerReason(message))) {
                    log.warn("message {} was dead-lettered by the broker from {}: its trail says so now", id,
                            message.get(Header.BROKER_ORIGIN_QUEUE));
                    changed++;
                }
            }
        }
        return changed;
    }

    private FlowDeadLetters flow(String name) {
        return flows.stream().filter(f -> f.flow().equals(name)).findFirst().orElseThrow();
    }

    private List<DeadLetter> read(FlowDeadLetters flow, String selector) {
        List<DeadLetter> letters = new ArrayList<>();
        for (Map<String, Object> message : broker.messages(flow.queue(), selector)) {
            letters.add(describe(flow, message));
        }
        return letters;
    }

    private DeadLetter describe(FlowDeadLetters flow, Map<String, Object> message) {
        String id = text(message.get(Header.TRACKING_ID));
        String reason = text(message.get(Header.DEAD_LETTER_REASON));
        if (reason == null && message.get(Header.BROKER_ORIGIN_QUEUE) != null) {
            reason = brokerReason(message);
        }
        Optional<TrackedMessage> trail = id == null ? Optional.empty() : tracking.find(id);
        OffsetDateTime firstFailure = trail.flatMap(m -> m.history().stream()
                .filter(e -> e.state() == TrackingState.RETRYING || e.state() == TrackingState.HELD
                        || e.state() == TrackingState.DEAD_LETTERED || e.state() == TrackingState.QUARANTINED)
                .map(TrackedMessage.Event::at).findFirst()).orElse(null);
        OffsetDateTime lastFailure = trail.flatMap(m -> m.history().stream()
                .filter(e -> e.state() == TrackingState.DEAD_LETTERED || e.state() == TrackingState.QUARANTINED)
                .map(TrackedMessage.Event::at).reduce((a, b) -> b)).orElse(null);
        Map<String, Object> details = new LinkedHashMap<>(flow.details(id, message));
        return new DeadLetter(id, flow.flow(), flow.queue(), text(message.get(Header.KIND)),
                text(message.get(flow.keyHeader())), reason,
                trail.map(TrackedMessage::state).map(Enum::name).orElse(null),
                trail.map(TrackedMessage::attempts).orElse(0), firstFailure, lastFailure, details);
    }

    private static String brokerReason(Map<String, Object> message) {
        return "dead-lettered by the broker: its deliveries from " + message.get(Header.BROKER_ORIGIN_QUEUE)
                + " failed before the gateway could process it, as many times as the broker allows"
                + " (lienthong.broker.max-delivery-attempts)";
    }

    /** The part of a filter the broker applies itself (kind and key); the rest is matched here. */
    private static String selector(FlowDeadLetters flow, DeadLetterFilter filter) {
        List<String> terms = new ArrayList<>();
        if (filter.kind() != null && !filter.kind().isBlank()) {
            terms.add(Header.KIND + " = '" + quoted(filter.kind().toUpperCase(java.util.Locale.ROOT)) + "'");
        }
        if (filter.key() != null && !filter.key().isBlank()) {
            terms.add(flow.keyHeader() + " = '" + quoted(filter.key()) + "'");
        }
        return String.join(" AND ", terms);
    }

    private static String quoted(String value) {
        return value.replace("'", "''");
    }

    /** Merges per-queue listings by the time each was parked, keeping every queue's own order. */
    private static List<DeadLetter> merge(List<List<DeadLetter>> lists, int limit) {
        List<DeadLetter> merged = new ArrayList<>();
        int[] next = new int[lists.size()];
        while (merged.size() < limit) {
            int pick = -1;
            for (int i = 0; i < lists.size(); i++) {
                if (next[i] < lists.get(i).size() && (pick < 0
                        || earlier(lists.get(i).get(next[i]), lists.get(pick).get(next[pick])))) {
                    pick = i;
                }
            }
            if (pick < 0) {
                break;
            }
            merged.add(lists.get(pick).get(next[pick]++));
        }
        return merged;
    }

    private static boolean earlier(DeadLetter a, DeadLetter b) {
        return a.lastFailure() != null && (b.lastFailure() == null || a.lastFailure().isBefore(b.lastFailure()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
