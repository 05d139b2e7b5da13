package vn.lienthong.http;

/** No OAuth2 token could be had: the caller's call cannot be made now (its destination counts as unavailable). */
public class OAuth2TokenException extends RuntimeException {

    public OAuth2TokenException(String message) {
        super(message);
    }

    public OAuth2TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
