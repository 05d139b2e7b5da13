package vn.lienthong.deadletter;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.broker.GatewayQueues;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.delivery.DeliveryStopping;
import vn.lienthong.delivery.DeliveryTrail;
import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.Flow;
import vn.lienthong.tracking.TrackedMessage;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Prepares a message that cannot be delivered for its dead-letter queue: the reason goes into a header and into
 * tracking, and its flow's dead-letter queue ({@code lienthong.queues.<flow>-dead-letter}) into
 * {@link Property#DEAD_LETTER_QUEUE}. The route then sends it to the queue (routes/error-handling.yaml, dead-letter and
 * quarantine), so nothing is dropped.
 */
@Component("deadLetters")
public class DeadLetters {

    private final TrackingStore tracking;
    private final GatewayQueues queues;

    public DeadLetters(TrackingStore tracking, GatewayQueues queues) {
        this.tracking = tracking;
        this.queues = queues;
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
        exchange.setProperty(Property.DEAD_LETTER_QUEUE, deadLetterQueue(exchange));
        tracking.transition(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.DEAD_LETTERED, reason);
    }

    /**
     * A message that cannot go on as it is (found bad, or refused by its destination for a reason of its own):
     * QUARANTINED with the reason (and the destination's reply), for an operator to replay once fixed or to refuse.
     */
    public void quarantine(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown problem" : cause.getMessage();
        String trackingId = DeliveryTrail.trackingId(exchange);
        exchange.getIn().setHeader(Header.DEAD_LETTER_REASON, reason);
        exchange.setProperty(Property.DEAD_LETTER_QUEUE, deadLetterQueue(exchange));
        if (cause instanceof DestinationRejectedException rejected) {
            tracking.replied(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.QUARANTINED,
                    rejected.reply(), reason);
        } else {
            tracking.transition(trackingId, DeliveryTrail.takeStart(exchange), TrackingState.QUARANTINED, reason);
        }
    }

    /** The dead-letter queue of the message's flow (by its kind). */
    private String deadLetterQueue(Exchange exchange) {
        String kind = exchange.getIn().getHeader(Header.KIND, String.class);
        Flow flow = kind == null ? Flow.DOSSIER : Flow.of(MessageKind.valueOf(kind));
        return queues.name(flow.tag() + "-dead-letter");
    }
}
