package vn.lienthong.deadletter;

import java.util.Map;

/**
 * What a flow supplies to the one dead-letter surface ({@link DeadLetterOperations}): its dead-letter queue, what it
 * shows of a parked message beyond the common fields, and how one is put back. Parking itself is
 * {@link DeadLetters#park}, the same for every flow.
 */
public interface FlowDeadLetters {

    /** The flow's name in listings and filters: {@code dossier}, {@code document}. */
    String flow();

    /** The flow's dead-letter queue. */
    String queue();

    /** Whether messages of this kind (DOSSIER, DOCUMENT, ...) are this flow's. */
    boolean carries(String kind);

    /** The header (JMS property) holding the flow's ordering key: the key of a dead letter. */
    String keyHeader();

    /**
     * The flow's own fields of a parked message, from its properties as the broker lists them, in display order.
     *
     * @param trackingId the message's tracking id
     * @param properties the message's properties by name
     */
    Map<String, Object> details(String trackingId, Map<String, Object> properties);

    /**
     * Puts one parked message back where it goes next (its delivery queue, or where the flow says), under the same
     * tracking id, in one broker transaction with its removal from the dead-letter queue; audited.
     *
     * @return false when it is not (or no longer) in the flow's dead-letter queue
     */
    boolean replay(String trackingId, String operator);
}
