package vn.lienthong.ingress;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.contract.ContractValidator;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.contract.Problem;
import vn.lienthong.delivery.MessageHeaders;
import vn.lienthong.tracking.TrackingStore;

/**
 * Checks a posted message: against its input format's JSON Schema before translation (400 listing every problem,
 * with paths in the client's own format), and, once translated, that the client may send for its unit (403).
 */
@Component("ingressChecks")
public class IngressChecks {

    /** Exchange property: the folder under {@code mappings/} describing the client's JSON. */
    public static final String INPUT_FORMAT = "LienthongInputFormat";
    /** The dossier code in {@code /dossiers/{MaHoSo}/progress}. */
    static final String PATH_MA_HO_SO = "MaHoSo";

    private final ContractValidator validator;
    private final TrackingStore tracking;

    public IngressChecks(ContractValidator validator, TrackingStore tracking) {
        this.validator = validator;
        this.tracking = tracking;
    }

    /** Parses and validates the body in the client's input format; the body becomes a JSON tree. */
    public void validate(Exchange exchange) {
        Message in = exchange.getIn();
        ClientSystem client = ClientGate.client(exchange);
        MessageKind kind = MessageKind.valueOf(in.getHeader(MessageHeaders.KIND, String.class));
        JsonNode body = validator.parseAndValidate(in.getBody(byte[].class), client.inputFormat(), kind);
        if (kind == MessageKind.PROGRESS) {
            in.setHeader(MessageHeaders.MA_HO_SO, in.getHeader(PATH_MA_HO_SO, String.class));
            if (body.isObject()) {
                // One item or an array of items: the mapping always sees an array, in the order sent.
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                items.add(body);
                body = items;
            }
        }
        exchange.setProperty(INPUT_FORMAT, client.inputFormat());
        in.setBody(body);
    }

    /** A translated dossier: the client must be allowed to send for its unit. */
    public void authorizeDossier(Exchange exchange) {
        Map<?, ?> dossier = exchange.getIn().getBody(Map.class);
        String unit = (String) dossier.get("maDonVi");
        requireUnit(exchange, unit);
        exchange.getIn().setHeader(MessageHeaders.MA_HO_SO, dossier.get("maHoSo"));
        exchange.getIn().setHeader(MessageHeaders.UNIT_CODE, unit);
    }

    /**
     * Translated progress: every item is about the dossier in the URL, and the client may send for the dossier's
     * unit (the unit it was accepted for, or the client's only unit for a dossier the gateway never saw).
     */
    public void authorizeProgress(Exchange exchange) {
        Message in = exchange.getIn();
        String maHoSo = in.getHeader(MessageHeaders.MA_HO_SO, String.class);
        List<?> items = in.getBody(List.class);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object itemCode = ((Map<?, ?>) items.get(i)).get("maHoSo");
            if (itemCode != null && !itemCode.equals(maHoSo)) {
                problems.add(new Problem("/" + i, "MaHoSo '" + itemCode + "' differs from the dossier in the URL '"
                        + maHoSo + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new IngressRefusedException(400, problems);
        }
        ClientSystem client = ClientGate.client(exchange);
        String unit = tracking.unitOfDossier(maHoSo).orElseGet(() -> onlyUnitOf(client, maHoSo));
        requireUnit(exchange, unit);
        in.setHeader(MessageHeaders.UNIT_CODE, unit);
    }

    private static String onlyUnitOf(ClientSystem client, String maHoSo) {
        if (client.unitCodes().size() != 1) {
            throw new IngressRefusedException(400, "", "dossier " + maHoSo + " is unknown to the gateway and client "
                    + client.id() + " sends for several units: send the dossier first");
        }
        return client.unitCodes().iterator().next();
    }

    private static void requireUnit(Exchange exchange, String unit) {
        ClientSystem client = ClientGate.client(exchange);
        if (!client.maySendFor(unit)) {
            throw new IngressRefusedException(403, "", "client " + client.id() + " may not send for unit " + unit);
        }
    }
}
