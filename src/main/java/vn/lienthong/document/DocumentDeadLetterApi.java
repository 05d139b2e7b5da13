package vn.lienthong.document;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;

/** {@code GET /api/v1/documents/dead-letters} and {@code POST .../{id}/reprocess}, for operators. */
@Component("documentDeadLetterApi")
public class DocumentDeadLetterApi {

    private static final int DEFAULT_LIMIT = 100;

    private final DocumentDeadLetters deadLetters;

    public DocumentDeadLetterApi(DocumentDeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    public void list(Exchange exchange) {
        Message in = exchange.getIn();
        Integer limit = in.getHeader("limit", Integer.class);
        in.setBody(Map.of("deadLetters", deadLetters.list(limit == null || limit <= 0 ? DEFAULT_LIMIT : limit)));
    }

    public void reprocess(Exchange exchange) {
        String id = exchange.getIn().getHeader("id", String.class);
        if (!deadLetters.reprocess(id, ClientGate.client(exchange).id())) {
            throw new IngressRefusedException(404, "", "no parked document " + id);
        }
        exchange.getIn().setBody(Map.of("reprocessed", 1, "ids", java.util.List.of(id)));
    }
}
