package vn.lienthong.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.stereotype.Component;

/**
 * Reads a posted JSON body: {@code Content-Type} JSON (415 otherwise), {@code Content-Encoding} absent, identity or
 * gzip (415 for any other; 400 when a "gzip" body is not gzip), and at most {@code lienthong.ingress.max-body-size}
 * bytes once decoded (413), so a small compressed body cannot unpack into gigabytes. The body becomes bytes.
 */
@Component
public class JsonRequestBody {

    static final String CONTENT_ENCODING = "Content-Encoding";

    private final long maxBodyBytes;

    public JsonRequestBody(IngressProperties properties) {
        this.maxBodyBytes = properties.maxBodySize().toBytes();
    }

    public void read(Exchange exchange) throws IOException {
        Message in = exchange.getIn();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isJson(contentType)) {
            throw new IngressRefusedException(415, "", "Content-Type must be application/json, not "
                    + (contentType == null ? "absent" : contentType));
        }
        gzipEncoded(exchange);
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodyBytes) {
            throw tooLarge();
        }
        InputStream body = in.getBody(InputStream.class);
        in.setBody(body == null ? new byte[0] : readBounded(decoded(exchange, body)));
    }

    /**
     * True when the client sent {@code Content-Encoding: gzip}; false for none or identity; 415 for any other encoding.
     */
    public static boolean gzipEncoded(Exchange exchange) {
        return gzip(contentEncoding(exchange));
    }

    /**
     * The body as the client meant it: gunzipped on the way when it said {@code Content-Encoding: gzip} (a body that is
     * not gzip data is 400, when it is first read or later), else as it is. The reader bounds what it reads.
     */
    public static InputStream decoded(Exchange exchange, InputStream body) throws IOException {
        if (!gzipEncoded(exchange)) {
            return body;
        }
        try {
            return new GzipBody(body);
        } catch (ZipException | java.io.EOFException e) {
            throw notGzip(e);
        }
    }

    /** As the client sent it: {@link ContentEncodingFilter} set it aside so that Camel would not decode the body. */
    private static String contentEncoding(Exchange exchange) {
        HttpMessage http = exchange.getIn(HttpMessage.class);
        Object received = http == null ? null : http.getRequest().getAttribute(ContentEncodingFilter.RECEIVED);
        return received != null ? received.toString() : exchange.getIn().getHeader(CONTENT_ENCODING, String.class);
    }

    private static boolean gzip(String encoding) {
        if (encoding == null || encoding.isBlank() || encoding.trim().equalsIgnoreCase("identity")) {
            return false;
        }
        if (encoding.trim().toLowerCase(Locale.ROOT).equals("gzip")) {
            return true;
        }
        throw new IngressRefusedException(415, "", "Content-Encoding " + printable(encoding)
                + " is not supported: send the body as it is, or gzip-compressed with Content-Encoding: gzip");
    }

    private static IngressRefusedException notGzip(IOException e) {
        return new IngressRefusedException(400, "", "Content-Encoding is gzip but the body is not gzip data ("
                + e.getMessage() + ")");
    }

    /** A gzip stream whose format errors, wherever they show, are the client's: 400. */
    private static final class GzipBody extends GZIPInputStream {

        GzipBody(InputStream in) throws IOException {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (ZipException | java.io.EOFException e) {
                throw notGzip(e);
            }
        }
    }

    private byte[] readBounded(InputStream body) throws IOException {
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private IngressRefusedException tooLarge() {
        return new IngressRefusedException(413, "", "body larger than " + maxBodyBytes + " bytes");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    /** A header value quoted back to the client without control characters. */
    private static String printable(String value) {
        String cut = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
