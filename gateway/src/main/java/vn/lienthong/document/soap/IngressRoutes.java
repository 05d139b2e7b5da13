package vn.lienthong.document.soap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.document.soap.contract.Problem;
import vn.lienthong.document.soap.contract.Refusal;
import vn.lienthong.document.soap.contract.RefusalFault;
import vn.lienthong.ingress.ClientGate;

/**
 * Hands a SOAP call to its route ({@code routes/document-ingress.yaml}, {@code routes/tracking.yaml}) and reads the
 * route's answer as the REST API would send it ({@code ingressReply}): the JSON body of a 2xx, or a {@link RefusalFault} carrying the status and
 * every problem of a refusal. The routes do all the work (authentication, checks, acceptance); this class only
 * changes the shape of the request and of the answer.
 */
class IngressRoutes {

    private static final Logger log = LoggerFactory.getLogger(IngressRoutes.class);

    private final ProducerTemplate producer;
    private final ObjectMapper json;

    IngressRoutes(ProducerTemplate producer, ObjectMapper json) {
        this.producer = producer;
        this.json = json;
    }

    /**
     * Runs the route {@code routeId} (consuming from {@code direct:<routeId>}) on this thread with the caller's API key
     * and what {@code request} sets; its 2xx JSON answer.
     * <p>
     * The exchange is marked as coming from that route. Camel's unit of work keeps a copy of an exchange's first
     * message when any route uses {@code useOriginalMessage} (the gateway's own routes do not; a deployed one may),
     * and for an exchange of unknown origin it caches a stream body in memory to make that copy: a 70 MB attachment
     * would land in the heap. From a route with {@code streamCache: "false"} the stream is left alone, to be read once
     * by the route.
     */
    JsonNode call(String routeId, String apiKey, Consumer<Message> request) throws RefusalFault {
        Exchange reply = producer.send("direct:" + routeId, exchange -> {
            exchange.getExchangeExtension().setFromRouteId(routeId);
            Message in = exchange.getIn();
            if (apiKey != null) {
                in.setHeader(ClientGate.API_KEY_HEADER, apiKey);
            }
            request.accept(in);
        });
        if (reply.getException() != null) {
            throw unexpected(reply.getException());
        }
        Message out = reply.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        JsonNode body;
        try {
            body = json.readTree(out.getBody(byte[].class));
        } catch (IOException | RuntimeException e) {
            throw unexpected(e);
        }
        if (status == null || body == null) {
            throw unexpected(new IllegalStateException(routeId + " answered no status or no body"));
        }
        if (status >= 300) {
            throw refused(status, body.path("errors"));
        }
        return body;
    }

    /** A refusal found before a route was called (the request cannot be handed over). */
    static RefusalFault refused(int status, String path, String message) {
        Problem problem = new Problem();
        problem.setPath(path);
        problem.setMessage(message);
        return fault(status, List.of(problem));
    }

    private static RefusalFault refused(int status, JsonNode errors) {
        List<Problem> problems = new ArrayList<>();
        for (JsonNode error : errors) {
            Problem problem = new Problem();
            problem.setPath(error.path("path").asText(""));
            problem.setMessage(error.path("message").asText(""));
            problems.add(problem);
        }
        return fault(status, problems);
    }

    private static RefusalFault fault(int status, List<Problem> problems) {
        Refusal refusal = new Refusal();
        refusal.setStatus(status);
        refusal.getProblem().addAll(problems);
        String summary = problems.stream()
                .map(p -> p.getPath().isEmpty() ? p.getMessage() : p.getPath() + ": " + p.getMessage())
                .collect(Collectors.joining("; "));
        return new RefusalFault("refused (" + status + "): " + summary, refusal);
    }

    /** A fault of the gateway, never of the client's input: logged with a reference the client can quote. */
    private static RefusalFault unexpected(Throwable cause) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected failure of a SOAP call, reference {}", reference, cause);
        return refused(500, "", "internal error, reference " + reference);
    }
}
