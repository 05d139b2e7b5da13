package vn.lienthong.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Every call to a destination, by its reply code ({@code lienthong_destination_calls_total{destination, code}}: the
 * portal's {@code error_code}, the axis's and the e-office's HTTP status; {@code unreachable}, or {@code http_<status>}
 * for a portal answer that is not the portal's JSON), and each destination's last answer or failure, which the
 * destination health components and {@code lienthong_destination_up} show. The clients call it once per call.
 */
@Component
public class DestinationCalls {

    /** For clients built outside Spring (unit tests): counts nothing. */
    public static final DestinationCalls NONE = new DestinationCalls();

    private static final String[] HTTP_STATUS = new String[600];

    static {
        for (int i = 0; i < HTTP_STATUS.length; i++) {
            HTTP_STATUS[i] = String.valueOf(i);
        }
    }

    private final MeterRegistry registry;
    private final Clock clock = Clock.systemUTC();
    private final Map<Destination, Map<String, Counter>> counters = new EnumMap<>(Destination.class);
    private final Map<Destination, LastCall> last = new ConcurrentHashMap<>();

    private DestinationCalls() {
        this.registry = null;
    }

    @Autowired
    public DestinationCalls(MeterRegistry registry) {
        this.registry = registry;
        for (Destination destination : Destination.values()) {
            counters.put(destination, new ConcurrentHashMap<>());
            Gauge.builder("lienthong.destination.up", this, calls -> calls.state(destination).upValue())
                    .description("1 when the destination's last call was answered, 0 when it failed, -1 before any call")
                    .tag("destination", destination.tag())
                    .register(registry);
        }
    }

    /** The destination answered (whatever it said): it is up. {@code code}: its reply code. */
    public void answered(Destination destination, String code) {
        count(destination, code);
        LastCall before = state(destination);
        last.put(destination, new LastCall(Boolean.TRUE, clock.instant(), before.lastError(), before.lastErrorAt()));
    }

    /** An HTTP status the destination answered with that counts as an answer (2xx, and refusals of a message). */
    public void answered(Destination destination, int httpStatus) {
        answered(destination, httpStatus(httpStatus));
    }

    /** The call failed: the destination could not be reached, or failed it (a 5xx, a broken answer). */
    public void failed(Destination destination, String code, String error) {
        count(destination, code);
        LastCall before = state(destination);
        Instant now = clock.instant();
        last.put(destination, new LastCall(Boolean.FALSE, before.at(), error, now));
    }

    public void failed(Destination destination, int httpStatus, String error) {
        failed(destination, httpStatus(httpStatus), error);
    }

    public LastCall state(Destination destination) {
        return last.getOrDefault(destination, LastCall.NONE);
    }

    private void count(Destination destination, String code) {
        if (registry == null) {
            return;
        }
        String tag = code == null ? "none" : code;
        counters.get(destination).computeIfAbsent(tag, c -> Counter.builder("lienthong.destination.calls")
                .description("Calls to a destination by its reply code")
                .tag("destination", destination.tag())
                .tag("code", c)
                .register(registry)).increment();
    }

    private static String httpStatus(int status) {
        return status >= 0 && status < HTTP_STATUS.length ? HTTP_STATUS[status] : String.valueOf(status);
    }

    /**
     * A destination's last call: {@code up} true (answered), false (failed) or null (no call yet); when it last
     * answered ({@code at}); its last error and when.
     */
    public record LastCall(Boolean up, Instant at, String lastError, Instant lastErrorAt) {
        static final LastCall NONE = new LastCall(null, null, null, null);

        double upValue() {
            return up == null ? -1 : up ? 1 : 0;
        }
    }
}
