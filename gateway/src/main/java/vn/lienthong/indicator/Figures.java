package vn.lienthong.indicator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of one group (or of the whole period) from its summed counters: the counts as they are and the
 * rates over their denominators, a fraction 0..1 or null where the denominator is 0 (docs/indicators.md).
 */
final class Figures {

    /** The JSON's (and the CSV's) fields, in order. */
    static final List<String> FIELDS = List.of("received", "receivedOnline", "receivedInPerson", "receivedPostal",
            "knownToPortal", "synced", "syncRatio", "syncLagP50Seconds", "syncLagP95Seconds", "progressReceived",
            "progressSynced", "progressPending", "finished", "finishedOnTime", "finishedLate", "onTimeRate",
            "onlineRate", "paidOnline", "onlinePaymentRate", "digitised", "digitisedRate", "partsDigitised",
            "partsReused", "partsFromNationalStore", "resultsIssued", "vneid", "vneidRate", "ratings", "satisfied",
            "satisfactionRate", "complaints");

    private Figures() {
    }

    static Map<String, Object> of(long[] c) {
        long received = c[Counter.RECEIVED.ordinal()];
        long synced = c[Counter.SYNCED.ordinal()];
        long known = c[Counter.KNOWN_TO_PORTAL.ordinal()];
        long finished = c[Counter.FINISHED.ordinal()];
        long onTime = c[Counter.FINISHED_ON_TIME.ordinal()];
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("received", received);
        f.put("receivedOnline", c[Counter.RECEIVED_ONLINE.ordinal()]);
        f.put("receivedInPerson", c[Counter.RECEIVED_IN_PERSON.ordinal()]);
        f.put("receivedPostal", c[Counter.RECEIVED_POSTAL.ordinal()]);
        f.put("knownToPortal", known);
        f.put("synced", synced);
        // 766: synced over the larger of those reported (received here) and those the portal knows.
        f.put("syncRatio", rate(synced, Math.max(received, known)));
        f.put("syncLagP50Seconds", SyncLag.percentile(c, 0.5));
        f.put("syncLagP95Seconds", SyncLag.percentile(c, 0.95));
        long progressReceived = c[Counter.PROGRESS_RECEIVED.ordinal()];
        long progressSynced = c[Counter.PROGRESS_SYNCED.ordinal()];
        f.put("progressReceived", progressReceived);
        f.put("progressSynced", progressSynced);
        f.put("progressPending", Math.max(0, progressReceived - progressSynced));
        f.put("finished", finished);
        f.put("finishedOnTime", onTime);
        f.put("finishedLate", finished - onTime);
        f.put("onTimeRate", rate(onTime, finished));
        f.put("onlineRate", rate(c[Counter.RECEIVED_ONLINE.ordinal()], received));
        f.put("paidOnline", c[Counter.PAID_ONLINE.ordinal()]);
        f.put("onlinePaymentRate", rate(c[Counter.PAID_ONLINE.ordinal()], received));
        f.put("digitised", c[Counter.DIGITISED.ordinal()]);
        f.put("digitisedRate", rate(c[Counter.DIGITISED.ordinal()], received));
        f.put("partsDigitised", c[Counter.PARTS_DIGITISED.ordinal()]);
        f.put("partsReused", c[Counter.PARTS_REUSED.ordinal()]);
        f.put("partsFromNationalStore", c[Counter.PARTS_FROM_NATIONAL_STORE.ordinal()]);
        f.put("resultsIssued", c[Counter.RESULTS_ISSUED.ordinal()]);
        f.put("vneid", c[Counter.VNEID.ordinal()]);
        f.put("vneidRate", rate(c[Counter.VNEID.ordinal()], received));
        f.put("ratings", c[Counter.RATINGS.ordinal()]);
        f.put("satisfied", c[Counter.SATISFIED.ordinal()]);
        f.put("satisfactionRate", rate(c[Counter.SATISFIED.ordinal()], c[Counter.RATINGS.ordinal()]));
        f.put("complaints", c[Counter.COMPLAINTS.ordinal()]);
        return f;
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
