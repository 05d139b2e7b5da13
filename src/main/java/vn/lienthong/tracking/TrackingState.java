package vn.lienthong.tracking;

/** The one status model of a message, shared by the code, the database, the API and the console. */
public enum TrackingState {
    /** Checked and being stored: not yet confirmed by the broker (the client has no 202 yet). */
    RECEIVED,
    /** Durably stored in the broker; the client got 202. */
    ACCEPTED,
    /** A consumer is sending it to its destination. */
    DELIVERING,
    /** The destination was unreachable or failed; it is retried with backoff while it stays in the broker. */
    RETRYING,
    /**
     * Set aside in the gateway's held messages (vn.lienthong.held), out of the queue's way: the portal kept failing
     * it (retried with backoff), or an earlier message of its dossier is not final yet (it waits behind it).
     */
    HELD,
    /** The destination confirmed it. */
    DELIVERED,
    /** The national portal refused it for a business reason; not retried. */
    REJECTED_BY_PORTAL,
    /** Parked in a dead-letter queue with its reason, for an operator. */
    DEAD_LETTERED;

    public boolean isFinal() {
        return this == DELIVERED || this == REJECTED_BY_PORTAL || this == DEAD_LETTERED;
    }
}
