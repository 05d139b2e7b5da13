package vn.lienthong.edxml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with {@link XmlSizeLimitException} as soon as more than the limit is read: an endless body costs nothing. */
final class SizeLimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;
    private long mark;

    SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public synchronized void mark(int readlimit) {
        super.mark(readlimit);
        mark = count;
    }

    @Override
    public synchronized void reset() throws IOException {
        super.reset();
        count = mark;
    }

    private void count(long n) throws XmlSizeLimitException {
        count += n;
        if (count > limit) {
            throw new XmlSizeLimitException(limit);
        }
    }
}
