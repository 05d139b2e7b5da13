package vn.lienthong.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The benchmark's reads and switches (actuator, simulator, trails) over java.net.http; the load itself goes through
 * {@link KeepAliveConnection}.
 */
final class BenchHttp {

    static final ObjectMapper JSON = new ObjectMapper();

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
