package vn.lienthong.axis;

import vn.lienthong.delivery.DestinationUnavailableException;

/** The axis cannot be reached, timed out or failed on its side: try again later. */
public class AxisUnavailableException extends DestinationUnavailableException {

    public AxisUnavailableException(String message) {
        super("axis", message);
    }

    public AxisUnavailableException(String message, Throwable underneath) {
        super("axis", message, underneath);
    }

    /** {@code what} failed because of {@code cause}, said in one line: its kind and its text, no stack trace. */
    public static AxisUnavailableException failed(String what, Throwable cause) {
        String text = cause.getMessage();
        return new AxisUnavailableException(what + ": " + cause.getClass().getSimpleName()
                + (text == null || text.isBlank() ? "" : ": " + text), cause);
    }
}
