package vn.lienthong.ingress;

import java.io.IOException;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.client.ClientRegistry;

/**
 * The first check of every API call: who is calling (401), and for posted messages whether the body is JSON (415)
 * and not too large (413). Leaves the client system in an exchange property and the body as bytes.
 */
@Component("clientGate")
public class ClientGate {

    public static final String CLIENT = "LienthongClient";
    public static final String API_KEY_HEADER = "X-API-Key";

    private final ClientRegistry clients;
    private final JsonRequestBody body;

    public ClientGate(ClientRegistry clients, JsonRequestBody body) {
        this.clients = clients;
        this.body = body;
    }

    /** For reads: only who is calling. */
    public void authenticate(Exchange exchange) {
        String key = exchange.getIn().getHeader(API_KEY_HEADER, String.class);
        ClientSystem client = clients.byApiKey(key).orElseThrow(() -> new IngressRefusedException(401, "",
                key == null || key.isEmpty() ? "missing " + API_KEY_HEADER + " header" : "unknown API key"));
        exchange.setProperty(CLIENT, client);
    }

    /** For operators' calls: who is calling, and that it has the operator role (403 otherwise). */
    public void authorizeOperator(Exchange exchange) {
        authenticate(exchange);
        ClientSystem client = client(exchange);
        if (!client.isOperator()) {
            throw new IngressRefusedException(403, "", "client " + client.id() + " is not an operator");
        }
    }

    /** For posted messages: who is calling, and a JSON body within the size limit ({@link JsonRequestBody}). */
    public void admit(Exchange exchange) throws IOException {
        authenticate(exchange);
        body.read(exchange);
    }

    public static ClientSystem client(Exchange exchange) {
        return exchange.getProperty(CLIENT, ClientSystem.class);
    }
}
