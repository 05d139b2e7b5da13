package vn.lienthong.simulator.axis;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One JSON answer of the axis simulator: an HTTP status and a body. */
public record AxisReply(int status, JsonNode body) {

    // explicit charset: clients whose default charset is ASCII must still read Vietnamese text right
    static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code {"status":"OK","ErrorCode":"0","ErrorDesc":""}}, to add the call's own fields to. */
    public static ObjectNode okBody() {
        return JsonNodeFactory.instance.objectNode().put("status", "OK").put("ErrorCode", "0").put("ErrorDesc", "");
    }

    public static AxisReply ok(JsonNode body) {
        return new AxisReply(200, body);
    }

    /** The axis's protocol refusal: HTTP 200 (unless told otherwise) with {@code {"status":"FAIL",...}}. */
    public static AxisReply fail(int httpStatus, String errorCode, String description) {
        return new AxisReply(httpStatus, JsonNodeFactory.instance.objectNode().put("status", "FAIL")
                .put("ErrorCode", errorCode).put("ErrorDesc", description));
    }

    public static AxisReply fail(AxisRefusal refusal) {
        return fail(200, refusal.errorCode(), refusal.description());
    }

    public ResponseEntity<byte[]> toResponse() {
        try {
            return ResponseEntity.status(status).contentType(JSON_UTF8).body(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON tree", e); // plain nodes always serialise
        }
    }

    /** The request body as JSON: an empty body is {@code {}}. */
    static JsonNode read(byte[] body) {
        if (body == null || body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node == null ? JsonNodeFactory.instance.objectNode() : node;
        } catch (java.io.IOException e) {
            String detail = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw AxisRefusal.invalid("JSON không hợp lệ (invalid JSON): " + detail);
        }
    }

    static ObjectMapper mapper() {
        return JSON;
    }
}
