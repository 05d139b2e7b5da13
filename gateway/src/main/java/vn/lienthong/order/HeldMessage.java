package vn.lienthong.order;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A message set aside in the held messages, as it was queued (its {@code Lienthong*} headers and body), with its
 * destination, its place behind its ordering key and its retry schedule.
 *
 * @param destination   where it goes: portal, axis, eoffice (its send route is {@code direct:<destination>-send})
 * @param key           its ordering key (a dossier's MaHoSo, a document's DocumentId): held messages of one key go in
 *                      {@code sequence} order
 * @param body          the body as queued; null when it is kept in {@code bodyQueue} (a large document)
 * @param bodyQueue     the broker queue holding the body (see {@link HeldBodies}), or null
 * @param attempts      calls made for it so far
 * @param nextAttemptAt when the retrier may try it again
 * @param parked        dead-lettered after its attempts: its key's later messages wait behind it
 */
public record HeldMessage(String trackingId, String destination, String key, long sequence, String kind,
                          Map<String, Object> headers, String body, String bodyQueue, int attempts,
                          OffsetDateTime nextAttemptAt, boolean parked) {
}
