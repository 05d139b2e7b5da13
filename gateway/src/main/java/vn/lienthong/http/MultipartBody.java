package vn.lienthong.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A multipart/form-data body for java.net.http whose file parts are streamed from disk, never read whole (documents
 * reach 70 MB). Every part's length is known, so it goes out with a Content-Length rather than chunked. Used for the
 * axis's {@code /sendEdoc} and the e-office webhook.
 */
public final class MultipartBody {

    private final String boundary = "lienthong-" + UUID.randomUUID();
    private final List<BodyPublisher> parts = new ArrayList<>();

    public MultipartBody text(String name, String contentType, String value) {
        parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n" + value + "\r\n", StandardCharsets.UTF_8));
        return this;
    }

    public MultipartBody file(String name, String fileName, String contentType, Path file) {
        parts.add(BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"; filename=\"" + quoted(fileName) + "\"\r\nContent-Type: " + contentType + "\r\n\r\n",
                StandardCharsets.UTF_8));
        try {
            parts.add(BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("the spooled file " + file + " is gone", e);
        }
        parts.add(BodyPublishers.ofString("\r\n"));
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
    }

    /** File names travel UTF-8 in the quoted filename (what servlet containers read); quotes and line breaks cannot. */
    private static String quoted(String fileName) {
        return fileName.replace("\"", "'").replace("\r", " ").replace("\n", " ");
    }
}
