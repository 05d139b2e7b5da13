package vn.lienthong.simulator.dvcqg;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/** Sessions handed out on login, each valid for a fixed time from login (no sliding: renewal must be exercised). */
public class DvcqgSessions {

    // purge expired sessions only when this many are held, so a login is O(1) in the common case
    private static final int PURGE_ABOVE = 1024;

    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Instant> expiries = new ConcurrentHashMap<>();

    public DvcqgSessions(Duration ttl, Clock clock) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("sessionTtl must be positive, was " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Opens a new session and returns its id. */
    public String open() {
        Instant now = clock.instant();
        if (expiries.size() > PURGE_ABOVE) {
            expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(id, now.plus(ttl));
        return id;
    }

    public boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        Instant expiry = expiries.get(id);
        if (expiry == null) {
            return false;
        }
        if (!clock.instant().isBefore(expiry)) {
            expiries.remove(id, expiry);
            return false;
        }
        return true;
    }

    /** Invalidates every session; returns how many were open. */
    public int expireAll() {
        int count = expiries.size();
        expiries.clear();
        return count;
    }
}
