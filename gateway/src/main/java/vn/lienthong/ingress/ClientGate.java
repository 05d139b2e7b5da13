package vn.lienthong.ingress;

import java.io.IOException;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.client.DossierOwners;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.security.Caller;
import vn.lienthong.security.CallerAuthentication;
import vn.lienthong.security.Roles;
import vn.lienthong.tracking.TrailReaders;

/**
 * The first check of every API call: who is calling (401: Spring Security authenticated the request, see
 * {@link Caller}), whether it may send this kind of message (403, before anything of the body is read), and for
 * posted messages whether the body is JSON (415) and not too large (413). Leaves the client system in an exchange
 * property and the body as bytes. It also tells the tracking API who may read which trail ({@link TrailReaders}).
 */
@Component("clientGate")
public class ClientGate implements TrailReaders {

    public static final String API_KEY_HEADER = CallerAuthentication.API_KEY_HEADER;

    private final JsonRequestBody body;
    private final DossierOwners owners;

    public ClientGate(JsonRequestBody body, DossierOwners owners) {
        this.body = body;
        this.owners = owners;
    }

    /**
     * Who is calling; for a message (the route set {@code LienthongKind}), also whether the client may send that
     * kind.
     */
    public void authenticate(Exchange exchange) {
        Caller caller = Caller.current().orElseThrow(() -> new IngressRefusedException(401, "", refusal()));
        ClientSystem client = caller.client();
        exchange.setProperty(Property.CLIENT, client);
        String kind = exchange.getIn().getHeader(Header.KIND, String.class);
        if (kind != null) {
            String name = kind.toLowerCase(Locale.ROOT).replace('_', '-');
            if (!client.maySend(name)) {
                throw new IngressRefusedException(403, "", "client " + client.id() + " may not send " + name
                        + " messages" + (client.kinds().isEmpty() ? "" : " (only " + String.join(", ",
                        client.kinds().stream().sorted().toList()) + ")"));
            }
        }
    }

    /** Why the request has no caller: the credential it presented was refused, or it presented none. */
    private static String refusal() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object refusal = request == null ? null
                : request.getAttribute(CallerAuthentication.REFUSAL, RequestAttributes.SCOPE_REQUEST);
        return refusal != null ? refusal.toString() : "missing " + API_KEY_HEADER + " header";
    }

    /** For operators' calls: who is calling, and that it has the operator role (403 otherwise). */
    public void authorizeOperator(Exchange exchange) {
        authenticate(exchange);
        ClientSystem client = client(exchange);
        if (!client.isOperator()) {
            throw new IngressRefusedException(403, "", "client " + client.id() + " is not an operator");
        }
    }

    /** For the indicators: who is calling, and that it is a manager, an operator or an admin (403 otherwise). */
    public void authorizeManager(Exchange exchange) {
        authenticate(exchange);
        ClientSystem client = client(exchange);
        if (!mayReadIndicators(client.roles())) {
            throw new IngressRefusedException(403, "", "client " + client.id()
                    + " may not read the indicators (roles manager, operator or admin)");
        }
    }

    public static boolean mayReadIndicators(java.util.Collection<String> roles) {
        return roles.contains(Roles.MANAGER) || roles.contains(Roles.OPERATOR) || roles.contains(Roles.ADMIN);
    }

    /**
     * For posted messages: who is calling, whether it may send this kind (and progress to this dossier: its owner's
     * or shared with it), and a JSON body within the size limit ({@link JsonRequestBody}).
     */
    public void admit(Exchange exchange) throws IOException {
        authenticate(exchange);
        Message in = exchange.getIn();
        if (MessageKind.PROGRESS.name().equals(in.getHeader(Header.KIND, String.class))) {
            String maHoSo = in.getHeader(IngressChecks.PATH_MA_HO_SO, String.class);
            IngressChecks.requireDossierCode(maHoSo);
            owners.refuseProgress(client(exchange), maHoSo).ifPresent(reason -> {
                throw new IngressRefusedException(403, "", reason);
            });
        }
        body.read(exchange);
    }

    public static ClientSystem client(Exchange exchange) {
        return exchange.getProperty(Property.CLIENT, ClientSystem.class);
    }

    /** A client reads the trails of its own messages; an operator every trail (after {@link #authenticate}). */
    @Override
    public boolean mayRead(Exchange exchange, String clientId) {
        ClientSystem client = client(exchange);
        return client.isOperator() || client.id().equals(clientId);
    }

    @Override
    public RuntimeException noTrail(String why) {
        return new IngressRefusedException(404, "", why);
    }
}
