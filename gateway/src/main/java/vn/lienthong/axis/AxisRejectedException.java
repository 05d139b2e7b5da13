package vn.lienthong.axis;

/** The axis refused the request (its ErrorCode and ErrorDesc): sending it again as is will not help. */
public class AxisRejectedException extends RuntimeException {

    private final String errorCode;

    public AxisRejectedException(String errorCode, String description) {
        super("the document axis refused: " + errorCode + " " + description);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
