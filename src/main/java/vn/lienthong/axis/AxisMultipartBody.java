package vn.lienthong.axis;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The multipart/form-data body of {@code /sendEdoc}: a {@code header} part (JSON) and a {@code file} part read from the
 * edXML file while it is sent, so a 70 MB document is never held in memory. Its length is known, so it goes out with
 * a Content-Length rather than chunked.
 */
final class AxisMultipartBody {

    private static final String CRLF = "\r\n";

    private final String boundary = "lienthong-axis-" + UUID.randomUUID();
    private final BodyPublisher publisher;

    AxisMultipartBody(String headerJson, Path edxml) throws FileNotFoundException {
        String head = "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"header\"" + CRLF
                + "Content-Type: application/json" + CRLF + CRLF
                + headerJson + CRLF
                + "--" + boundary + CRLF
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename(edxml) + "\"" + CRLF
                + "Content-Type: application/xml" + CRLF + CRLF;
        String tail = CRLF + "--" + boundary + "--" + CRLF;
        this.publisher = BodyPublishers.concat(BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                BodyPublishers.ofFile(edxml), BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    BodyPublisher publisher() {
        return publisher;
    }

    /** The file's name reduced to characters every multipart parser reads the same way. */
    private static String filename(Path edxml) {
        return edxml.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
