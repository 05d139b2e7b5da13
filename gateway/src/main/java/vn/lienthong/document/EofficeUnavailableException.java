package vn.lienthong.document;

import vn.lienthong.delivery.DestinationUnavailableException;

/** The e-office webhook cannot be reached, timed out or failed on its side: try again later. */
public class EofficeUnavailableException extends DestinationUnavailableException {

    public EofficeUnavailableException(String message, Throwable underneath) {
        super("eoffice", message, underneath);
    }
}
