package vn.lienthong.ingress;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.audit.AuditTrail;
import vn.lienthong.message.ExchangeNames;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.metrics.MessageMdc;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackingIds;
import vn.lienthong.tracking.TrackingStore;
import vn.lienthong.tracking.TrackingStore.Registration;

/**
 * Accepts a checked, translated message: answers a repeated {@code Idempotency-Key} with the first tracking id (422
 * when the key names a different message), otherwise opens its trail and prepares it for its durable queue (the
 * route sends it, then answers 202). An array of dossiers is accepted all or none: {@link #registerAll}.
 */
@Component("acceptance")
public class Acceptance {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final TrackingStore tracking;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final List<AcceptanceHook> hooks;

    public Acceptance(TrackingStore tracking, AuditTrail audit, ObjectMapper json, List<AcceptanceHook> hooks) {
        this.tracking = tracking;
        this.audit = audit;
        this.json = json;
        this.hooks = List.copyOf(hooks);
    }

    /** One message (a dossier, or a dossier's progress items): its trail, its headers, its body for the queue. */
    public void register(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getIn();
        String kind = in.getHeader(Header.KIND, String.class);
        String maHoSo = in.getHeader(Header.MA_HO_SO, String.class);
        String unit = in.getHeader(Header.UNIT_CODE, String.class);
        Object relayed = exchange.getProperty(Header.RELAYED);
        Registration registration = registerOne(exchange, idempotencyKey(in), kind, maHoSo, unit,
                unknownFields(exchange, null), in.getBody());
        registered(exchange, registration);

        // Only the gateway's own headers travel with the message; HTTP request headers stay behind.
        ExchangeNames.keepOnlyOwn(in);
        in.getHeaders().putAll(headers(registration, exchange, maHoSo, unit, relayed != null));
        in.setBody(json.writeValueAsString(relayed != null ? relayed : in.getBody()));
        MessageMdc.put(exchange);
    }

    /**
     * The dossiers of an array, in order, all or none: each gets its trail (item {@code i > 0} is recorded under the
     * idempotency key {@code <key>#<i>}); if any of them cannot be accepted the trails this request opened are removed.
     * The items are then queued together in one broker transaction.
     */
    public void registerAll(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getIn();
        String key = idempotencyKey(in);
        String kind = in.getHeader(Header.KIND, String.class);
        List<?> dossiers = in.getBody(List.class);
        JsonNode relayed = exchange.getProperty(Header.RELAYED, JsonNode.class);
        List<Item> items = new ArrayList<>();
        exchange.setProperty(Property.ACCEPTED_ITEMS, items);
        for (int i = 0; i < dossiers.size(); i++) {
            Map<?, ?> dossier = (Map<?, ?>) dossiers.get(i);
            String maHoSo = (String) dossier.get("maHoSo");
            String unit = (String) dossier.get("maDonVi");
            Registration registration = registerOne(exchange, key == null || i == 0 ? key : key + "#" + i, kind,
                    maHoSo, unit, unknownFields(exchange, "/" + i), dossier);
            Object body = relayed != null ? relayed.get(i) : dossier;
            items.add(new Item(registration, json.writeValueAsString(body),
                    headers(registration, exchange, maHoSo, unit, relayed != null)));
        }
        exchange.setProperty(Property.REPEATED, items.stream().allMatch(item -> item.registration().queued()));
        exchange.setProperty(Property.SENT_AT, tracking.clock());
        ExchangeNames.keepOnlyOwn(in);
    }

    /** A message of the API's flows: its trail, with its unknown-fields warning and the acceptance hooks. */
    private Registration registerOne(Exchange exchange, String idempotencyKey, String kind, String maHoSo,
                                     String unit, String warning, Object body) {
        Consumer<String> alsoWithIt = id -> {
            if (warning != null) {
                tracking.note(id, warning);
            }
            for (AcceptanceHook hook : hooks) {
                hook.accepted(exchange, id, kind, maHoSo, body);
            }
        };
        return registerNew(exchange, idempotencyKey, kind, maHoSo, unit, alsoWithIt);
    }

    /**
     * Opens the trail of one message of the calling client, with the SHA-256 of its body
     * ({@link Property#BODY_SHA256}) and {@code alsoWithIt} in the same transaction (dossiers and documents
     * alike); the same {@code Idempotency-Key} for another message is {@code 422} naming the key, and nothing this
     * request opened remains.
     */
    public Registration registerNew(Exchange exchange, String idempotencyKey, String kind, String maHoSo,
                                    String unit, Consumer<String> alsoWithIt) {
        String clientId = ClientGate.client(exchange).id();
        NewMessage message = new NewMessage(TrackingIds.next(), clientId, kind, maHoSo, unit, idempotencyKey,
                exchange.getProperty(Property.BODY_SHA256, String.class));
        Registration registration = tracking.register(message, alsoWithIt);
        if (!registration.sameMessage()) {
            withdraw(exchange);
            throw new IngressRefusedException(422, "", IDEMPOTENCY_KEY_HEADER + " '" + idempotencyKey
                    + "' was already used by this client for a different message (tracking id "
                    + registration.trackingId() + "): use a new key for a new message");
        }
        if (registration.created()) {
            createdIds(exchange).add(registration.trackingId());
        }
        return registration;
    }

    private static Map<String, Object> headers(Registration registration, Exchange exchange, String maHoSo, String unit,
                                               boolean relayed) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(Header.KIND, exchange.getIn().getHeader(Header.KIND));
        headers.put(Header.UNIT_CODE, unit);
        headers.put(Header.MA_HO_SO, maHoSo);
        headers.put(Header.TRACKING_ID, registration.trackingId());
        headers.put(Header.CLIENT_ID, ClientGate.client(exchange).id());
        headers.put(Header.GROUP_ID, maHoSo);
        if (registration.sequence() != null) {
            headers.put(Header.SEQUENCE, registration.sequence());
        }
        if (relayed) {
            headers.put(Header.RELAYED, Boolean.TRUE.toString());
        }
        headers.values().removeIf(Objects::isNull);
        return headers;
    }

    /** The warning for the trail of one message (item {@code prefix} of an array, or the whole body); null if none. */
    @SuppressWarnings("unchecked")
    private static String unknownFields(Exchange exchange, String prefix) {
        List<String> unknown = exchange.getProperty(Property.UNKNOWN_FIELDS, List.class);
        if (unknown == null) {
            return null;
        }
        List<String> mine = prefix == null ? unknown : unknown.stream()
                .filter(path -> path.startsWith(prefix + "/")).map(path -> path.substring(prefix.length())).toList();
        return mine.isEmpty() ? null : "warning: properties not in the " + exchange.getProperty(Property.INPUT_FORMAT)
                + " format, forwarded as sent: " + String.join(", ", mine);
    }

    /** The client's Idempotency-Key header, checked; {@code null} when it sent none. */
    public static String idempotencyKey(Message in) {
        String idempotencyKey = in.getHeader(IDEMPOTENCY_KEY_HEADER, String.class);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY
                || idempotencyKey.chars().anyMatch(Character::isISOControl))) {
            throw new IngressRefusedException(400, "", IDEMPOTENCY_KEY_HEADER + " must have 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters, none of them a control character");
        }
        return idempotencyKey;
    }

    /**
     * What {@link #confirm} and {@link #withdraw} need to know about a registration (dossiers and documents alike):
     * a repeat of a message the broker never confirmed is sent again under its tracking id.
     */
    public void registered(Exchange exchange, Registration registration) {
        exchange.setProperty(Property.REPEATED, registration.queued());
        exchange.setProperty(Property.CREATED, registration.created());
        exchange.setProperty(Property.SENT_AT, tracking.clock());
    }

    /** The broker stored the message: from now on the client's 202 stands, and the audit chain will show it. */
    public void confirm(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(Property.REPEATED, Boolean.class))) {
            Message in = exchange.getIn();
            String trackingId = in.getHeader(Header.TRACKING_ID, String.class);
            OffsetDateTime sentAt = exchange.getProperty(Property.SENT_AT, OffsetDateTime.class);
            tracking.accepted(trackingId, sentAt, () -> audit.messageAccepted(trackingId,
                    in.getHeader(Header.CLIENT_ID, String.class), in.getHeader(Header.KIND, String.class),
                    exchange.getProperty(Property.BODY_SHA256, String.class), sentAt));
        }
    }

    /** The broker stored the array's dossiers: each one's 202 stands. */
    public void confirmAll(Exchange exchange) {
        OffsetDateTime sentAt = exchange.getProperty(Property.SENT_AT, OffsetDateTime.class);
        String clientId = ClientGate.client(exchange).id();
        String kind = exchange.getIn().getHeader(Header.KIND, String.class);
        String bodySha256 = exchange.getProperty(Property.BODY_SHA256, String.class);
        for (Item item : items(exchange)) {
            if (!item.registration().queued()) {
                String trackingId = item.registration().trackingId();
                tracking.accepted(trackingId, sentAt,
                        () -> audit.messageAccepted(trackingId, clientId, kind, bodySha256, sentAt));
            }
        }
    }

    /** The broker did not store the message(s): the client gets an error, so the trails this request opened are removed. */
    public void withdraw(Exchange exchange) {
        String trackingId = exchange.getIn().getHeader(Header.TRACKING_ID, String.class);
        if (trackingId != null && Boolean.TRUE.equals(exchange.getProperty(Property.CREATED, Boolean.class))) {
            tracking.withdraw(trackingId);
        }
        for (String created : createdIds(exchange)) {
            if (!created.equals(trackingId)) {
                tracking.withdraw(created);
            }
        }
        createdIds(exchange).clear();
    }

    @SuppressWarnings("unchecked")
    public static List<Item> items(Exchange exchange) {
        List<Item> items = exchange.getProperty(Property.ACCEPTED_ITEMS, List.class);
        return items == null ? List.of() : items;
    }

    @SuppressWarnings("unchecked")
    private static List<String> createdIds(Exchange exchange) {
        List<String> ids = exchange.getProperty(Property.CREATED_IDS, List.class);
        if (ids == null) {
            ids = new ArrayList<>();
            exchange.setProperty(Property.CREATED_IDS, ids);
        }
        return ids;
    }

    /** One dossier of an array, registered: what goes on the queue for it. */
    public record Item(Registration registration, String body, Map<String, Object> headers) {
    }
}
