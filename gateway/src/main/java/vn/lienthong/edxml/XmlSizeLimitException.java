package vn.lienthong.edxml;

import java.io.IOException;

/**
 * An input was over a configured size limit (its bytes, or the attributes on one element); thrown from inside the
 * parser's read.
 */
public class XmlSizeLimitException extends IOException {

    private final long limit;

    public XmlSizeLimitException(long limit) {
        super("the document is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public XmlSizeLimitException(String message, long limit) {
        super(message);
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
