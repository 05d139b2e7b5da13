package vn.lienthong.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Real HTTP to a simulator for its tests: JSON calls, and {@code multipart/form-data} bodies whose files are streamed
 * from disk (a 20 MiB file never sits whole in the test's memory either).
 */
public final class SimulatorHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public SimulatorHttp(String base) {
        this.base = base;
    }

    public record Reply(int status, String contentType, byte[] body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + new String(body, StandardCharsets.UTF_8), e);
            }
        }
    }

    /** A multipart body being built: JSON parts and file parts, in order. */
    public static final class Multipart {
        private final String boundary = "----lienthong-" + UUID.randomUUID();
        private final List<BodyPublisher> parts = new ArrayList<>();

        public Multipart json(String name, Object value) {
            try {
                byte[] json = value instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(value);
                parts.add(BodyPublishers.ofString(header(name, null, "application/json; charset=UTF-8"),
                        StandardCharsets.UTF_8));
                parts.add(BodyPublishers.ofByteArray(json));
                parts.add(BodyPublishers.ofString("\r\n"));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Multipart file(String fileName, String contentType, Path content) {
            try {
                parts.add(BodyPublishers.ofString(header("file", fileName, contentType), StandardCharsets.UTF_8));
                parts.add(BodyPublishers.ofFile(content));
                parts.add(BodyPublishers.ofString("\r\n"));
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        BodyPublisher body() {
            List<BodyPublisher> all = new ArrayList<>(parts);
            all.add(BodyPublishers.ofString("--" + boundary + "--\r\n"));
            return BodyPublishers.concat(all.toArray(BodyPublisher[]::new));
        }

        private String header(String name, String fileName, String contentType) {
            return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
                    + "\r\nContent-Type: " + contentType + "\r\n\r\n";
        }
    }

    public static Multipart multipart() {
        return new Multipart();
    }

    public Reply post(String path, Multipart multipart) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", multipart.contentType())
                .POST(multipart.body()).build());
    }

    /** POSTs JSON (a tree, or bytes as they are), with extra headers as name, value pairs. */
    public Reply postJson(String path, Object body, String... headers) {
        try {
            byte[] json = body instanceof byte[] bytes ? bytes : JSON.writeValueAsBytes(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(BodyPublishers.ofByteArray(json));
            if (headers.length > 0) {
                request.headers(headers);
            }
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply putJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(body)).build());
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    /** GETs a URL and hashes the body as it streams in: {status, sha256 (or null unless 200), size}. */
    public Object[] sha256Of(String url) {
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    in.readAllBytes();
                    return new Object[] {response.statusCode(), null, 0L};
                }
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buffer = new byte[64 * 1024];
                long size = 0;
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    digest.update(buffer, 0, read);
                    size += read;
                }
                return new Object[] {200, HexFormat.of().formatHex(digest.digest()), size};
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = http.send(request, BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
