package vn.lienthong.axis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.http.MultipartBody;
import vn.lienthong.http.OAuth2TokenClient;
import vn.lienthong.http.OAuth2TokenException;
import vn.lienthong.metrics.Destination;
import vn.lienthong.metrics.DestinationCalls;

/**
 * The axis's JSON/HTTP transport: every call is a POST to {@code base-url/<call>} with the {@code systemid} and
 * {@code secret} headers, answered {@code {"status":"OK"|"FAIL","ErrorCode","ErrorDesc",...}}. Files travel streamed
 * both ways: the upload is read from its file while it is sent, the download written to disk as it arrives.
 * Behind a province's LGSP every call also carries an OAuth2 bearer token, asked for again once when a call is
 * answered HTTP 401.
 * <p>
 * An answer FAIL, or an HTTP 4xx, is the axis refusing ({@link AxisRejectedException}); no answer, a timeout, HTTP
 * 5xx, 408, 429 or an answer that is not the protocol's is the axis being unavailable ({@link
 * AxisUnavailableException}).
 */
public class AxisJsonTransport implements AxisTransport {

    private static final Logger log = LoggerFactory.getLogger(AxisJsonTransport.class);

    /** Enough of a refusal's body to read its ErrorCode and ErrorDesc, whatever a broken server sends. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;

    private final AxisProperties properties;
    private final ObjectMapper json;
    private final String baseUrl;
    private final HttpClient http;
    /** The LGSP's bearer tokens when the axis is behind one (lienthong.axis.oauth2), else null. */
    private final OAuth2TokenClient tokens;
    private final DestinationCalls calls;

    public AxisJsonTransport(AxisProperties properties, ObjectMapper json) {
        this(properties, json, DestinationCalls.NONE);
    }

    public AxisJsonTransport(AxisProperties properties, ObjectMapper json, DestinationCalls calls) {
        this.properties = properties;
        this.json = json;
        this.calls = calls;
        this.tokens = properties.oauth2().enabled()
                ? new OAuth2TokenClient(properties.oauth2(), json, Clock.systemUTC()) : null;
        String url = properties.baseUrl().toString();
        this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    @Override
    public String send(Path edxml, AxisMessageKind kind) {
        MultipartBody body = new MultipartBody()
                .text("header", "application/json", json.createObjectNode().put("servicetype", "eDoc")
                        .put("messagetype", kind.wire()).toString())
                .file("file", AxisFiles.existing(edxml).getFileName().toString(), "application/xml", edxml);
        HttpRequest request = request("sendEdoc")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        HttpResponse<byte[]> response = exchange("sendEdoc", request, BodyHandlers.ofByteArray());
        String docId = answer("sendEdoc", response.statusCode(), response.body()).path("DocID").asText("");
        if (docId.isBlank()) {
            throw new AxisUnavailableException("axis sendEdoc answered OK without a DocID");
        }
        log.info("sent {} {} to the document axis: DocID {}", kind.wire(), edxml.getFileName(), docId);
        return docId;
    }

    @Override
    public List<AxisInboxItem> received() {
        JsonNode reply = call("getReceivedEdocList", json.createObjectNode());
        List<AxisInboxItem> items = new ArrayList<>();
        try {
            for (JsonNode item : reply.path("data")) {
                items.add(new AxisInboxItem(item.path("DocID").asText(),
                        AxisMessageKind.fromWire(item.path("messagetype").asText()),
                        text(item, "FromOrganId"), text(item, "ToOrganId"), text(item, "DocumentId"),
                        item.hasNonNull("created") ? OffsetDateTime.parse(item.get("created").asText()) : null));
            }
        } catch (RuntimeException e) {
            throw AxisUnavailableException.failed("axis getReceivedEdocList answered an item the gateway cannot read",
                    e);
        }
        return items;
    }

    @Override
    public void fetch(String docId, Path target) {
        HttpResponse<InputStream> response = exchange("getEdoc",
                jsonRequest("getEdoc", json.createObjectNode().put("DocID", docId)), BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            // a refusal is JSON even with HTTP 200 (e.g. a wrong secret); the file is application/xml
            if (response.statusCode() == 200 && !isJson(response)) {
                AxisFiles.save(in, target);
                return;
            }
            answer("getEdoc", response.statusCode(), in.readNBytes(MAX_ERROR_BYTES));
        } catch (IOException e) {
            throw AxisUnavailableException.failed("axis getEdoc of DocID " + docId + " failed while the file arrived",
                    e);
        }
        throw new AxisUnavailableException("axis getEdoc answered OK without the file of DocID " + docId);
    }

    @Override
    public void acknowledge(String docId, String organId, AxisAck ack, String reason) {
        ObjectNode body = json.createObjectNode().put("DocID", docId).put("status", ack.wire());
        if (reason != null) {
            body.put("reason", reason);
        }
        if (organId != null) {
            body.put("OrganId", organId);
        }
        call("updateStatus", body);
    }

    @Override
    public List<AxisAgency> agencies() {
        JsonNode reply = call("getAgenciesList", json.createObjectNode());
        List<AxisAgency> agencies = new ArrayList<>();
        for (JsonNode agency : reply.path("data")) {
            agencies.add(new AxisAgency(text(agency, "OrganId"), text(agency, "OrganName"),
                    agency.path("Active").asBoolean(true)));
        }
        return agencies;
    }

    /** A call with a JSON body and a JSON answer: the answer when it is OK. */
    private JsonNode call(String operation, ObjectNode body) {
        HttpResponse<byte[]> response = exchange(operation, jsonRequest(operation, body), BodyHandlers.ofByteArray());
        return answer(operation, response.statusCode(), response.body());
    }

    private HttpRequest jsonRequest(String operation, ObjectNode body) {
        try {
            return request(operation)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e); // plain nodes always serialise
        }
    }

    private HttpRequest.Builder request(String operation) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/" + operation))
                .timeout(properties.requestTimeout())
                .header("systemid", properties.systemId())
                .header("secret", properties.secret());
    }

    private <T> HttpResponse<T> exchange(String operation, HttpRequest request, BodyHandler<T> handler) {
        if (tokens == null) {
            return send(operation, request, handler);
        }
        String bearer = bearer(operation);
        HttpResponse<T> response = send(operation, withBearer(request, bearer), handler);
        if (response.statusCode() != 401) {
            return response;
        }
        discard(response);
        log.info("the axis's LGSP refused the OAuth2 token (HTTP 401 to {}); asking for a new one", operation);
        tokens.refused(bearer);
        response = send(operation, withBearer(request, bearer(operation)), handler);
        if (response.statusCode() == 401) {
            discard(response);
            throw new AxisUnavailableException("the axis's LGSP refused a fresh OAuth2 token (HTTP 401 to "
                    + operation + ")");
        }
        return response;
    }

    private String bearer(String operation) {
        try {
            return tokens.authorization();
        } catch (OAuth2TokenException e) {
            throw new AxisUnavailableException("no OAuth2 token for axis " + operation + ": " + e.getMessage(), e);
        }
    }

    /** The same request (its body can be sent again: a byte array or a file) with the token. */
    private static HttpRequest withBearer(HttpRequest request, String bearer) {
        return HttpRequest.newBuilder(request, (name, value) -> !name.equalsIgnoreCase("Authorization"))
                .header("Authorization", bearer).build();
    }

    private static void discard(HttpResponse<?> response) {
        if (response.body() instanceof InputStream in) {
            try {
                in.close();
            } catch (IOException ignored) {
                // a refusal's body: nothing in it is needed
            }
        }
    }

    private <T> HttpResponse<T> send(String operation, HttpRequest request, BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        } catch (IOException e) {
            calls.failed(Destination.AXIS, "unreachable", "axis " + operation + " at " + request.uri() + " failed: " + e);
            throw AxisUnavailableException.failed("axis " + operation + " at " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxisUnavailableException("interrupted while calling axis " + operation, e);
        }
        int status = response.statusCode();
        if (status >= 500 || status == 408 || status == 429) {
            calls.failed(Destination.AXIS, status, "axis " + operation + " answered HTTP " + status);
        } else {
            calls.answered(Destination.AXIS, status);
        }
        return response;
    }

    /**
     * The protocol's answer when it is OK.
     *
     * @throws AxisRejectedException    FAIL, or HTTP 4xx (but 408 and 429)
     * @throws AxisUnavailableException HTTP 5xx, 408, 429, or not the protocol's answer
     */
    private JsonNode answer(String operation, int status, byte[] body) {
        JsonNode reply = parse(body);
        String errorCode = reply == null ? null : text(reply, "ErrorCode");
        String errorDesc = reply == null ? null : text(reply, "ErrorDesc");
        if (status >= 500 || status == 408 || status == 429) {
            throw new AxisUnavailableException("axis " + operation + " answered HTTP " + status
                    + (errorDesc == null ? "" : ": " + errorDesc));
        }
        if (status >= 400) {
            throw new AxisRejectedException(errorCode == null ? String.valueOf(status) : errorCode,
                    errorDesc == null ? "HTTP " + status + " to " + operation : errorDesc);
        }
        if (status / 100 != 2 || reply == null || !reply.isObject()) {
            throw new AxisUnavailableException("axis " + operation + " answered something that is not its protocol "
                    + "(HTTP " + status + ")");
        }
        String outcome = reply.path("status").asText("");
        if (outcome.equalsIgnoreCase("OK")) {
            return reply;
        }
        if (outcome.equalsIgnoreCase("FAIL")) {
            throw new AxisRejectedException(errorCode, errorDesc);
        }
        throw new AxisUnavailableException("axis " + operation + " answered an unknown status '" + outcome + "'");
    }

    private JsonNode parse(byte[] body) {
        try {
            return body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            return null; // an HTML error page from a proxy, say: the HTTP status decides
        }
    }

    private static boolean isJson(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("json");
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
