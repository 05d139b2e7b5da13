package vn.lienthong.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A province's LGSP as the gateway meets it, on a socket of its own: an OAuth2 token endpoint ({@code /token},
 * client-credentials grant) and, on every other path, a gateway in front of the national systems that lets a call
 * through to {@code upstream} only with a bearer token it issued and has not revoked (HTTP 401 otherwise). It records
 * what reached it.
 */
public final class LgspStub implements AutoCloseable {

    public static final String CLIENT_ID = "lienthong-h31";
    public static final String CLIENT_SECRET = "lgsp-secret-7f3a9c";

    /** One request to the token endpoint: its headers (lower-case names) and form. */
    public record TokenRequest(Map<String, String> headers, Map<String, String> form) {
    }

    /** One call let through or refused: its path and the Authorization it carried. */
    public record Call(String path, String authorization, int status) {
    }

    private final HttpServer server;
    private final String upstream;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger issued = new AtomicInteger();
    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile long expiresIn = 3600;

    public LgspStub(String upstream) throws IOException {
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/token", this::token);
        server.createContext("/", this::proxy);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI tokenUrl() {
        return URI.create(url() + "/token");
    }

    /** The lifetime of the tokens issued from now on, in seconds. */
    public void expiresIn(long seconds) {
        this.expiresIn = seconds;
    }

    /** Every token issued so far is refused from now on (as after a key rotation at the LGSP). */
    public void revokeAll() {
        valid.clear();
    }

    public int tokensIssued() {
        return issued.get();
    }

    public List<TokenRequest> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
        Map<String, String> form = new LinkedHashMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        tokenRequests.add(new TokenRequest(headers, form));
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        boolean authenticated = basic.equals(headers.get("authorization"))
                || (CLIENT_ID.equals(form.get("client_id")) && CLIENT_SECRET.equals(form.get("client_secret")));
        if (!"client_credentials".equals(form.get("grant_type")) || !authenticated) {
            answer(exchange, 401, "application/json",
                    "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}");
            return;
        }
        String token = "lgsp-token-" + issued.incrementAndGet();
        valid.add(token);
        answer(exchange, 200, "application/json", "{\"access_token\":\"" + token
                + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}");
    }

    private void proxy(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (authorization == null || !authorization.startsWith("Bearer ")
                || !valid.contains(authorization.substring("Bearer ".length()))) {
            calls.add(new Call(path, authorization, 401));
            answer(exchange, 401, "application/json", "{\"fault\":\"invalid or missing bearer token\"}");
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(upstream + path))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!Set.of("authorization", "host", "content-length", "connection", "transfer-encoding", "expect",
                    "upgrade").contains(name.toLowerCase())) {
                values.forEach(value -> forward.header(name, value));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            calls.add(new Call(path, authorization, response.statusCode()));
            answer(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/octet-stream"), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 502, "text/plain", "interrupted");
        }
    }

    private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        answer(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
