package vn.lienthong.portal;

import vn.lienthong.delivery.DestinationUnavailableException;

/** The portal could not be reached or failed: worth retrying later. */
public class PortalUnavailableException extends DestinationUnavailableException {

    public PortalUnavailableException(String message) {
        super("portal", message);
    }

    public PortalUnavailableException(String message, Throwable underneath) {
        super("portal", message, underneath);
    }
}
