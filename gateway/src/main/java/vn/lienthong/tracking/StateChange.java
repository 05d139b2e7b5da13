package vn.lienthong.tracking;

import java.time.Instant;

/**
 * A state change the trail recorded (committed): the message's kind and dossier, when it was received, the state it
 * left when the store knows it ({@code from}, else null), the state it entered, and why.
 */
public record StateChange(String trackingId, String kind, String maHoSo, Instant receivedAt, TrackingState from,
                          TrackingState to, String detail) {
}
