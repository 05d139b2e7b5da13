package vn.lienthong.national;

import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.contract.ContractValidator;
import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.contract.Problem;
import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.ingress.Acceptance;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressChecks;
import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * What comes down from the national portal, read and checked the same way whether the portal pushed it
 * ({@code POST /api/v1/national/dossiers}) or the gateway pulled it ({@link NationalInbox}): an entry
 * {@code {"id", "type": "dossier"|"supplement"|"withdrawal"|"payment"|"rating", "MaHoSo", "data": {...}}} (a bare
 * dossier is an entry of its own MaHoSo), checked by {@code mappings/national/}, accepted once per entry id (the
 * portal lists an entry again until it is marked received). A pushed dossier that fails its schema is refused (400,
 * every problem: the portal still has it); a pulled one is accepted and quarantined when its delivery starts, so
 * that operators see it and the portal is never told it was received.
 */
@Component("nationalIntake")
public class NationalIntake {

    private static final Logger log = LoggerFactory.getLogger(NationalIntake.class);
    /** The portal's client when the gateway pulls (the portal does not call: nobody is authenticated). */
    static final String PORTAL_CLIENT = "dvcqg-portal";
    static final String FORMAT = "national";
    /** The idempotency key of an entry: one message per portal entry. */
    static final String ENTRY_KEY_PREFIX = "dvcqg-entry:";

    private final ContractValidator validator;
    private final Acceptance acceptance;
    private final TrackingStore tracking;
    private final NationalPortal portal;
    private final ObjectMapper json;

    public NationalIntake(ContractValidator validator, Acceptance acceptance, TrackingStore tracking,
                          NationalPortal portal, ObjectMapper json) {
        this.validator = validator;
        this.acceptance = acceptance;
        this.tracking = tracking;
        this.portal = portal;
        this.json = json;
    }

    /** Route step: the entry (JSON bytes or tree) to its kind, dossier, entry id and body (the entry's data). */
    public void read(Exchange exchange) {
        Message in = exchange.getIn();
        Object body = in.getBody();
        JsonNode entry = body instanceof JsonNode node ? node : validator.read(in.getBody(byte[].class));
        if (!entry.isObject()) {
            throw new InvalidMessageException(java.util.List.of(new Problem("", "must be a JSON object: an entry "
                    + "{\"id\", \"type\", \"MaHoSo\", \"data\"} or a dossier")));
        }
        JsonNode data = entry.get("data");
        boolean isEntry = data != null && data.isObject();
        JsonNode message = isEntry ? data : entry;
        String type = isEntry ? NationalPortal.text(entry, "type") : "dossier";
        String maHoSo = isEntry && NationalPortal.text(entry, "MaHoSo") != null ? NationalPortal.text(entry, "MaHoSo")
                : NationalPortal.text(message, "MaHoSo");
        String entryId = isEntry && NationalPortal.text(entry, "id") != null ? NationalPortal.text(entry, "id") : maHoSo;
        EventType event = EventType.of(type == null ? "dossier" : type);
        if (event == null) {
            throw new IngressRefusedException(400, "/type", "'" + type + "' is not a kind of entry the gateway "
                    + "carries: dossier, " + java.util.Arrays.stream(EventType.values()).map(EventType::wire)
                    .collect(Collectors.joining(", ")));
        }
        if (event != EventType.DOSSIER && message instanceof ObjectNode object && !object.has("MaHoSo")
                && maHoSo != null) {
            object.put("MaHoSo", maHoSo);
        }
        in.setHeader(Header.KIND, event.kind().name());
        if (event != EventType.DOSSIER) {
            in.setHeader(Header.EVENT_TYPE, event.wire());
        }
        in.setHeader(Header.MA_HO_SO, maHoSo);
        in.setHeader(Header.ENTRY_ID, entryId);
        String unit = NationalPortal.text(entry, "MaDonVi");
        in.setHeader(Header.UNIT_CODE, unit != null ? unit : NationalPortal.text(message, "MaDonVi"));
        // One message per portal entry: listed again (or pushed again) until marked received, it is taken once.
        in.setHeader(Acceptance.IDEMPOTENCY_KEY_HEADER, ENTRY_KEY_PREFIX + entryId);
        exchange.setProperty(Property.BODY_SHA256, sha256(message));
        in.setBody(message);
    }

    /**
     * Route step: the portal's field set (mappings/national/). A pushed message with problems is refused (400, every
     * problem); a pulled one is marked for quarantine ({@link Header#QUARANTINE_REASON}) and accepted.
     */
    public void check(Exchange exchange) {
        Message in = exchange.getIn();
        MessageKind kind = MessageKind.valueOf(in.getHeader(Header.KIND, String.class));
        try {
            validator.validate(in.getBody(JsonNode.class), FORMAT, kind);
        } catch (InvalidMessageException problems) {
            if (!pulled(exchange)) {
                throw problems;
            }
            String reason = problems.problems().size() + " problem(s) in what the portal sent: "
                    + problems.problems().stream().limit(100).map(p -> (p.path().isEmpty() ? "/" : p.path()) + " "
                    + p.message()).collect(Collectors.joining("; "));
            in.setHeader(Header.QUARANTINE_REASON, reason);
        }
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
        if (maHoSo == null || maHoSo.length() > 100) {
            throw new IngressRefusedException(400, "/MaHoSo", maHoSo == null ? "the entry names no dossier (MaHoSo)"
                    : "MaHoSo must have at most 100 characters");
        }
    }

    /**
     * Route step: its trail is opened once per entry. An entry the portal lists again after its message was delivered
     * (telling the portal "received" failed then) is marked received now.
     */
    public void register(Exchange exchange) throws JsonProcessingException {
        String entryId = exchange.getIn().getHeader(Header.ENTRY_ID, String.class);
        // Every entry is the portal's, whoever handed it over (the poller, or the portal or its LGSP pushing): it is
        // registered once under the portal's name, so that pushed and pulled it is one message.
        ClientSystem sender = ClientGate.client(exchange);
        boolean pushed = !PORTAL_CLIENT.equals(sender.id());
        exchange.setProperty(Property.CLIENT, NationalInbox.PORTAL);
        acceptance.register(exchange);
        if (pushed && Boolean.TRUE.equals(exchange.getProperty(Property.CREATED, Boolean.class))) {
            tracking.note(exchange.getIn().getHeader(Header.TRACKING_ID, String.class), "pushed by " + sender.id());
        }
        if (Boolean.TRUE.equals(exchange.getProperty(Property.REPEATED, Boolean.class)) && pulled(exchange)) {
            String trackingId = exchange.getIn().getHeader(Header.TRACKING_ID, String.class);
            tracking.find(trackingId).filter(m -> m.state() == TrackingState.DELIVERED).ifPresent(m -> {
                portal.received(entryId);
                tracking.note(trackingId, "listed again by the portal after its delivery: told the portal received");
                log.info("{} listed again after its delivery: the portal is told received", entryId);
            });
        }
    }

    static boolean pulled(Exchange exchange) {
        return PORTAL_CLIENT.equals(exchange.getIn().getHeader(Header.CLIENT_ID, String.class))
                || exchange.getProperty(Property.CLIENT) instanceof ClientSystem c && PORTAL_CLIENT.equals(c.id());
    }

    private String sha256(JsonNode message) {
        try {
            return IngressChecks.sha256(json.writeValueAsBytes(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
