package vn.lienthong.portal;

import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.metrics.Destination;
import vn.lienthong.tracking.TrackingState;

/**
 * The portal answered and refused the message for a business reason (its error_code and message): retrying would not
 * help.
 */
public class PortalRejectedException extends DestinationRejectedException {

    public PortalRejectedException(String errorCode, String portalMessage) {
        super(Destination.PORTAL.tag(), errorCode, portalMessage, TrackingState.REJECTED_BY_PORTAL,
                "portal refused it: error_code " + errorCode + ": " + portalMessage);
    }
}
