package vn.lienthong.simulator.axis;

/**
 * A call the axis refuses in its protocol: answered {@code {"status":"FAIL","ErrorCode":code,"ErrorDesc":...}} by the
 * JSON transport and Status FAIL by the SOAP one. The codes follow HTTP's meanings.
 */
public class AxisRefusal extends RuntimeException {

    public static final String INVALID = "400";
    public static final String UNAUTHORIZED = "401";
    public static final String FORBIDDEN = "403";
    public static final String NOT_FOUND = "404";
    public static final String ALREADY_ACKNOWLEDGED = "409";
    public static final String CLOSED = "410";

    private final String errorCode;

    public AxisRefusal(String errorCode, String description) {
        super(description);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public String description() {
        return getMessage();
    }

    static AxisRefusal invalid(String description) {
        return new AxisRefusal(INVALID, description);
    }

    static AxisRefusal unauthorized() {
        return new AxisRefusal(UNAUTHORIZED, "Sai thông tin xác thực systemid/secret (invalid credentials)");
    }

    static AxisRefusal notFound(String description) {
        return new AxisRefusal(NOT_FOUND, description);
    }
}
