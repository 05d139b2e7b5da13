package vn.lienthong.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the gateway records what the audit chain must keep: one insert into {@code audit_pending}, in the caller's
 * transaction when it has one (so an accepted message and its audit record commit together), never a lock; the
 * {@link AuditChain} appends it to the chain a moment later (docs/audit.md).
 */
@Component("auditTrail")
public class AuditTrail {

    static final int MAX_ACTOR = 200;
    static final int MAX_SUBJECT = 300;
    static final int MAX_DETAIL = 2000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** A message stored in the broker: its 202 stands (or, for the axis's documents, it is the gateway's now). */
    public void messageAccepted(String trackingId, String clientId, String kind, String bodySha256,
                                OffsetDateTime acceptedAt) {
        insert(acceptedAt.toInstant(), AuditAction.MESSAGE_ACCEPTED, clientId, trackingId, kind, bodySha256, null);
    }

    /** An operator's or administrator's action; {@code subject} is what it acted on (a tracking id, an MBean). */
    public void operatorAction(String actor, AuditAction action, String subject, String detail) {
        insert(clock.instant(), action, actor, subject, null, null, detail);
    }

    private void insert(Instant at, AuditAction action, String actor, String subject, String kind, String bodySha256,
                        String detail) {
        jdbc.update("""
                insert into audit_pending (occurred_at, action, actor, subject, kind, body_sha256, detail)
                values (?, ?, ?, ?, ?, ?, ?)""",
                OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC), action.name(),
                bounded(actor == null ? "unknown" : actor, MAX_ACTOR), bounded(subject, MAX_SUBJECT), kind,
                bodySha256, bounded(detail, MAX_DETAIL));
    }

    /**
     * What fits its column and every database stores as given: cut at {@code max} characters (never inside a
     * surrogate pair), NUL (which PostgreSQL refuses in text) as U+FFFD.
     */
    static String bounded(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\u0000', '\uFFFD');
        if (clean.length() <= max) {
            return clean;
        }
        int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end);
    }
}
