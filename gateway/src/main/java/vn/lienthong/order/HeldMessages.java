package vn.lienthong.order;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.delivery.DeliveryProperties;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.portal.PortalCircuit;
import vn.lienthong.portal.PortalProperties;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Sets messages aside per dossier and releases them in their dossier's order (routes/dossier-delivery.yaml and
 * routes/held-messages.yaml). A consumer sets a message aside after its quick retries (the portal keeps failing it),
 * or holds it behind an earlier message of its dossier that is not final; either way the message leaves the broker
 * (acknowledged once it is stored here), so the consumer and every other dossier go on. The retrier then sends each
 * held dossier's first message with the backoff of {@code lienthong.delivery}, and the dossier's next ones right after
 * it succeeds. A first message that outlasts its retries is dead-lettered and stays first: the dossier's later messages
 * wait behind it until an operator replays it (never applied out of order); other dossiers are not affected.
 */
@Component("heldMessages")
public class HeldMessages {

    private static final int DUE_BATCH = 100;

    private final HeldMessageStore store;
    private final DossierOrder order;
    private final TrackingStore tracking;
    private final DeliveryTrail trail;
    private final DeliveryProperties delivery;
    private final PortalCircuit circuit;
    private final TransactionTemplate tx;
    private final Duration claim;
    private final Clock clock = Clock.systemDefaultZone();

    public HeldMessages(HeldMessageStore store, DossierOrder order, TrackingStore tracking, DeliveryTrail trail,
                        DeliveryProperties delivery, PortalProperties portal, PortalCircuit circuit,
                        TransactionTemplate tx) {
        this.store = store;
        this.order = order;
        this.tracking = tracking;
        this.trail = trail;
        this.delivery = delivery;
        this.circuit = circuit;
        this.tx = tx;
        // Long enough for one portal call (an instance taking the retrier over must not send it a second time).
        this.claim = portal.connectTimeout().plus(portal.requestTimeout());
    }

    /** Consumer: an earlier message of the dossier is held or on its way; this one waits behind it. */
    public void holdBehind(Exchange exchange) {
        HeldMessage message = fromQueue(exchange, 0, now());
        HeldMessage before = store.justBefore(message.maHoSo(), message.sequence()).orElse(null);
        String detail = before != null
                ? "held behind " + before.trackingId() + (before.parked() ? " (dead-lettered)" : " (held)")
                : "held behind " + order.earliestOnItsWay(message.maHoSo(), message.sequence())
                + ": an earlier message of the dossier is still on its way";
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

    /** Retrier: dossiers whose first held message is due. */
    public List<String> dueDossiers() {
        return store.dueDossiers(now(), DUE_BATCH);
    }

    /**
     * Retrier: puts the dossier's first held message on the exchange ({@link Property#HELD}) when it may go now: due,
     * not dead-lettered, every earlier message of the dossier final, the portal not paused for an outage, and not taken
     * by another retrier. Otherwise {@link Property#HELD} is absent and the dossier waits for a later run.
     */
    public void takeHead(Exchange exchange) {
        String maHoSo = exchange.getProperty(Property.HELD_DOSSIER, String.class);
        if (maHoSo == null) {
            maHoSo = exchange.getIn().getBody(String.class);
            exchange.setProperty(Property.HELD_DOSSIER, maHoSo);
        }
        exchange.removeProperty(Property.HELD);
        exchange.removeProperty(Property.REPLY);
        exchange.removeProperty(Property.DETAIL);
        OffsetDateTime now = now();
        HeldMessage head = store.head(maHoSo).orElse(null);
        if (head == null || head.parked() || head.nextAttemptAt().isAfter(now)) {
            return;
        }
        if (order.earliestOnItsWay(maHoSo, head.sequence()) != null) {
            // Due dossiers are taken oldest first: one waiting for long must not keep the others out of a run.
            store.postpone(head.trackingId(), now.plus(delivery.heldPollInterval()));
            return;
        }
        if (!circuit.allowsCall() || !store.claim(head.trackingId(), now.plus(claim), now)) {
            return;
        }
        restore(exchange, head);
        exchange.setProperty(Property.HELD, head);
    }

    /** Retrier: the portal accepted it. Recorded and removed in one transaction; the dossier's next one may go. */
    public void released(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        tx.executeWithoutResult(status -> {
            trail.delivered(exchange);
            store.delete(head.trackingId());
        });
    }

    /** Retrier: the portal refused it (final, as for any message); the dossier's next one may go. */
    public void rejected(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        tx.executeWithoutResult(status -> {
            trail.rejected(exchange);
            store.delete(head.trackingId());
        });
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
        exchange.setProperty(Property.PARK, exhausted);
    }

    /** Retrier, before dead-lettering: the message as it was queued, ready for a replay. */
    public void restore(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        if (head != null) {
            restore(exchange, head);
        }
    }

    /** Retrier: dead-lettered after its retries; it stays first so that its dossier's later messages wait behind it. */
    public void parkedAtHead(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        tx.executeWithoutResult(status -> {
            store.park(head.trackingId(), head.attempts() + 1);
            for (String waiting : store.behind(head.maHoSo(), head.sequence())) {
                tracking.transition(waiting, TrackingState.HELD, "waiting behind dead letter " + head.trackingId()
                        + " until an operator replays it");
            }
        });
    }

    /** Retrier: dead-lettered for a fault retrying cannot fix (as for any message); the dossier's next one may go. */
    public void parkedAndRemoved(Exchange exchange) {
        HeldMessage head = exchange.getProperty(Property.HELD, HeldMessage.class);
        if (head != null) {
            store.delete(head.trackingId());
        }
    }

    private void hold(Exchange exchange, HeldMessage message, Integer retries, String detail) {
        tx.executeWithoutResult(status -> {
            if (store.insert(message, now())) {
                tracking.held(message.trackingId(), DeliveryTrail.takeStart(exchange), retries, detail);
            }
        });
    }

    private HeldMessage fromQueue(Exchange exchange, int attempts, OffsetDateTime nextAttemptAt) {
        Message in = exchange.getIn();
        Map<String, Object> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (ExchangeNames.isOwn(name) && value != null) {
                headers.put(name, value);
            }
        });
        Long sequence = in.getHeader(Header.SEQUENCE, Long.class);
        return new HeldMessage(in.getHeader(Header.TRACKING_ID, String.class),
                in.getHeader(Header.MA_HO_SO, String.class),
                // accepted before messages had a place in their dossier: ahead of every numbered one
                sequence == null ? 0 : sequence,
                in.getHeader(Header.KIND, String.class), headers, in.getBody(String.class), attempts,
                nextAttemptAt, false);
    }

    private static void restore(Exchange exchange, HeldMessage message) {
        Message in = exchange.getIn();
        in.removeHeaders("*");
        in.setHeaders(new LinkedHashMap<>(message.headers()));
        in.setBody(message.body());
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
