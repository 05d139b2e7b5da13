package vn.lienthong.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.security.Roles;

/** Answers {@code GET /api/v1/audit/verify} (routes/audit.yaml): the chain, recomputed. */
@Component("auditApi")
public class AuditApi {

    private final AuditChain chain;
    private final ClientGate clientGate;

    public AuditApi(AuditChain chain, ClientGate clientGate) {
        this.chain = chain;
        this.clientGate = clientGate;
    }

    /** Who is calling (401), and that it is an administrator (403). */
    public void authorizeAdmin(Exchange exchange) {
        clientGate.authenticate(exchange);
        ClientSystem client = ClientGate.client(exchange);
        if (!client.roles().contains(Roles.ADMIN)) {
            throw new IngressRefusedException(403, "", "client " + client.id() + " is not an administrator");
        }
    }

    public void verify(Exchange exchange) {
        AuditChain.Verification verification = chain.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", verification.valid());
        body.put("entries", verification.entries());
        body.put("firstBrokenAt", verification.firstBrokenAt());
        body.put("lastHash", verification.lastHash());
        exchange.getIn().setBody(body);
    }
}
