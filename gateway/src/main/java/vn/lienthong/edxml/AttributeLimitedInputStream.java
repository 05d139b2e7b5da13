package vn.lienthong.edxml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the attributes of each start tag (namespace declarations included: every {@code =} outside a quoted value)
 * as the bytes stream by, and stops at more than the limit. The count has to come before the parser: the JDK's
 * parser handles one element's namespace declarations in quadratic time (50,000 on one element: over a second; the
 * 80 MB allowed would be hours). Linear, byte-level and deliberately rough: comments and CDATA are not told apart,
 * which can only over-count a pseudo-tag written inside them.
 */
final class AttributeLimitedInputStream extends FilterInputStream {

    private enum State { TEXT, TAG_OPEN, TAG, QUOTED, OTHER_MARKUP }

    private final int maxAttributes;
    private State state = State.TEXT;
    private int quote;
    private int attributes;

    AttributeLimitedInputStream(InputStream in, int maxAttributes) {
        super(in);
        this.maxAttributes = maxAttributes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            see(buffer[i] & 0xFF);
        }
        return n;
    }

    private void see(int b) throws XmlSizeLimitException {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.TAG_OPEN;
                }
            }
            case TAG_OPEN -> {
                attributes = 0;
                state = b == '!' || b == '?' ? State.OTHER_MARKUP : b == '>' ? State.TEXT : State.TAG;
            }
            case TAG -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    state = State.QUOTED;
                } else if (b == '>') {
                    state = State.TEXT;
                } else if (b == '=' && ++attributes > maxAttributes) {
                    throw new XmlSizeLimitException(XmlProblems.attributesExceeded(maxAttributes), maxAttributes);
                }
            }
            case QUOTED -> {
                if (b == quote) {
                    state = State.TAG;
                }
            }
            case OTHER_MARKUP -> {
                if (b == '>') {
                    state = State.TEXT;
                }
            }
        }
    }
}
