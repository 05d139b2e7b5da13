package vn.lienthong.axis;

/** The axis cannot be reached, timed out or failed on its side: try again later. */
public class AxisUnavailableException extends RuntimeException {

    public AxisUnavailableException(String message) {
        super(message);
    }

    public AxisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code what} failed because of {@code cause}, said in one line: its kind and its text, no stack trace. */
    public static AxisUnavailableException failed(String what, Throwable cause) {
        String text = cause.getMessage();
        return new AxisUnavailableException(what + ": " + cause.getClass().getSimpleName()
                + (text == null || text.isBlank() ? "" : ": " + text), cause);
    }
}
