package vn.lienthong.deadletter;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One message parked or quarantined in a flow's dead-letter queue, as operators see it, whatever its flow.
 *
 * @param id           the message's tracking id (stays the same when it is replayed)
 * @param flow         the flow it belongs to ({@code dossier}, {@code document})
 * @param queue        the dead-letter queue holding it
 * @param kind         DOSSIER, PROGRESS, DOCUMENT, DOCUMENT_STATUS
 * @param key          its flow's ordering key: the MaHoSo of a dossier message, the DocumentId of a document
 * @param reason       why it was parked (for a message the broker dead-lettered itself, saying so)
 * @param state        its state in the trail (DEAD_LETTERED, QUARANTINED)
 * @param attempts     retries made before it was parked
 * @param firstFailure when its delivery first failed
 * @param lastFailure  when it was parked
 * @param details      what only its flow has (dossiers: MaHoSo, heldBehind; documents: documentId, axisDocId,
 *                     originQueue), in the order they are shown
 */
public record DeadLetter(String id, String flow, String queue, String kind, String key, String reason, String state,
                         int attempts, OffsetDateTime firstFailure, OffsetDateTime lastFailure,
                         Map<String, Object> details) {
}
