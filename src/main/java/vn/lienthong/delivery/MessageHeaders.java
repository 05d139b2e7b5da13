package vn.lienthong.delivery;

import org.apache.camel.Message;

/** Names of the headers a message carries from acceptance to delivery (JMS properties on the queue). */
public final class MessageHeaders {

    public static final String TRACKING_ID = "LienthongTrackingId";
    public static final String KIND = "LienthongKind";
    public static final String MA_HO_SO = "LienthongMaHoSo";
    public static final String UNIT_CODE = "LienthongUnitCode";
    public static final String CLIENT_ID = "LienthongClientId";
    /** The message's place in its dossier (1, 2, ...): delivery checks that every earlier one is final first. */
    public static final String SEQUENCE = "LienthongSequence";
    /**
     * "true" when the body is the client's own message in the portal's field set (a relayed input format), sent to the
     * portal as it is; absent when it is the canonical model, translated by mappings/portal/.
     */
    public static final String RELAYED = "LienthongRelayed";
    /** Why a message was parked in a dead-letter queue. */
    public static final String DEAD_LETTER_REASON = "LienthongDeadLetterReason";
    /** Artemis message group: one consumer at a time per dossier keeps its messages in order. */
    public static final String GROUP_ID = "JMSXGroupID";

    private static final String PREFIX = "Lienthong";

    private MessageHeaders() {
    }

    /**
     * Removes every header but the gateway's own ({@code Lienthong*}): HTTP request headers stay behind. (Camel's
     * {@code removeHeaders("*", "Lienthong*")} compiles the pattern as a regular expression for every header.)
     */
    public static void keepOnlyOwn(Message message) {
        message.getHeaders().keySet().removeIf(name -> !name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()));
    }
}
