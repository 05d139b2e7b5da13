package vn.lienthong.ingress;

import java.util.List;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.Problem;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * Writes every HTTP answer of the API. It starts from no headers at all, so request headers are never echoed.
 */
@Component("ingressReply")
public class IngressReply {

    private static final Logger log = LoggerFactory.getLogger(IngressReply.class);
    public static final String TRACKING_PATH = "/api/v1/tracking/";
    /** Most problems one refusal lists (errorCount says how many there are). */
    public static final int MAX_LISTED_PROBLEMS = 100;

    private final ObjectMapper json;

    public IngressReply(ObjectMapper json) {
        this.json = json;
    }

    /** 202 once the message is durably stored (or was already, for a repeated idempotency key). */
    public void accepted(Exchange exchange) throws JsonProcessingException {
        String trackingId = exchange.getIn().getHeader(Header.TRACKING_ID, String.class);
        ObjectNode body = json.createObjectNode().put("trackingId", trackingId).put("status", "ACCEPTED");
        write(exchange, 202, body);
        exchange.getMessage().setHeader("Location", TRACKING_PATH + trackingId);
        if (Boolean.TRUE.equals(exchange.getProperty(Property.REPEATED, Boolean.class))) {
            exchange.getMessage().setHeader("Idempotent-Replayed", "true");
        }
    }

    /**
     * 202 for an array of dossiers once all of them are stored: {@code {"items": [{"trackingId","status"}...]}} in
     * the array's order (also for an array of one: the answer's shape follows the request's).
     */
    public void acceptedItems(Exchange exchange) throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        ArrayNode items = body.putArray("items");
        for (Acceptance.Item item : Acceptance.items(exchange)) {
            items.addObject().put("trackingId", item.registration().trackingId()).put("status", "ACCEPTED");
        }
        write(exchange, 202, body);
        if (Boolean.TRUE.equals(exchange.getProperty(Property.REPEATED, Boolean.class))) {
            exchange.getMessage().setHeader("Idempotent-Replayed", "true");
        }
    }

    /** 200 with a JSON document, or with the {@link Text} an answer chose (e.g. CSV for {@code Accept: text/csv}). */
    public void ok(Exchange exchange) throws JsonProcessingException {
        if (exchange.getIn().getBody() instanceof Text text) {
            Message out = exchange.getMessage();
            out.removeHeaders("*");
            out.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            out.setHeader(Exchange.CONTENT_TYPE, text.contentType());
            out.setBody(text.content().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        write(exchange, 200, exchange.getIn().getBody());
    }

    /** An answer that is not JSON: its content type (with its charset, UTF-8) and its text. */
    public record Text(String contentType, String content) {
    }

    /** The answer for a request refused before acceptance: its status and every problem found. */
    public void refused(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (cause instanceof IngressRefusedException refused) {
            problems(exchange, refused.status(), refused.problems());
        } else if (cause instanceof InvalidMessageException invalid) {
            problems(exchange, 400, invalid.problems());
        } else {
            unexpected(exchange);
        }
    }

    /** The broker or tracking storage is down: nothing was accepted, the client may try again. */
    public void storageUnavailable(Exchange exchange) throws JsonProcessingException {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        log.error("could not store or track a message; answered 503: {}", cause == null ? null : cause.toString());
        problems(exchange, 503, List.of(new Problem("", "the gateway cannot store messages right now; "
                + "nothing was accepted, try again later")));
        exchange.getMessage().setHeader("Retry-After", "5");
    }

    /** A fault of the gateway, never of the client's input: logged with a reference the client can quote. */
    public void unexpected(Exchange exchange) throws JsonProcessingException {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected failure, reference {}", reference,
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
        problems(exchange, 500, List.of(new Problem("", "internal error, reference " + reference)));
    }

    /**
     * {@code {"errors": [...], "errorCount": n}}: the first {@value #MAX_LISTED_PROBLEMS} problems and how many there
     * are, so a cheap request cannot make the gateway write an answer hundreds of times its size.
     */
    private void problems(Exchange exchange, int status, List<Problem> problems) throws JsonProcessingException {
        ObjectNode body = json.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        problems.stream().limit(MAX_LISTED_PROBLEMS)
                .forEach(p -> errors.addObject().put("path", p.path()).put("message", p.message()));
        body.put("errorCount", problems.size());
        write(exchange, status, body);
    }

    private void write(Exchange exchange, int status, Object body) throws JsonProcessingException {
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        out.setBody(json.writeValueAsBytes(body));
    }
}
