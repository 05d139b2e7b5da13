package vn.lienthong.indicator;

import java.time.Duration;

/**
 * The sync lag of a dossier (accepted at the gateway, then accepted by the national portal) counted in buckets, so
 * that its percentiles over any period come from sums, without the dossiers: a percentile is the upper bound of the
 * bucket it falls in ("at most"). The last bucket holds every lag from a day up and reads as a week.
 */
final class SyncLag {

    /** Upper bounds in seconds of buckets 0..11 ({@code lag_0}..{@code lag_11}). */
    static final long[] BOUNDS = { 1, 2, 5, 10, 30, 60, 300, 900, 3600, 14_400, 86_400, 604_800 };

    private SyncLag() {
    }

    static int bucket(Duration lag) {
        double seconds = Math.max(0, lag.toMillis()) / 1000.0;
        for (int i = 0; i < BOUNDS.length - 1; i++) {
            if (seconds <= BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length - 1;
    }

    /** The bound of the bucket holding the {@code fraction} (0.5, 0.95) percentile; null without synced dossiers. */
    static Long percentile(long[] counts, double fraction) {
        long total = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            total += counts[Counter.lag(i).ordinal()];
        }
        if (total == 0) {
            return null;
        }
        double rank = fraction * total;
        long seen = 0;
        for (int i = 0; i < BOUNDS.length; i++) {
            seen += counts[Counter.lag(i).ordinal()];
            if (seen >= rank) {
                return BOUNDS[i];
            }
        }
        return BOUNDS[BOUNDS.length - 1];
    }
}
