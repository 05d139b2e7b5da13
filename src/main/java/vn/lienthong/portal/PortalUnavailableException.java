package vn.lienthong.portal;

/** The portal could not be reached or failed: worth retrying later. */
public class PortalUnavailableException extends RuntimeException {

    public PortalUnavailableException(String message) {
        super(message);
    }

    public PortalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
