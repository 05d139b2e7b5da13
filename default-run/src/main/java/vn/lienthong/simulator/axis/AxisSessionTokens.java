package vn.lienthong.simulator.axis;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

import vn.lienthong.simulator.axis.AxisSimulatorProperties.ConnectedSystem;

/** The SOAP transport's session tokens (GetSessionToken): each stands for one system until it expires. */
public class AxisSessionTokens {

    /** A token and when it stops being valid. */
    public record Session(String token, Instant expiresAt) {
    }

    private record Entry(String systemId, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();
    private final AxisDirectory directory;
    private final Duration ttl;
    private final Clock clock;

    public AxisSessionTokens(AxisDirectory directory, Duration ttl, Clock clock) {
        this.directory = directory;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Session open(ConnectedSystem system) {
        Instant now = clock.instant();
        tokens.values().removeIf(entry -> !entry.expiresAt().isAfter(now)); // keeps the map small
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = now.plus(ttl);
        tokens.put(token, new Entry(system.systemId(), expiresAt));
        return new Session(token, expiresAt);
    }

    /**
     * The system a token stands for.
     *
     * @throws AxisRefusal 401 when the token is missing, unknown or expired
     */
    public ConnectedSystem system(String token) {
        Entry entry = token == null ? null : tokens.get(token);
        if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
            throw new AxisRefusal(AxisRefusal.UNAUTHORIZED,
                    "Token không hợp lệ hoặc đã hết hạn (invalid or expired token): call GetSessionToken");
        }
        return directory.system(entry.systemId()).orElseThrow(AxisRefusal::unauthorized);
    }

    /** Every token becomes invalid; returns how many there were. */
    public int expireAll() {
        int count = tokens.size();
        tokens.clear();
        return count;
    }
}
