package vn.lienthong.order;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A message set aside in the held messages, as it was queued (its {@code Lienthong*} headers and body), with its
 * place in its dossier and its retry schedule.
 *
 * @param attempts      portal calls made for it so far
 * @param nextAttemptAt when the retrier may try it again
 * @param parked        dead-lettered after its attempts: its dossier's later messages wait behind it
 */
public record HeldMessage(String trackingId, String maHoSo, long sequence, String kind, Map<String, Object> headers,
                          String body, int attempts, OffsetDateTime nextAttemptAt, boolean parked) {
}
