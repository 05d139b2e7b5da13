package vn.lienthong.delivery;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.DestinationReply;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore.DeliveryStart;
import vn.lienthong.tracking.TrackingStore;

/**
 * Writes what happens to a message during delivery into its tracking record. Used by the delivery routes and,
 * as the {@code onRedelivery} processor, by their error handling.
 */
@Component("deliveryTrail")
public class DeliveryTrail implements Processor {

    private static final Logger log = LoggerFactory.getLogger(DeliveryTrail.class);

    private final TrackingStore tracking;

    public DeliveryTrail(TrackingStore tracking) {
        this.tracking = tracking;
    }

    /**
     * A delivery attempt begins. It is written with the attempt's outcome, in the same transaction: DELIVERING
     * shows in the history with its own time, and a message costs one commit on the way out, not two.
     */
    public void delivering(Exchange exchange) {
        Integer redelivered = exchange.getIn().getHeader("JMSXDeliveryCount", Integer.class);
        String detail = redelivered != null && redelivered > 1
                ? "taken from the queue again (delivery " + redelivered + " by the broker)" : null;
        exchange.setProperty(Property.DELIVERY_START, new DeliveryStart(tracking.clock(), detail));
    }

    /** The start of this delivery attempt, once: the first state written after it carries it. */
    public static DeliveryStart takeStart(Exchange exchange) {
        return exchange.removeProperty(Property.DELIVERY_START) instanceof DeliveryStart start ? start : null;
    }

    /** The destination took the message: DELIVERED, with its reply when it gave one ({@link Property#REPLY}). */
    public void delivered(Exchange exchange) {
        DestinationReply reply = exchange.getProperty(Property.REPLY, DestinationReply.class);
        String detail = exchange.getProperty(Property.DETAIL, String.class);
        if (reply == null) {
            tracking.transition(trackingId(exchange), takeStart(exchange), TrackingState.DELIVERED, detail);
        } else {
            tracking.replied(trackingId(exchange), takeStart(exchange), TrackingState.DELIVERED, reply, detail);
        }
    }

    /**
     * The destination refused the message ({@link DestinationRejectedException}): its final state (REJECTED_BY_PORTAL,
     * REJECTED_BY_AXIS) with the destination's reply; not retried.
     */
    public void rejected(Exchange exchange) {
        DestinationRejectedException rejection = rejection(exchange);
        tracking.replied(trackingId(exchange), takeStart(exchange), rejection.state(), rejection.reply(),
                rejection.getMessage());
    }

    /** The refusal being handled, or null when the failure is not a destination's refusal. */
    public static DestinationRejectedException rejection(Exchange exchange) {
        return ObjectHelper.getException(DestinationRejectedException.class,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    /**
     * Called before each in-memory retry: the message stays unacknowledged in the broker meanwhile. Recording the
     * retry is best effort: when tracking storage itself is what failed, the retry goes on without it.
     */
    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer attempt = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        try {
            DeliveryStart start = takeStart(exchange);
            tracking.transition(trackingId(exchange), start, TrackingState.RETRYING,
                    "retry " + attempt + ": " + (cause == null ? "unknown failure" : cause.getMessage()));
        } catch (DataAccessException | TransactionException storageDown) {
            log.warn("could not record retry {} of {}: {}", attempt, trackingId(exchange), storageDown.toString());
        }
    }

    public static String trackingId(Exchange exchange) {
        return exchange.getIn().getHeader(Header.TRACKING_ID, String.class);
    }
}
