package vn.lienthong.simulator.dvcqg;

import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One answer of the simulator: an HTTP status and a JSON body. */
public record DvcqgReply(int status, JsonNode body) {

    // explicit charset: clients whose default charset is ASCII must still read Vietnamese text right
    static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);

    /** The portal's protocol answer: HTTP 200 with {@code {"error_code": code, "message": message}}. */
    public static DvcqgReply portal(int errorCode, String message) {
        return new DvcqgReply(200, portalBody(errorCode, message));
    }

    public static ObjectNode portalBody(int errorCode, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        return body;
    }

    /** An answer outside the portal protocol (faults, admin endpoints): {@code {"error": text}}. */
    public static DvcqgReply error(int status, String error) {
        return new DvcqgReply(status, JsonNodeFactory.instance.objectNode().put("error", error));
    }

    public static DvcqgReply ok(JsonNode body) {
        return new DvcqgReply(200, body);
    }

    public ResponseEntity<byte[]> toResponse(DvcqgJson json) {
        return ResponseEntity.status(status).contentType(JSON_UTF8).body(json.write(body));
    }
}
