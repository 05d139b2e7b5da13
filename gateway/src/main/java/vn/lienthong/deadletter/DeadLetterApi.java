package vn.lienthong.deadletter;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.broker.BrokerManagement.BrokerUnavailableException;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;

/**
 * Answers the operators' dead-letter calls under {@code /api/v1/dead-letters}, every flow's together, and the
 * documents' older paths under {@code /api/v1/documents/dead-letters} (aliases: the same listing restricted to the
 * document flow, the same replay) (see routes/dead-letters.yaml).
 */
@Component("deadLetterApi")
public class DeadLetterApi {

    private static final int DEFAULT_LIMIT = 100;

    private final DeadLetterOperations deadLetters;
    private final ObjectMapper json;

    public DeadLetterApi(DeadLetterOperations deadLetters, ObjectMapper json) {
        this.deadLetters = deadLetters;
        this.json = json;
    }

    /** Query: {@code flow}, {@code kind}, {@code key} (or its alias {@code MaHoSo}), {@code reasonContains}, {@code limit}. */
    public void list(Exchange exchange) {
        Message in = exchange.getIn();
        list(exchange, in.getHeader("flow", String.class));
    }

    /** The alias {@code GET /documents/dead-letters}: the document flow's dead letters. */
    public void listDocuments(Exchange exchange) {
        list(exchange, "document");
    }

    public void get(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        DeadLetter letter = available(() -> deadLetters.find(id)).orElseThrow(() -> notParked(id));
        exchange.getIn().setBody(describe(letter));
    }

    public void replay(Exchange exchange) {
        exchange.getIn().setBody(replayOne(exchange, "replayed"));
    }

    /** The alias {@code POST /documents/dead-letters/{id}/reprocess}: a replay, answered as before. */
    public void reprocess(Exchange exchange) {
        exchange.getIn().setBody(replayOne(exchange, "reprocessed"));
    }

    /** Body (optional): {@code {"flow", "kind", "key" (or "MaHoSo"), "reasonContains"}}. */
    public void replayAll(Exchange exchange) throws Exception {
        byte[] raw = exchange.getIn().getBody(byte[].class);
        JsonNode filter = raw == null || raw.length == 0 ? json.createObjectNode() : readFilter(raw);
        String key = filter.hasNonNull("key") ? filter.path("key").asText() : filter.path("MaHoSo").asText(null);
        DeadLetterFilter wanted = new DeadLetterFilter(filter.path("flow").asText(null),
                filter.path("kind").asText(null), key, filter.path("reasonContains").asText(null));
        List<String> ids = available(() -> deadLetters.replayAll(wanted, ClientGate.client(exchange).id()));
        ObjectNode body = json.createObjectNode().put("replayed", ids.size());
        ArrayNode list = body.putArray("ids");
        ids.forEach(list::add);
        exchange.getIn().setBody(body);
    }

    private void list(Exchange exchange, String flow) {
        Message in = exchange.getIn();
        String key = in.getHeader("key", String.class);
        DeadLetterFilter filter = new DeadLetterFilter(flow, in.getHeader("kind", String.class),
                key != null ? key : in.getHeader("MaHoSo", String.class), in.getHeader("reasonContains", String.class));
        Integer limit = in.getHeader("limit", Integer.class);
        ObjectNode body = json.createObjectNode();
        ArrayNode letters = body.putArray("deadLetters");
        available(() -> deadLetters.list(filter, limit == null || limit <= 0 ? DEFAULT_LIMIT : limit))
                .forEach(l -> letters.add(describe(l)));
        in.setBody(body);
    }

    private ObjectNode replayOne(Exchange exchange, String verb) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (!available(() -> deadLetters.replay(id, ClientGate.client(exchange).id()))) {
            throw notParked(id);
        }
        ObjectNode body = json.createObjectNode().put(verb, 1);
        body.putArray("ids").add(id);
        return body;
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

    /** The common fields, then the flow's own ({@link DeadLetter#details()}). */
    private ObjectNode describe(DeadLetter letter) {
        ObjectNode node = json.createObjectNode()
                .put("id", letter.id())
                .put("flow", letter.flow())
                .put("queue", letter.queue())
                .put("kind", letter.kind())
                .put("key", letter.key())
                .put("reason", letter.reason())
                .put("state", letter.state())
                .put("attempts", letter.attempts())
                .put("firstFailure", letter.firstFailure() == null ? null : letter.firstFailure().toString())
                .put("lastFailure", letter.lastFailure() == null ? null : letter.lastFailure().toString());
        for (Map.Entry<String, Object> detail : letter.details().entrySet()) {
            node.set(detail.getKey(), json.valueToTree(detail.getValue()));
        }
        return node;
    }

    /** A broker that cannot be asked now: 503, the operator tries again. */
    private static <T> T available(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (BrokerUnavailableException e) {
            throw new IngressRefusedException(503, "", "the broker cannot list dead letters right now, try again: "
                    + e.getMessage());
        }
    }

    private static IngressRefusedException notParked(String id) {
        return new IngressRefusedException(404, "", "no dead letter " + id);
    }
}
