package vn.lienthong.metrics;

import vn.lienthong.tracking.StateChange;
import vn.lienthong.tracking.TrackingState;

/** What happened to a message, as counted in {@code lienthong_messages_total{outcome}} and logged once each. */
public enum Outcome {
    ACCEPTED, DELIVERED, REJECTED, HELD, DEAD_LETTERED, QUARANTINED, REPLAYED;

    private final String tag = name().toLowerCase(java.util.Locale.ROOT);

    public String tag() {
        return tag;
    }

    /**
     * The outcome a recorded state change is, or null when it is none (a retry, a message held again while it already
     * was). A message leaving a dead-letter queue or quarantine is replayed, whatever state it enters.
     */
    public static Outcome of(StateChange change) {
        TrackingState from = change.from();
        boolean fromParked = from == TrackingState.DEAD_LETTERED || from == TrackingState.QUARANTINED;
        return switch (change.to()) {
            case ACCEPTED -> fromParked ? REPLAYED : from == TrackingState.RECEIVED ? ACCEPTED : null;
            case HELD -> fromParked ? REPLAYED : from == TrackingState.HELD ? null : HELD;
            case DELIVERED -> DELIVERED;
            case REJECTED_BY_PORTAL, REJECTED_BY_AXIS, REFUSED -> REJECTED;
            case DEAD_LETTERED -> DEAD_LETTERED;
            case QUARANTINED -> QUARANTINED;
            case RECEIVED, DELIVERING, RETRYING -> null;
        };
    }
}
