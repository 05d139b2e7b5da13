package vn.lienthong.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts wrong credentials per source address; a source over the limit is refused (429) until its window ends.
 * Only failures count, and only a failing request is ever refused: a client with valid credentials is never slowed
 * down by someone guessing from the same address. Logs the source and the reason, never the credential.
 */
@Component
public class FailedLogins {

    private static final Logger log = LoggerFactory.getLogger(FailedLogins.class);
    /** Sources remembered at most; expired windows are dropped beyond it. */
    private static final int MAX_SOURCES = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    public FailedLogins(AccessProperties properties) {
        this(properties.failedLogins().limit(), properties.failedLogins().window(), Clock.systemUTC());
    }

    FailedLogins(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.clock = clock;
    }

    /**
     * Records one wrong credential from {@code source}; answers how long it must wait before trying again, or
     * {@link Duration#ZERO} when it is still under the limit.
     */
    public Duration failed(String source, String reason) {
        long now = clock.millis();
        if (windows.size() > MAX_SOURCES) {
            windows.values().removeIf(w -> w.endsAt <= now);
        }
        Window window = windows.compute(source, (s, w) -> w == null || w.endsAt <= now
                ? new Window(now + windowMillis, 1) : new Window(w.endsAt, w.failures + 1));
        if (window.failures <= limit) {
            log.warn("authentication failed from {}: {}", source, reason);
            return Duration.ZERO;
        }
        if (window.failures == limit + 1) {
            log.warn("{} failed authentications from {} within {} ms: refused with 429 until the window ends",
                    limit, source, windowMillis);
        }
        return Duration.ofMillis(Math.max(1000, window.endsAt - now));
    }

    /** Forgets every source's failures (a test starts from an empty window, whatever tests before it did). */
    void clear() {
        windows.clear();
    }

    private record Window(long endsAt, int failures) {
    }
}
