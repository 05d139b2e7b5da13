package vn.lienthong.portal;

/** The portal could not be reached or failed: worth retrying later. */
public class PortalUnavailableException extends RuntimeException {

    public PortalUnavailableException(String message) {
        super(message);
    }

    /**
     * The failure underneath is kept as a suppressed exception, not as the cause: error handling matches the deepest
     * cause first (routes/error-handling.yaml), and a connection failure to the portal must be handled as a portal
     * failure (set aside after quick retries), not like the same IOException under a database failure (wait in place).
     */
    public PortalUnavailableException(String message, Throwable underneath) {
        super(message);
        addSuppressed(underneath);
    }
}
