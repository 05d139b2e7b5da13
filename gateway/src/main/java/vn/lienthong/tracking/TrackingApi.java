package vn.lienthong.tracking;

import java.util.List;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;

/** Answers {@code GET /api/v1/tracking/{trackingId}} and {@code GET /api/v1/dossiers/{MaHoSo}/trail}. */
@Component("trackingApi")
public class TrackingApi {

    private final TrackingStore store;
    private final ObjectMapper json;
    private final List<TrackingDetails> details;

    public TrackingApi(TrackingStore store, ObjectMapper json, List<TrackingDetails> details) {
        this.store = store;
        this.json = json;
        this.details = List.copyOf(details);
    }

    /** One message; a client sees only its own messages, an operator sees every message (received ones too). */
    public void lookup(Exchange exchange) {
        String trackingId = exchange.getIn().getHeader("trackingId", String.class);
        ClientSystem client = ClientGate.client(exchange);
        TrackedMessage message = store.find(trackingId)
                .filter(m -> client.isOperator() || m.clientId().equals(client.id()))
                .orElseThrow(() -> new IngressRefusedException(404, "", "no message " + trackingId));
        ObjectNode body = describe(message);
        for (TrackingDetails more : details) {
            more.describe(trackingId).ifPresent(section -> body.set(more.section(), json.valueToTree(section)));
        }
        exchange.getIn().setBody(body);
    }

    /** Every message the client sent about one dossier, oldest first; an operator sees every client's. */
    public void trail(Exchange exchange) {
        String maHoSo = exchange.getIn().getHeader("MaHoSo", String.class);
        ClientSystem client = ClientGate.client(exchange);
        ObjectNode body = json.createObjectNode().put("MaHoSo", maHoSo);
        ArrayNode messages = body.putArray("messages");
        store.trail(maHoSo).stream().filter(m -> client.isOperator() || m.clientId().equals(client.id()))
                .map(this::describe)
                .forEach(messages::add);
        if (messages.isEmpty()) {
            throw new IngressRefusedException(404, "", "no message about dossier " + maHoSo);
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
        if (message.portalErrorCode() != null || message.portalMessage() != null) {
            node.putObject("portalReply")
                    .put("error_code", message.portalErrorCode())
                    .put("message", message.portalMessage());
        } else {
            node.putNull("portalReply");
        }
        return node;
    }
}
