package vn.lienthong.document;

import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.metrics.Destination;
import vn.lienthong.tracking.TrackingState;

/**
 * The e-office refused the document (HTTP 4xx, with its answer): delivering it again as it is will not help. The
 * document is quarantined (the axis is told "fail").
 */
public class EofficeRejectedException extends DestinationRejectedException {

    public EofficeRejectedException(int status, String answer) {
        super(Destination.EOFFICE.tag(), String.valueOf(status), answer, TrackingState.QUARANTINED,
                "the e-office refused it: HTTP " + status + " " + answer);
    }
}
