package vn.lienthong.portal;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lienthong.metrics.Destination;
import vn.lienthong.tracking.DestinationReply;

/** The portal's answer to one call: {@code {"error_code": ..., "message": ...}}. */
public record PortalReply(String errorCode, String message, JsonNode body) {

    static PortalReply of(JsonNode body) {
        JsonNode code = body.path("error_code");
        return new PortalReply(code.isMissingNode() || code.isNull() ? null : code.asText(),
                body.path("message").asText(null), body);
    }

    /** The portal took the message: its answer as the trail keeps it. */
    DestinationReply accepted() {
        return DestinationReply.accepted(Destination.PORTAL.tag(), errorCode, message);
    }
}
