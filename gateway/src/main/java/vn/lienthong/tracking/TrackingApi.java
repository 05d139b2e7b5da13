package vn.lienthong.tracking;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Answers {@code GET /api/v1/tracking/{trackingId}} and {@code GET /api/v1/dossiers/{MaHoSo}/trail}; who may read which
 * trail is the API front door's to say ({@link TrailReaders}).
 */
@Component("trackingApi")
public class TrackingApi {

    /** The destination whose reply is also shown as {@code portalReply}. */
    private static final String PORTAL = "portal";

    private final TrackingStore store;
    private final ObjectMapper json;
    private final List<TrackingDetails> details;
    private final TrailReaders readers;

    public TrackingApi(TrackingStore store, ObjectMapper json, List<TrackingDetails> details, TrailReaders readers) {
        this.store = store;
        this.json = json;
        this.details = List.copyOf(details);
        this.readers = readers;
    }

    /** One message; a client sees only its own messages, an operator sees every message (received ones too). */
    public void lookup(Exchange exchange) {
        String trackingId = exchange.getIn().getHeader("trackingId", String.class);
        TrackedMessage message = store.find(trackingId)
                .filter(m -> readers.mayRead(exchange, m.clientId()))
                .orElseThrow(() -> readers.noTrail("no message " + trackingId));
        ObjectNode body = describe(message);
        for (TrackingDetails more : details) {
            more.describe(trackingId).ifPresent(section -> body.set(more.section(), json.valueToTree(section)));
        }
        exchange.getIn().setBody(body);
    }

    /** Every message the client sent about one dossier, oldest first; an operator sees every client's. */
    public void trail(Exchange exchange) {
        String maHoSo = exchange.getIn().getHeader("MaHoSo", String.class);
        ObjectNode body = json.createObjectNode().put("MaHoSo", maHoSo);
        ArrayNode messages = body.putArray("messages");
        store.trail(maHoSo).stream().filter(m -> readers.mayRead(exchange, m.clientId()))
                .map(this::describe)
                .forEach(messages::add);
        if (messages.isEmpty()) {
            throw readers.noTrail("no message about dossier " + maHoSo);
        }
        exchange.getIn().setBody(body);
    }

    private ObjectNode describe(TrackedMessage message) {
        ObjectNode node = json.createObjectNode()
                .put("trackingId", message.trackingId())
                .put("clientId", message.clientId())
                .put("kind", message.kind())
                .put("MaHoSo", message.maHoSo())
                .put("unitCode", message.unitCode())
                .put("sequence", message.sequence())
                .put("state", message.state().name())
                .put("attempts", message.attempts())
                .put("acceptedAt", message.acceptedAt().toString());
        ArrayNode history = node.putArray("history");
        message.history().forEach(e -> history.addObject()
                .put("state", e.state().name())
                .put("at", e.at().toString())
                .put("detail", e.detail()));
        DestinationReply reply = message.reply();
        if (reply != null) {
            node.putObject("reply")
                    .put("destination", reply.destination())
                    .put("status", reply.status().name())
                    .put("code", reply.code())
                    .put("message", reply.message());
        } else {
            node.putNull("reply");
        }
        // The portal's reply as dossier clients have read it from the start (an alias of reply, for the portal).
        if (reply != null && PORTAL.equals(reply.destination())) {
            node.putObject("portalReply")
                    .put("error_code", reply.code())
                    .put("message", reply.message());
        } else {
            node.putNull("portalReply");
        }
        return node;
    }
}
