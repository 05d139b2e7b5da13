package vn.lienthong.national;

import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.tracking.TrackingState;

/**
 * The one-stop system refused the dossier (HTTP 4xx, with its answer): sending it again as it is will not help. It is
 * quarantined for an operator (replayed once fixed, or refused back to the portal), its answer the trail's reply.
 */
public class OneStopRejectedException extends DestinationRejectedException {

    public OneStopRejectedException(String oneStop, int status, String answer) {
        super(OneStopDelivery.DESTINATION, String.valueOf(status), answer, TrackingState.QUARANTINED,
                "the one-stop system " + oneStop + " refused it: HTTP " + status + " " + answer);
    }
}
