package vn.lienthong.message;

import org.apache.camel.Message;

/**
 * Every name a message carries through the gateway, declared once: the {@link Header headers} that travel with it (JMS
 * properties on the queues, kept across a restart, a replay, the held messages) and the exchange {@link Property
 * properties} that carry a decision from one step of a route to the next. Routes (routes/*.yaml) and code use these
 * names only; {@code RouteNamesTest} fails when a route names a header or property not declared here, or compares one
 * with a value it can never have.
 */
public final class ExchangeNames {

    /** Headers: what travels with a message from acceptance to delivery (JMS properties on the queue). */
    public static final class Header {

        /** The gateway's id of the message (its trail, its replay, its answers). */
        public static final String TRACKING_ID = "LienthongTrackingId";
        /** What the message is: a {@code vn.lienthong.contract.MessageKind} name (DOSSIER, PROGRESS, DOCUMENT, ...). */
        public static final String KIND = "LienthongKind";
        /** The dossier a dossier message is about (its ordering key). */
        public static final String MA_HO_SO = "LienthongMaHoSo";
        /** The unit the dossier belongs to (after the code tables). */
        public static final String UNIT_CODE = "LienthongUnitCode";
        /** The client that sent the message. */
        public static final String CLIENT_ID = "LienthongClientId";
        /** The message's place in its dossier (1, 2, ...): delivery checks that every earlier one is final first. */
        public static final String SEQUENCE = "LienthongSequence";
        /**
         * "true" when the body is the client's own message in the portal's field set (a relayed input format), sent to
         * the portal as it is; absent when it is the canonical model, translated by mappings/portal/.
         */
        public static final String RELAYED = "LienthongRelayed";
        /** Why a message was parked in a dead-letter queue. */
        public static final String DEAD_LETTER_REASON = "LienthongDeadLetterReason";
        /** The DocumentId of a document (its ordering key). */
        public static final String DOCUMENT_ID = "LienthongDocumentId";
        /** The axis's kind of a received document (edoc, status). */
        public static final String AXIS_KIND = "LienthongAxisKind";
        /** The axis's DocID of a received document (what it is acknowledged by). */
        public static final String AXIS_DOC_ID = "LienthongAxisDocId";
        /** The organ a received document is addressed to. */
        public static final String TO_ORGAN_ID = "LienthongToOrganId";
        /** The queue a parked document came from (where a replay puts it back). */
        public static final String ORIGIN_QUEUE = "LienthongOriginQueue";
        /** Set by Artemis on a message it moved to a dead-letter address itself: the queue it came from. */
        public static final String BROKER_ORIGIN_QUEUE = "_AMQ_ORIG_QUEUE";
        /** The national portal's id of an entry it handed down (a dossier or a later action): what it is marked received by. */
        public static final String ENTRY_ID = "LienthongEntryId";
        /** What a national event is: supplement, withdrawal, payment, rating. */
        public static final String EVENT_TYPE = "LienthongEventType";
        /** Why a message from the national portal cannot go on (its problems): it is quarantined when its delivery starts. */
        public static final String QUARANTINE_REASON = "LienthongQuarantineReason";
        /** Artemis message group: one consumer at a time per ordering key keeps its messages in order. */
        public static final String GROUP_ID = "JMSXGroupID";

        private Header() {
        }
    }

    /** Exchange properties: a decision or a value one step of a route hands to the next, within one exchange. */
    public static final class Property {

        /** The authenticated client of an API request ({@code vn.lienthong.client.Client}). */
        public static final String CLIENT = "LienthongClient";
        /** The client's input format: the folder under mappings/ of its schemas and mappings. */
        public static final String INPUT_FORMAT = "LienthongInputFormat";
        /** Fields of the message that its schema does not know (forwarded or refused, lienthong.ingress.unknown-fields). */
        public static final String UNKNOWN_FIELDS = "LienthongUnknownFields";
        /** true when the body is an array of messages, accepted all or none. */
        public static final String BATCH = "LienthongBatch";
        /** Hex SHA-256 of the body as received (the audit trail, the Idempotency-Key check). */
        public static final String BODY_SHA256 = "LienthongBodySha256";
        /** true when the message was accepted before (same Idempotency-Key or content): not queued again. */
        public static final String REPEATED = "LienthongRepeated";
        /** The accepted items of a batch, in order (their answers). */
        public static final String ACCEPTED_ITEMS = "LienthongAcceptedItems";
        /** Whether acceptance created the trail (false: a repetition). */
        public static final String CREATED = "LienthongCreated";
        /** When the message was handed to the broker. */
        public static final String SENT_AT = "LienthongSentAt";
        /** The tracking ids a batch created (withdrawn together when the broker refuses it). */
        public static final String CREATED_IDS = "LienthongCreatedIds";
        /** A document request as read (its edXML or its contract form and files). */
        public static final String DOCUMENT_INPUT = "LienthongDocumentInput";
        /** The edXML file a document is spooled to while it is worked on. */
        public static final String DOCUMENT_FILE = "LienthongDocumentFile";
        /** A received document's attachments, for the e-office. */
        public static final String ATTACHMENTS = "LienthongAttachments";
        /** The e-office organ a received document goes to. */
        public static final String EOFFICE_ORGAN = "LienthongEofficeOrgan";
        /** The message as it was queued, kept for the error handling to set aside or dead-letter. */
        public static final String QUEUED_BODY = "LienthongQueuedBody";
        /** Where a delivery goes: portal, axis, eoffice (its send route is {@code direct:<destination>-send}). */
        public static final String DESTINATION = "LienthongDestination";
        /** The message's ordering key (a dossier's MaHoSo, a document's DocumentId): its key's messages go in order. */
        public static final String ORDER_KEY = "LienthongOrderKey";
        /** What the consumer does with the message now: a {@code vn.lienthong.order.DeliveryOrder.Decision} (SEND, HOLD, DONE). */
        public static final String ORDER_DECISION = "LienthongOrderDecision";
        /** The held message being retried (set by the held messages' retrier). */
        public static final String HELD = "LienthongHeld";
        /** The destination and ordering key whose held messages are being retried. */
        public static final String HELD_KEY = "LienthongHeldKey";
        /** The body of the held message being retried, when the held messages keep it in the broker (documents). */
        public static final String HELD_BODY = "LienthongHeldBody";
        /** true when a failing message has no retries left with the held messages: it is dead-lettered. */
        public static final String PARK = "LienthongPark";
        /** The dead-letter queue of the message's flow, where it is parked or quarantined. */
        public static final String DEAD_LETTER_QUEUE = "LienthongDeadLetterQueue";
        /** The destination's reply to a delivery. */
        public static final String REPLY = "LienthongReply";
        /** What the trail records of a delivery's outcome. */
        public static final String DETAIL = "LienthongDetail";
        /** When this delivery attempt started (recorded with its outcome). */
        public static final String DELIVERY_START = "LienthongDeliveryStart";
        /** Set when the message's log context is cleared at the end of its exchange. */
        public static final String MDC_CLEARED_AT_END = "LienthongMdcClearedAtEnd";

        private Property() {
        }
    }

    private static final String PREFIX = "Lienthong";

    private ExchangeNames() {
    }

    /**
     * Removes every header but the gateway's own ({@code Lienthong*}): HTTP request headers stay behind. (Camel's
     * {@code removeHeaders("*", "Lienthong*")} compiles the pattern as a regular expression for every header.)
     */
    public static void keepOnlyOwn(Message message) {
        message.getHeaders().keySet().removeIf(name -> !name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()));
    }

    /** Whether a header name is one of the gateway's own (carried across queues and replays). */
    public static boolean isOwn(String name) {
        return name.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }
}
