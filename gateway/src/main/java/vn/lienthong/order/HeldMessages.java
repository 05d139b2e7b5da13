package vn.lienthong.order;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.delivery.DeliveryProperties;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.delivery.DestinationCircuits;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Sets messages aside per destination and ordering key and releases them in their key's order (the queue-delivery
 * routes of routes/templates.yaml and routes/held-messages.yaml), for every flow. A consumer sets a message aside after
 * its quick retries (the destination keeps failing it), or holds it behind an earlier message of its key that is not
 * final; either way the message leaves its queue (acknowledged once it is stored here), so the consumer and every other
 * key go on. The retrier then sends each held key's first message with the backoff of {@code lienthong.delivery}, and
 * the key's next ones right after it succeeds; a destination whose circuit is open is skipped.
 *
 * <p>A first message that outlasts its retries is dead-lettered. A dossier's stays first: the dossier's later messages
 * wait behind it until an operator replays it (progress is never applied out of order). A document's is removed: each
 * of a document's statuses stands on its own (its code and time), so the next ones go on. Other keys are not affected.
 * Bodies are kept in the table, or by {@link HeldBodies} when they are files (documents, in the broker).
 */
@Component("heldMessages")
public class HeldMessages {

    private static final int DUE_BATCH = 100;

    private final HeldMessageStore store;
    private final DeliveryOrder order;
    private final TrackingStore tracking;
    private final DeliveryTrail trail;
    private final DeliveryProperties delivery;
    private final DestinationCircuits circuits;
    private final List<HeldBodies> bodies;
    private final TransactionTemplate tx;
    private final Duration claim;
    private final Clock clock = Clock.systemDefaultZone();

    public HeldMessages(HeldMessageStore store, DeliveryOrder order, TrackingStore tracking, DeliveryTrail trail,
                        DeliveryProperties delivery, PortalProperties portal, DestinationCircuits circuits,
                        List<HeldBodies> bodies, TransactionTemplate tx) {
        this.store = store;
        this.order = order;
        this.tracking = tracking;
        this.trail = trail;
        this.delivery = delivery;
        this.circuits = circuits;
        this.bodies = bodies;
        this.tx = tx;
        // Long enough for one call (an instance taking the retrier over must not send it a second time).
        this.claim = portal.connectTimeout().plus(portal.requestTimeout());
    }

    /** Consumer: an earlier message of its key is held or on its way; this one waits behind it. */
    public void holdBehind(Exchange exchange) {
        HeldMessage message = fromQueue(exchange, 0, now());
        HeldMessage before = store.justBefore(message.destination(), message.key(), message.sequence()).orElse(null);
        String onItsWay = before == null && message.sequence() > 0 && exchange.getIn().getHeader(Header.SEQUENCE) != null
                ? order.earliestOnItsWay(message.key(), message.sequence(), message.kind()) : null;
        String detail = before != null
                ? "held behind " + before.trackingId() + (before.parked() ? " (dead-lettered)" : " (held)")
                : onItsWay != null ? "held behind " + onItsWay + ": an earlier message of the dossier is still on its way"
                : "held behind the held messages of " + message.key();
        hold(exchange, message, null, detail);
    }

    /**
     * Consumer, after its quick retries failed (the exchange holds the message as it was queued): set aside and retried
     * from here with backoff, or dead-lettered ({@link Property#PARK}) when no retries are left.
     */
    public void setAside(Exchange exchange) {
        if (DeliveryStopping.isStopping(exchange)) {
            throw new DeliveryStopping.DeliveryInterruptedException();
        }
        int attempts = 1 + delivery.effectiveInPlaceRetries();
        if (attempts > delivery.maximumRedeliveries()) {
            exchange.setProperty(Property.PARK, true);
            return;
        }
        OffsetDateTime next = now().plus(delivery.heldRetryDelay(attempts));
        hold(exchange, fromQueue(exchange, attempts, next), attempts - 1, "set aside after " + attempts
                + " attempts: " + failure(exchange) + "; next attempt at " + next);
        exchange.setProperty(Property.PARK, false);
    }

    /** Retrier: keys whose first held message is due. */
    public List<HeldMessageStore.Due> due() {
        return store.due(now(), DUE_BATCH);
    }

    /**
     * Retrier: puts the key's first held message on the exchange ({@link Property#HELD}) when it may go now: due, not
     * dead-lettered, every earlier message of its key final, its destination not paused for an outage, and not taken by
     * another retrier. Otherwise {@link Property#HELD} is absent and the key waits for a later run.
     */
    public void takeHead(Exchange exchange) {
        HeldMessageStore.Due due = exchange.getProperty(Property.HELD_KEY, HeldMessageStore.Due.class);
        if (due == null) {
            due = exchange.getIn().getBody(HeldMessageStore.Due.class);
            exchange.setProperty(Property.HELD_KEY, due);
        }
        exchange.removeProperty(Property.HELD);
        exchange.removeProperty(Property.HELD_BODY);
        exchange.removeProperty(Property.REPLY);
        exchange.removeProperty(Property.DETAIL);
        OffsetDateTime now = now();
        HeldMessage head = store.head(due.destination(), due.key()).orElse(null);
        if (head == null || head.parked() || head.nextAttemptAt().isAfter(now)) {
            return;
        }
        if (head.headers().get(Header.SEQUENCE) != null && order.earliestOnItsWay(head.key(), head.sequence(), head.kind()) != null) {
            // Due keys are taken oldest first: one waiting for long must not keep the others out of a run.
            store.postpone(head.trackingId(), now.plus(delivery.heldPollInterval()));
            return;
        }
        if (!circuits.of(head.destination()).allowsCall() || !store.claim(head.trackingId(), now.plus(claim), now)) {
            return;
        }
        if (head.bodyQueue() != null) {
            HeldBodies.Taken body = bodiesIn(head.bodyQueue()).take(head.trackingId(), head.headers(), exchange);
            if (body == null) {
                store.postpone(head.trackingId(), now.plus(delivery.heldPollInterval()));
                return;
            }
            exchange.setProperty(Property.HELD_BODY, body);
        } else {
            restore(exchange, head);
        }
        exchange.setProperty(Property.DESTINATION, head.destination());
        exchange.setProperty(Property.ORDER_KEY, head.key());
        exchange.setProperty(Property.HELD, head);
    }

    /** Retrier: the destination accepted it. Recorded and removed in one transaction; the key's next one may go. */
    public void released(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        tx.executeWithoutResult(status -> {
            trail.delivered(exchange);
            store.delete(head.trackingId());
        });
        heldBody(exchange).ifPresent(HeldBodies.Taken::done);
    }

    /** Retrier: the destination refused it (final, as for any message); the key's next one may go. */
    public void rejected(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        tx.executeWithoutResult(status -> {
            trail.rejected(exchange);
            store.delete(head.trackingId());
        });
        heldBody(exchange).ifPresent(HeldBodies.Taken::done);
    }

    /**
     * Retrier: the message was found bad (final; the error handling recorded it: a quarantined document): removed, the
     * key's next one may go.
     */
    public void removed(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        store.delete(head.trackingId());
        heldBody(exchange).ifPresent(HeldBodies.Taken::done);
    }

    /** Retrier: the attempt failed in a way worth retrying: next attempt later, or {@link Property#PARK} if no more. */
    public void failed(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        if (head == null) {
            // The failure came before a message was taken (tracking storage down): the next run tries again.
            exchange.setProperty(Property.PARK, false);
            return;
        }
        int attempts = head.attempts() + 1;
        boolean exhausted = attempts > delivery.maximumRedeliveries();
        OffsetDateTime next = now().plus(delivery.heldRetryDelay(attempts));
        tx.executeWithoutResult(status -> {
            tracking.held(head.trackingId(), DeliveryTrail.takeStart(exchange), attempts - 1,
                    "attempt " + attempts + " failed: " + failure(exchange)
                            + (exhausted ? "" : "; next attempt at " + next));
            if (!exhausted) {
                store.retryLater(head.trackingId(), attempts, next);
            }
        });
        if (!exhausted) {
            heldBody(exchange).ifPresent(HeldBodies.Taken::again);
        }
        exchange.setProperty(Property.PARK, exhausted);
    }

    /**
     * Retrier: dead-lettered after its retries. A dossier's stays first so that its later messages wait behind it until
     * an operator replays it; a document's is removed (its body is in the dead-letter queue now).
     */
    public void parkedAtHead(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        if (head.bodyQueue() != null) {
            parkedAndRemoved(exchange);
            return;
        }
        tx.executeWithoutResult(status -> {
            store.park(head.trackingId(), head.attempts() + 1);
            for (String waiting : store.behind(head.destination(), head.key(), head.sequence())) {
                tracking.transition(waiting, TrackingState.HELD, "waiting behind dead letter " + head.trackingId()
                        + " until an operator replays it");
            }
        });
    }

    /** Retrier: dead-lettered for a fault retrying cannot fix (as for any message); the key's next one may go. */
    public void parkedAndRemoved(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        if (head != null) {
            store.delete(head.trackingId());
            heldBody(exchange).ifPresent(HeldBodies.Taken::done);
        }
    }

    private void hold(Exchange exchange, HeldMessage message, Integer retries, String detail) {
        tx.executeWithoutResult(status -> {
            if (store.insert(message, now())) {
                tracking.held(message.trackingId(), DeliveryTrail.takeStart(exchange), retries, detail);
            }
        });
        if (message.bodyQueue() != null) {
            // Also when it was held already: a crash may have come between storing its row and its body.
            bodiesIn(message.bodyQueue()).put(exchange);
        }
    }

    private HeldMessage fromQueue(Exchange exchange, int attempts, OffsetDateTime nextAttemptAt) {
        Message in = exchange.getIn();
        Map<String, Object> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (ExchangeNames.isOwn(name) && value != null
                    && (value instanceof String || value instanceof Number || value instanceof Boolean)) {
                headers.put(name, value);
            }
        });
        String destination = exchange.getProperty(Property.DESTINATION, String.class);
        String key = exchange.getProperty(Property.ORDER_KEY, String.class);
        if (key == null || key.isEmpty()) {
            // a message without an ordering key (accepted before it had one) is its own key
            key = in.getHeader(Header.TRACKING_ID, String.class);
        }
        HeldBodies large = bodies.stream().filter(b -> b.keeps(exchange)).findFirst().orElse(null);
        Long sequence = in.getHeader(Header.SEQUENCE, Long.class);
        long place = sequence != null ? sequence
                : large != null ? store.nextPlace(destination, key)
                // accepted before messages had a place in their dossier: ahead of every numbered one
                : 0;
        return new HeldMessage(in.getHeader(Header.TRACKING_ID, String.class), destination, key, place,
                in.getHeader(Header.KIND, String.class), headers, large == null ? in.getBody(String.class) : null,
                large == null ? null : large.queue(), attempts, nextAttemptAt, false);
    }

    private HeldBodies bodiesIn(String queue) {
        return bodies.stream().filter(b -> b.queue().equals(queue)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no held bodies are kept in " + queue));
    }

    private static Optional<HeldBodies.Taken> heldBody(Exchange exchange) {
        return Optional.ofNullable(exchange.getProperty(Property.HELD_BODY, HeldBodies.Taken.class));
    }

    private static void restore(Exchange exchange, HeldMessage message) {
        Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeaders(new LinkedHashMap<>(message.headers()));
        in.setBody(message.body());
        // as a consumer keeps it (vn.lienthong.delivery.QueuedMessage): what a dead letter is made of
        exchange.setProperty(Property.QUEUED_BODY, message.body());
        MessageMdc.put(exchange);
    }

    private static String failure(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return cause == null ? "unknown failure" : cause.getMessage();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
