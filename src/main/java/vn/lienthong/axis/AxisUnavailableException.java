package vn.lienthong.axis;

/** The axis cannot be reached, timed out or failed on its side: try again later. */
public class AxisUnavailableException extends RuntimeException {

    public AxisUnavailableException(String message) {
        super(message);
    }

    public AxisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
