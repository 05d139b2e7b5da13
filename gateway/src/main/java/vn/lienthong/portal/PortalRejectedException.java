package vn.lienthong.portal;

/** The portal answered and refused the message for a business reason: retrying would not help. */
public class PortalRejectedException extends RuntimeException {

    private final String errorCode;
    private final String portalMessage;

    public PortalRejectedException(String errorCode, String portalMessage) {
        super("portal refused it: error_code " + errorCode + ": " + portalMessage);
        this.errorCode = errorCode;
        this.portalMessage = portalMessage;
    }

    public String errorCode() {
        return errorCode;
    }

    public String portalMessage() {
        return portalMessage;
    }
}
