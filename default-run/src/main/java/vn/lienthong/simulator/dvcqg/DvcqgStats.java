package vn.lienthong.simulator.dvcqg;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Request and fault counters since start or the last reset. */
public class DvcqgStats {

    public static final String AUTH = "auth";
    /** {@code GET /getfile/{id}}. */
    public static final String GETFILE = "getfile";
    /** Integration calls without a supported service: malformed JSON, no service, unknown service. */
    public static final String INVALID = "invalid";

    private final Map<String, LongAdder> requests = new LinkedHashMap<>(); // fixed keys, filled once
    private final LongAdder rejectedByFault = new LongAdder();
    private final LongAdder failedByFault = new LongAdder();

    public DvcqgStats() {
        requests.put(AUTH, new LongAdder());
        DvcqgPortal.SERVICES.forEach(service -> requests.put(service, new LongAdder()));
        requests.put(GETFILE, new LongAdder());
        requests.put(INVALID, new LongAdder());
    }

    /** Counts one request to {@code key} ({@link #AUTH}, a supported service, otherwise {@link #INVALID}). */
    public void request(String key) {
        LongAdder counter = key == null ? null : requests.get(key);
        (counter == null ? requests.get(INVALID) : counter).increment();
    }

    /** A call answered error_code 4 by the reject pattern. */
    public void rejectedByFault() {
        rejectedByFault.increment();
    }

    /** A call answered HTTP 503 (down) or 500 (errorRate, failMaHoSoPattern). */
    public void failedByFault() {
        failedByFault.increment();
    }

    public Map<String, Long> requests() {
        Map<String, Long> snapshot = new LinkedHashMap<>();
        requests.forEach((key, counter) -> snapshot.put(key, counter.sum()));
        return snapshot;
    }

    public long rejectedByFaultCount() {
        return rejectedByFault.sum();
    }

    public long failedByFaultCount() {
        return failedByFault.sum();
    }

    public void reset() {
        requests.values().forEach(LongAdder::reset);
        rejectedByFault.reset();
        failedByFault.reset();
    }
}
