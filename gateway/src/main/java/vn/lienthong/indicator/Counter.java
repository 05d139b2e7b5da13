package vn.lienthong.indicator;

import java.util.Arrays;
import java.util.List;

/**
 * The counters of {@code indicator_day}, in its column order: what each dossier adds to its day, unit and procedure
 * ({@link Definitions}), summed over any period and grouping, from which every indicator is computed
 * ({@link Figures}). Each is a column and, except the sync lag's buckets, a field of the API's JSON.
 */
enum Counter {
    RECEIVED("received", "received"),
    RECEIVED_ONLINE("received_online", "receivedOnline"),
    RECEIVED_IN_PERSON("received_in_person", "receivedInPerson"),
    RECEIVED_POSTAL("received_postal", "receivedPostal"),
    KNOWN_TO_PORTAL("known_to_portal", "knownToPortal"),
    SYNCED("synced", "synced"),
    PROGRESS_RECEIVED("progress_received", "progressReceived"),
    PROGRESS_SYNCED("progress_synced", "progressSynced"),
    FINISHED("finished", "finished"),
    FINISHED_ON_TIME("finished_on_time", "finishedOnTime"),
    PAID_ONLINE("paid_online", "paidOnline"),
    DIGITISED("digitised", "digitised"),
    PARTS_DIGITISED("parts_digitised", "partsDigitised"),
    PARTS_REUSED("parts_reused", "partsReused"),
    PARTS_FROM_NATIONAL_STORE("parts_from_national_store", "partsFromNationalStore"),
    RESULTS_ISSUED("results_issued", "resultsIssued"),
    VNEID("vneid", "vneid"),
    RATINGS("ratings", "ratings"),
    SATISFIED("satisfied", "satisfied"),
    COMPLAINTS("complaints", "complaints"),
    LAG_0("lag_0", null), LAG_1("lag_1", null), LAG_2("lag_2", null), LAG_3("lag_3", null),
    LAG_4("lag_4", null), LAG_5("lag_5", null), LAG_6("lag_6", null), LAG_7("lag_7", null),
    LAG_8("lag_8", null), LAG_9("lag_9", null), LAG_10("lag_10", null), LAG_11("lag_11", null);

    static final List<Counter> ALL = List.of(values());
    static final int COUNT = ALL.size();
    /** Every column, comma separated, in order: for the statements that read or write them all. */
    static final String COLUMNS = String.join(", ", ALL.stream().map(c -> c.column).toList());

    final String column;
    /** Its field in the API's JSON and CSV; null for the sync lag's buckets (the API gives p50 and p95). */
    final String field;

    Counter(String column, String field) {
        this.column = column;
        this.field = field;
    }

    static long[] zeros() {
        return new long[COUNT];
    }

    /** The counters a newer version may have added read as zero. */
    static long[] padded(long[] counts) {
        return counts.length == COUNT ? counts : Arrays.copyOf(counts, COUNT);
    }

    static Counter lag(int bucket) {
        return ALL.get(LAG_0.ordinal() + bucket);
    }
}
