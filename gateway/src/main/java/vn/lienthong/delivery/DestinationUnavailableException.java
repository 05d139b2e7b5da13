package vn.lienthong.delivery;

/**
 * A destination (the portal, the axis, the e-office) could not be reached or failed on its side: worth retrying later.
 * Retried a few times in place, then set aside per ordering key (routes/error-handling.yaml, delivery-errors).
 *
 * <p>The failure underneath is kept as a suppressed exception, not as the cause: error handling matches the deepest
 * cause first, and a connection failure to a destination must be handled as the destination's failure (set aside after
 * quick retries), not like the same IOException under a database failure (wait in place).
 */
public class DestinationUnavailableException extends RuntimeException {

    private final String destination;

    public DestinationUnavailableException(String destination, String message) {
        super(message);
        this.destination = destination;
    }

    public DestinationUnavailableException(String destination, String message, Throwable underneath) {
        super(message);
        this.destination = destination;
        if (underneath != null) {
            addSuppressed(underneath);
        }
    }

    /** The destination that failed: portal, axis, eoffice. */
    public String destination() {
        return destination;
    }
}
