package vn.lienthong.deadletter;

import java.time.OffsetDateTime;

/**
 * One message parked in a dead-letter queue, as operators see it.
 *
 * @param id           the message's tracking id (stays the same when it is replayed)
 * @param queue        the dead-letter queue holding it
 * @param kind         DOSSIER, PROGRESS, ...
 * @param maHoSo       the dossier it is about
 * @param reason       why it was parked
 * @param attempts     retries made before it was parked
 * @param firstFailure when its delivery first failed
 * @param lastFailure  when it was parked
 * @param heldBehind   messages of its dossier held behind it (sent once it is replayed and delivered)
 */
public record DeadLetter(String id, String queue, String kind, String maHoSo, String reason, int attempts,
                         OffsetDateTime firstFailure, OffsetDateTime lastFailure, int heldBehind) {
}
