package vn.lienthong.national;

import vn.lienthong.delivery.DestinationUnavailableException;

/** The one-stop system cannot be reached, timed out or failed on its side: try again later. */
public class OneStopUnavailableException extends DestinationUnavailableException {

    public OneStopUnavailableException(String message, Throwable underneath) {
        super(OneStopDelivery.DESTINATION, message, underneath);
    }
}
