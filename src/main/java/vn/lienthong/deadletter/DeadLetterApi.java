package vn.lienthong.deadletter;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;

/** Answers the operators' dead-letter calls under {@code /api/v1/dead-letters} (see routes/dead-letters.yaml). */
@Component("deadLetterApi")
public class DeadLetterApi {

    private static final int DEFAULT_LIMIT = 100;

    private final DeadLetterQueue queue;
    private final ObjectMapper json;

    public DeadLetterApi(DeadLetterQueue queue, ObjectMapper json) {
        this.queue = queue;
        this.json = json;
    }

    public void list(Exchange exchange) {
        Message in = exchange.getIn();
        DeadLetterFilter filter = new DeadLetterFilter(in.getHeader("kind", String.class),
                in.getHeader("MaHoSo", String.class), in.getHeader("reasonContains", String.class));
        Integer limit = in.getHeader("limit", Integer.class);
        ObjectNode body = json.createObjectNode();
        ArrayNode letters = body.putArray("deadLetters");
        queue.list(filter, limit == null || limit <= 0 ? DEFAULT_LIMIT : limit).forEach(l -> letters.add(describe(l)));
        in.setBody(body);
    }

    public void get(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        exchange.getIn().setBody(describe(queue.find(id).orElseThrow(() -> notParked(id))));
    }

    public void replay(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (!queue.replay(id, ClientGate.client(exchange).id())) {
            throw notParked(id);
        }
        exchange.getIn().setBody(json.createObjectNode().put("replayed", 1).set("ids", json.createArrayNode().add(id)));
    }

    /** Body (optional): {@code {"kind": ..., "MaHoSo": ..., "reasonContains": ...}}. */
    public void replayAll(Exchange exchange) throws Exception {
        byte[] raw = exchange.getIn().getBody(byte[].class);
        JsonNode filter = raw == null || raw.length == 0 ? json.createObjectNode() : readFilter(raw);
        List<String> ids = queue.replayAll(new DeadLetterFilter(filter.path("kind").asText(null),
                filter.path("MaHoSo").asText(null), filter.path("reasonContains").asText(null)),
                ClientGate.client(exchange).id());
        ObjectNode body = json.createObjectNode().put("replayed", ids.size());
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        exchange.getIn().setBody(body);
    }

    private JsonNode readFilter(byte[] raw) throws java.io.IOException {
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw new IngressRefusedException(400, "", "the filter must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IngressRefusedException(400, "", "the filter is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private ObjectNode describe(DeadLetter letter) {
        return json.createObjectNode()
                .put("id", letter.id())
                .put("queue", letter.queue())
                .put("kind", letter.kind())
                .put("MaHoSo", letter.maHoSo())
                .put("reason", letter.reason())
                .put("attempts", letter.attempts())
                .put("firstFailure", letter.firstFailure() == null ? null : letter.firstFailure().toString())
                .put("lastFailure", letter.lastFailure() == null ? null : letter.lastFailure().toString())
                .put("heldBehind", letter.heldBehind());
    }

    private static IngressRefusedException notParked(String id) {
        return new IngressRefusedException(404, "", "no dead letter " + id);
    }
}
