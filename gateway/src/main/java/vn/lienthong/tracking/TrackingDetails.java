package vn.lienthong.tracking;

import java.util.Optional;

/**
 * More about a tracked message than its states, shown in its tracking record under {@link #section()}: e.g. a
 * document's DocumentId, signature and attachment SHA-256s. Capabilities add their own without tracking knowing them.
 */
public interface TrackingDetails {

    String section();

    Optional<?> describe(String trackingId);
}
