package vn.lienthong.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's reads and switches (actuator, simulator, trails) over java.net.http; the load itself goes through
 * {@link KeepAliveConnection}.
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The default run's operator (HTTP Basic, a {@code {noop}} password: no hashing per request): the gateway's
     * actuator endpoints but health, info and prometheus need a login.
     */
    static final Map<String, String> OPERATOR = Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
            .encodeToString("demo-operator:demo-operator-password".getBytes(StandardCharsets.UTF_8)));

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    record Reply(int status, byte[] body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + text(), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Throws IOException when the request did not get an answer (refused, reset, timed out). */
    Reply get(String url, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    Reply put(String url, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST whose body comes from {@code body} (e.g. streamed from a file), with a long timeout for big bodies. */
    Reply post(String url, Map<String, String> headers, HttpRequest.BodyPublisher body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5))
                .POST(body);
        headers.forEach(request::header);
        return send(request);
    }

    /** What a download wrote: the status, and for a 200 the size and SHA-256 of the body. */
    record Download(int status, long size, String sha256) {
    }

    /**
     * A GET streamed to {@code file}, hashed on the way (SHA-256) as the gateway spools a file; a non-200 answer's body
     * is not kept.
     */
    Download download(String url, Path file) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    in.transferTo(OutputStream.nullOutputStream());
                    return new Download(response.statusCode(), 0, null);
                }
                MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                        64 * 1024), sha256)) {
                    size = in.transferTo(out);
                }
                return new Download(200, size, HexFormat.of().formatHex(sha256.digest()));
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** A GET that must answer 200 with JSON. */
    JsonNode getJson(String url, Map<String, String> headers) {
        try {
            Reply reply = get(url, headers);
            if (reply.status() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + reply.status() + ": " + reply.text());
            }
            return reply.json();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        }
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
