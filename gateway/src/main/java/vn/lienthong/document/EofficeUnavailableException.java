package vn.lienthong.document;

/** The e-office webhook cannot be reached, timed out or failed on its side: try again later. */
public class EofficeUnavailableException extends RuntimeException {

    public EofficeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
