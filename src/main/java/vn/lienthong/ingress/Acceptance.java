package vn.lienthong.ingress;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.delivery.MessageHeaders;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackingIds;
import vn.lienthong.tracking.TrackingStore;
import vn.lienthong.tracking.TrackingStore.Registration;

/**
 * Accepts a checked, translated message: answers a repeated {@code Idempotency-Key} with the first tracking id,
 * otherwise opens its trail and prepares it for its durable queue (the route sends it, then answers 202).
 */
@Component("acceptance")
public class Acceptance {

    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** Exchange property: true when this request repeats an earlier one and must not be queued again. */
    public static final String REPEATED = "LienthongRepeated";
    /** Exchange property: true when this request created the tracking record (withdrawn if storing fails). */
    private static final String CREATED = "LienthongCreated";
    private static final String SENT_AT = "LienthongSentAt";
    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final TrackingStore tracking;
    private final ObjectMapper json;

    public Acceptance(TrackingStore tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    public void register(Exchange exchange) throws JsonProcessingException {
        Message in = exchange.getIn();
        String idempotencyKey = idempotencyKey(in);
        String kind = in.getHeader(MessageHeaders.KIND, String.class);
        String maHoSo = in.getHeader(MessageHeaders.MA_HO_SO, String.class);
        String unit = in.getHeader(MessageHeaders.UNIT_CODE, String.class);
        String clientId = ClientGate.client(exchange).id();
        Registration registration = tracking.register(new NewMessage(TrackingIds.next(), clientId, kind,
                maHoSo, unit, idempotencyKey));
        registered(exchange, registration);

        // Only the gateway's own headers travel with the message; HTTP request headers stay behind.
        MessageHeaders.keepOnlyOwn(in);
        in.setHeader(MessageHeaders.TRACKING_ID, registration.trackingId());
        in.setHeader(MessageHeaders.CLIENT_ID, clientId);
        in.setHeader(MessageHeaders.GROUP_ID, maHoSo);
        if (registration.sequence() != null) {
            in.setHeader(MessageHeaders.SEQUENCE, registration.sequence());
        }
        in.setBody(json.writeValueAsString(in.getBody()));
    }

    /** The client's Idempotency-Key header, checked; {@code null} when it sent none. */
    public static String idempotencyKey(Message in) {
        String idempotencyKey = in.getHeader(IDEMPOTENCY_KEY_HEADER, String.class);
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new IngressRefusedException(400, "", IDEMPOTENCY_KEY_HEADER + " must have 1 to "
                    + MAX_IDEMPOTENCY_KEY + " characters");
        }
        return idempotencyKey;
    }

    /**
     * What {@link #confirm} and {@link #withdraw} need to know about a registration (dossiers and documents alike):
     * a repeat of a message the broker never confirmed is sent again under its tracking id.
     */
    public void registered(Exchange exchange, Registration registration) {
        exchange.setProperty(REPEATED, registration.queued());
        exchange.setProperty(CREATED, registration.created());
        exchange.setProperty(SENT_AT, tracking.clock());
    }

    /** The broker stored the message: from now on the client's 202 stands. */
    public void confirm(Exchange exchange) {
        if (!Boolean.TRUE.equals(exchange.getProperty(REPEATED, Boolean.class))) {
            tracking.accepted(exchange.getIn().getHeader(MessageHeaders.TRACKING_ID, String.class),
                    exchange.getProperty(SENT_AT, java.time.OffsetDateTime.class));
        }
    }

    /** The broker did not store the message: the client gets an error, so the trail this request opened is removed. */
    public void withdraw(Exchange exchange) {
        String trackingId = exchange.getIn().getHeader(MessageHeaders.TRACKING_ID, String.class);
        if (trackingId != null && Boolean.TRUE.equals(exchange.getProperty(CREATED, Boolean.class))) {
            tracking.withdraw(trackingId);
        }
    }
}
