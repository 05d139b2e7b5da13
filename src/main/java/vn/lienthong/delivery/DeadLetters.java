package vn.lienthong.delivery;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Prepares a message that cannot be delivered for its dead-letter queue: the reason goes into a header and into
 * tracking. The route then sends it to the queue, so nothing is dropped.
 */
@Component("deadLetters")
public class DeadLetters {

    private final TrackingStore tracking;

    public DeadLetters(TrackingStore tracking) {
        this.tracking = tracking;
    }

    public void park(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Integer attempts = exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class);
        String reason = (cause == null ? "unknown failure" : cause.getMessage())
                + (attempts == null || attempts == 0 ? "" : " (after " + attempts + " retries)");
        exchange.getIn().setHeader(MessageHeaders.DEAD_LETTER_REASON, reason);
        tracking.transition(DeliveryTrail.trackingId(exchange), TrackingState.DEAD_LETTERED, reason);
    }
}
