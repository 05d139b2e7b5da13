package vn.lienthong.tracking;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One accepted message and its history, as the tracking API shows it ({@code sequence}: its place in its dossier;
 * {@code reply}: its destination's final answer, null when none answered yet).
 */
public record TrackedMessage(
        String trackingId,
        String clientId,
        String kind,
        String maHoSo,
        String unitCode,
        Long sequence,
        TrackingState state,
        int attempts,
        DestinationReply reply,
        OffsetDateTime acceptedAt,
        List<Event> history) {

    public record Event(TrackingState state, OffsetDateTime at, String detail) {
    }
}
