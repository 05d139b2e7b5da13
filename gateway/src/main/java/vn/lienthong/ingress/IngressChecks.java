package vn.lienthong.ingress;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.client.DossierOwners;
import vn.lienthong.contract.ContractValidator;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.contract.Problem;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingStore;

/**
 * Checks a posted message: against its input format's JSON Schema before translation (400 listing every problem,
 * with paths in the client's own format), and, once translated, that the client may send for its unit (403).
 * A message of a relayed format ({@code lienthong.ingress.relay-formats}) is also kept as sent, for the portal.
 */
@Component("ingressChecks")
public class IngressChecks {

    /** The dossier code in {@code /dossiers/{MaHoSo}/progress}. */
    static final String PATH_MA_HO_SO = "MaHoSo";
    /** The width of every ma_ho_so column (V1, V3): the schemas' maxLength of MaHoSo is the same. */
    static final int MAX_MA_HO_SO = 100;

    private final ContractValidator validator;
    private final TrackingStore tracking;
    private final IngressProperties properties;
    private final DossierOwners owners;

    public IngressChecks(ContractValidator validator, TrackingStore tracking, IngressProperties properties,
            DossierOwners owners) {
        this.validator = validator;
        this.tracking = tracking;
        this.properties = properties;
        this.owners = owners;
    }

    /**
     * Parses and validates the body in the client's input format; the body becomes a JSON tree: one dossier, or a
     * list of them ({@link Property#BATCH}), or for progress always a list of items, in the order sent.
     */
    public void validate(Exchange exchange) {
        Message in = exchange.getIn();
        ClientSystem client = ClientGate.client(exchange);
        String format = client.inputFormat();
        MessageKind kind = MessageKind.valueOf(in.getHeader(Header.KIND, String.class));
        byte[] bytes = in.getBody(byte[].class);
        exchange.setProperty(Property.BODY_SHA256, sha256(bytes));
        if (kind == MessageKind.PROGRESS) {
            requireDossierCode(in.getHeader(PATH_MA_HO_SO, String.class));
        }
        JsonNode body = validator.read(bytes);
        if (body.isArray() && body.size() > properties.maxItems()) {
            throw new IngressRefusedException(400, "", "at most " + properties.maxItems() + " " + kind.fileStem()
                    + " items per request, not " + body.size() + " (lienthong.ingress.max-items)");
        }
        boolean relayed = properties.relays(format);
        JsonNode asSent = relayed ? body.deepCopy() : null;
        if (kind == MessageKind.DOSSIER) {
            defaultUnit(body, client, format);
        }
        validator.validate(body, format, kind);
        checkUnknownFields(exchange, validator.unknownFields(body, format, kind), format, relayed);
        if (kind == MessageKind.PROGRESS) {
            in.setHeader(Header.MA_HO_SO, in.getHeader(PATH_MA_HO_SO, String.class));
            // One item or an array of items: the mapping always sees an array, in the order sent.
            body = asList(body);
            asSent = asSent == null ? null : asList(asSent);
        } else {
            exchange.setProperty(Property.BATCH, body.isArray());
        }
        exchange.setProperty(Property.INPUT_FORMAT, format);
        if (asSent != null) {
            exchange.setProperty(Header.RELAYED, asSent);
        }
        in.setBody(body);
    }

    /**
     * A dossier without its unit, from a client that sends for exactly one: that unit (the schema then finds it). A
     * client with several must say which: the schema's {@code required} answers 400.
     */
    private void defaultUnit(JsonNode body, ClientSystem client, String format) {
        Optional<String> unitProperty = validator.unitProperty(format);
        if (unitProperty.isEmpty() || client.unitCodes().size() != 1) {
            return;
        }
        String only = client.unitCodes().iterator().next();
        for (JsonNode dossier : body.isArray() ? body : List.of(body)) {
            if (dossier instanceof ObjectNode object
                    && (!object.hasNonNull(unitProperty.get()))) {
                object.put(unitProperty.get(), only);
            }
        }
    }

    /** A translated format cannot carry a property it does not describe; a relayed one forwards it unless told not to. */
    private void checkUnknownFields(Exchange exchange, List<String> unknown, String format, boolean relayed) {
        if (unknown.isEmpty()) {
            return;
        }
        boolean forward = relayed && properties.unknownFields() == IngressProperties.UnknownFields.FORWARD;
        if (!forward) {
            String why = relayed ? "refused (lienthong.ingress.unknown-fields=REFUSE)"
                    : "the translation to the portal cannot carry it";
            throw new IngressRefusedException(400, unknown.stream()
                    .map(path -> new Problem(path, "is not a property of the " + format + " format: " + why))
                    .toList());
        }
        exchange.setProperty(Property.UNKNOWN_FIELDS, unknown);
    }

    static void requireDossierCode(String maHoSo) {
        if (maHoSo == null || maHoSo.isBlank()) {
            throw new IngressRefusedException(400, "", "the dossier code (MaHoSo) in the URL is missing");
        }
        if (maHoSo.length() > MAX_MA_HO_SO || maHoSo.chars().anyMatch(Character::isISOControl)) {
            throw new IngressRefusedException(400, "", "the dossier code (MaHoSo) in the URL must have at most "
                    + MAX_MA_HO_SO + " characters and no control characters");
        }
    }

    /**
     * Translated dossiers (one, or each of an array): the client must be allowed to send for each one's unit, and
     * own each dossier (or have it shared by its owner).
     */
    public void authorizeDossier(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        boolean batch = body instanceof List;
        List<?> dossiers = batch ? (List<?>) body : List.of(body);
        ClientSystem client = ClientGate.client(exchange);
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < dossiers.size(); i++) {
            String unit = (String) ((Map<?, ?>) dossiers.get(i)).get("maDonVi");
            if (!client.maySendFor(unit)) {
                problems.add(new Problem(batch ? "/" + i : "", "client " + client.id() + " may not send for unit " + unit));
            }
        }
        if (problems.isEmpty()) {
            // the units are the client's: now each dossier must be its own (the first message claims a new one)
            for (int i = 0; i < dossiers.size(); i++) {
                String maHoSo = (String) ((Map<?, ?>) dossiers.get(i)).get("maHoSo");
                int item = i;
                owners.refuseDossier(client, maHoSo).ifPresent(reason ->
                        problems.add(new Problem(batch ? "/" + item : "", reason)));
            }
        }
        if (!problems.isEmpty()) {
            throw new IngressRefusedException(403, problems);
        }
        if (!batch) {
            Map<?, ?> dossier = (Map<?, ?>) body;
            exchange.getIn().setHeader(Header.MA_HO_SO, dossier.get("maHoSo"));
            exchange.getIn().setHeader(Header.UNIT_CODE, dossier.get("maDonVi"));
        }
    }

    /**
     * Translated progress: every item is about the dossier in the URL, and the client may send for the dossier's
     * unit (the unit it was accepted for, or the client's only unit for a dossier the gateway never saw).
     */
    public void authorizeProgress(Exchange exchange) {
        Message in = exchange.getIn();
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
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
        requireUnit(client, unit);
        in.setHeader(Header.UNIT_CODE, unit);
    }

    private static ArrayNode asList(JsonNode body) {
        if (body instanceof ArrayNode array) {
            return array;
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        items.add(body);
        return items;
    }

    private static String onlyUnitOf(ClientSystem client, String maHoSo) {
        if (client.unitCodes().size() != 1) {
            throw new IngressRefusedException(400, "", "dossier " + maHoSo + " is unknown to the gateway and client "
                    + client.id() + " sends for several units: send the dossier first");
        }
        return client.unitCodes().iterator().next();
    }

    private static void requireUnit(ClientSystem client, String unit) {
        if (!client.maySendFor(unit)) {
            throw new IngressRefusedException(403, "", "client " + client.id() + " may not send for unit " + unit);
        }
    }

    /** Hex SHA-256 of a body as received (documents' bodies too: {@link Property#BODY_SHA256}). */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
