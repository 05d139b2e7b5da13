package vn.lienthong.deadletter;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.tracking.TrackedMessage;
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
        if (DeliveryStopping.isStopping(exchange)) {
            // Retries stop when the gateway stops: the message goes back to the broker (rollback), not to a
            // dead-letter queue, and is delivered after the restart.
            throw new DeliveryStopping.DeliveryInterruptedException();
        }
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String trackingId = DeliveryTrail.trackingId(exchange);
        // The message is the one originally queued (ready for a replay): its retries are counted in tracking.
        int retries = tracking.find(trackingId).map(TrackedMessage::attempts).orElse(0);
        String reason = (cause == null ? "unknown failure" : cause.getMessage())
                + (retries == 0 ? "" : " (after " + retries + " retries)");
        exchange.getIn().setHeader(Header.DEAD_LETTER_REASON, reason);
        tracking.transition(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.DEAD_LETTERED, reason);
    }
}
