package vn.lienthong.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The gateway's API as a provincial system calls it. */
public final class GatewayApi {

    public static final String DVCQG_CLIENT_KEY = "demo-dvcqg-key";
    public static final String CANONICAL_CLIENT_KEY = "demo-canonical-key";

    private final String baseUrl;

    public GatewayApi(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Http.Reply postDossier(String apiKey, Object dossier) {
        return post("/api/v1/dossiers", apiKey, Http.bytes(dossier), null);
    }

    public Http.Reply postDossier(String apiKey, Object dossier, String idempotencyKey) {
        return post("/api/v1/dossiers", apiKey, Http.bytes(dossier), idempotencyKey);
    }

    public Http.Reply postProgress(String apiKey, String maHoSo, Object progress) {
        return post("/api/v1/dossiers/" + maHoSo + "/progress", apiKey, Http.bytes(progress), null);
    }

    public Http.Reply post(String path, String apiKey, byte[] body, String idempotencyKey) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (apiKey != null) {
            headers.put("X-API-Key", apiKey);
        }
        if (idempotencyKey != null) {
            headers.put("Idempotency-Key", idempotencyKey);
        }
        return Http.post(baseUrl + path, body, headers);
    }

    public JsonNode tracking(String apiKey, String trackingId) {
        Http.Reply reply = Http.get(baseUrl + "/api/v1/tracking/" + trackingId, Map.of("X-API-Key", apiKey));
        if (reply.status() != 200) {
            throw new AssertionError("tracking " + trackingId + ": HTTP " + reply.status() + " " + reply.text());
        }
        return reply.json();
    }

    public String state(String apiKey, String trackingId) {
        return tracking(apiKey, trackingId).path("state").asText();
    }

    /**
     * Polls the tracking records of {@code accepted} (tracking id → the client key that may read it) until each is in
     * one of {@code finalStates} or {@code within} has passed; returns the last record read of each.
     */
    public Map<String, JsonNode> awaitStates(Map<String, String> accepted, Set<String> finalStates, Duration within) {
        Map<String, String> pending = new HashMap<>(accepted);
        Map<String, JsonNode> records = new HashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        do {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var message = it.next();
                JsonNode record = tracking(message.getValue(), message.getKey());
                records.put(message.getKey(), record);
                if (finalStates.contains(record.path("state").asText())) {
                    it.remove();
                }
            }
        } while (!pending.isEmpty() && System.nanoTime() < deadline);
        return records;
    }

    public Http.Reply trail(String apiKey, String maHoSo) {
        return Http.get(baseUrl + "/api/v1/dossiers/" + maHoSo + "/trail", Map.of("X-API-Key", apiKey));
    }
}
