package vn.lienthong.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.support.Http;

/** Calls the console over real HTTP as a browser page or a script would: Jolokia requests, Hawtio's login form. */
final class ConsoleCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    ConsoleCalls(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** A Jolokia request posted to {@code /actuator/jolokia} with these headers; the HTTP reply. */
    Http.Reply jolokia(Map<String, ?> request, Map<String, String> headers) {
        return send("POST", "/actuator/jolokia", json(request), headers);
    }

    /** Executes an operation as {@code authorization}; the Jolokia answer (its {@code status} is 200 or 403). */
    JsonNode exec(String authorization, String mbean, String operation, Object... arguments) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("type", "exec");
        request.put("mbean", mbean);
        request.put("operation", operation);
        request.put("arguments", java.util.Arrays.asList(arguments));
        Http.Reply reply = jolokia(request, Map.of("Authorization", authorization));
        if (reply.status() != 200) {
            throw new AssertionError("Jolokia answered HTTP " + reply.status() + ": " + reply.text());
        }
        return reply.json();
    }

    JsonNode read(String authorization, String mbean, String attribute) {
        Http.Reply reply = jolokia(Map.of("type", "read", "mbean", mbean, "attribute", attribute),
                Map.of("Authorization", authorization));
        return reply.json();
    }

    /** The names of the MBeans matching a pattern, searched as an admin. */
    List<String> search(String authorization, String pattern) {
        JsonNode found = jolokia(Map.of("type", "search", "mbean", pattern), Map.of("Authorization", authorization))
                .json().get("value");
        return JSON.convertValue(found, JSON.getTypeFactory().constructCollectionType(List.class, String.class));
    }

    Http.Reply send(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
