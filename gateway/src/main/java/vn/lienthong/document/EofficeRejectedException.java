package vn.lienthong.document;

/** The e-office refused the document (HTTP 4xx): delivering it again as it is will not help. */
public class EofficeRejectedException extends RuntimeException {

    public EofficeRejectedException(String message) {
        super(message);
    }
}
