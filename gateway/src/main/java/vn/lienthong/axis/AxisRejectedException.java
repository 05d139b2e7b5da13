package vn.lienthong.axis;

import vn.lienthong.delivery.DestinationRejectedException;
import vn.lienthong.metrics.Destination;
import vn.lienthong.tracking.TrackingState;

/** The axis refused the request (its ErrorCode and ErrorDesc): sending it again as is will not help. */
public class AxisRejectedException extends DestinationRejectedException {

    public AxisRejectedException(String errorCode, String description) {
        super(Destination.AXIS.tag(), errorCode, description, TrackingState.REJECTED_BY_AXIS,
                "the document axis refused: " + errorCode + " " + description);
    }
}
