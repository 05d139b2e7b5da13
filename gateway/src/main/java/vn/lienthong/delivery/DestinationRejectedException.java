package vn.lienthong.delivery;

import vn.lienthong.tracking.DestinationReply;
import vn.lienthong.tracking.TrackingState;

/**
 * A destination answered and refused the message for a reason of its own (its code and message): sending it again as
 * it is will not help. The trail keeps the refusal as the destination's reply.
 */
public class DestinationRejectedException extends RuntimeException {

    private final String destination;
    private final String code;
    private final String replyMessage;
    private final TrackingState state;

    /**
     * @param destination  {@code portal}, {@code axis}, {@code eoffice} (vn.lienthong.metrics.Destination)
     * @param code         the destination's code for the refusal
     * @param replyMessage what the destination said
     * @param state        the final state the refusal leaves the message in
     * @param description  the refusal in a sentence, for the trail's history and the log
     */
    protected DestinationRejectedException(String destination, String code, String replyMessage, TrackingState state,
                                           String description) {
        super(description);
        this.destination = destination;
        this.code = code;
        this.replyMessage = replyMessage;
        this.state = state;
    }

    public String destination() {
        return destination;
    }

    public String code() {
        return code;
    }

    public String replyMessage() {
        return replyMessage;
    }

    /** The final state the refusal leaves the message in (REJECTED_BY_PORTAL, REJECTED_BY_AXIS, QUARANTINED). */
    public TrackingState state() {
        return state;
    }

    /** The refusal as the trail keeps it. */
    public DestinationReply reply() {
        return DestinationReply.rejected(destination, code, replyMessage);
    }
}
