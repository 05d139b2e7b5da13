package vn.lienthong.ingress;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
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
    private final long maxBodyBytes;

    public ClientGate(ClientRegistry clients, IngressProperties properties) {
        this.clients = clients;
        this.maxBodyBytes = properties.maxBodySize().toBytes();
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

    /** For posted messages: who is calling, and a JSON body within the size limit. */
    public void admit(Exchange exchange) throws IOException {
        authenticate(exchange);
        Message in = exchange.getIn();
        String contentType = in.getHeader(Exchange.CONTENT_TYPE, String.class);
        if (!isJson(contentType)) {
            throw new IngressRefusedException(415, "", "Content-Type must be application/json, not "
                    + (contentType == null ? "absent" : contentType));
        }
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodyBytes) {
            throw tooLarge();
        }
        in.setBody(readBounded(in.getBody(InputStream.class)));
    }

    private byte[] readBounded(InputStream body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (bytes.length > maxBodyBytes) {
                throw tooLarge();
            }
            return bytes;
        }
    }

    private IngressRefusedException tooLarge() {
        return new IngressRefusedException(413, "", "body larger than " + maxBodyBytes + " bytes");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase();
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    public static ClientSystem client(Exchange exchange) {
        return exchange.getProperty(CLIENT, ClientSystem.class);
    }
}
