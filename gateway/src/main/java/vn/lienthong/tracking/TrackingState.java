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
    /** The document axis refused it (its error code and description are recorded); not retried. */
    REJECTED_BY_AXIS,
    /** Parked in a dead-letter queue with its reason, for an operator. */
    DEAD_LETTERED,
    /**
     * A document received from the axis that cannot be processed (not well-formed, unsafe, invalid, bad signature):
     * kept in the document dead-letter queue with its reason for an operator to re-process, and the axis told "fail".
     */
    QUARANTINED,
    /**
     * Refused back to its sender by an operator: a quarantined dossier of the national portal, which the portal now
     * shows as not accepted (TrangThaiHoSo 3, with the operator's reason); not delivered.
     */
    REFUSED;

    public boolean isFinal() {
        return this == DELIVERED || this == REJECTED_BY_PORTAL || this == REJECTED_BY_AXIS || this == DEAD_LETTERED
                || this == QUARANTINED || this == REFUSED;
    }
}
