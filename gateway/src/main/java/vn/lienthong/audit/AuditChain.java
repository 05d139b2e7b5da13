package vn.lienthong.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit chain in the database: appends what waits in {@code audit_pending}, and recomputes the chain to verify
 * it. An append locks the chain head's row for its transaction: instances appending at once take turns, each
 * continuing from the entry the other committed, and a restarted gateway continues from the head it finds.
 */
@Component
public class AuditChain {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int batchSize;

    public AuditChain(JdbcTemplate jdbc, TransactionTemplate tx, AuditProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.batchSize = properties.batchSize();
    }

    /** Appends every pending record, oldest first, in transactions of at most batch-size; returns how many. */
    public int appendPending() {
        int appended = 0;
        for (int batch = appendBatch(); batch > 0; batch = appendBatch()) {
            appended += batch;
            if (batch < batchSize) {
                break;
            }
        }
        return appended;
    }

    private int appendBatch() {
        Integer appended = tx.execute(status -> {
            // The head first, locked: a second appender waits here, then reads the pending rows this one left.
            Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1 for update",
                    (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
            List<AuditEntry.Pending> pending = jdbc.query("""
                    select id, occurred_at, action, actor, subject, kind, body_sha256, detail from audit_pending
                    order by id fetch first ? rows only""", (rs, row) -> new AuditEntry.Pending(rs.getLong("id"),
                    rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    AuditAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("subject"),
                    rs.getString("kind"), rs.getString("body_sha256"), rs.getString("detail")), batchSize);
            if (pending.isEmpty()) {
                return 0;
            }
            List<AuditEntry> entries = new ArrayList<>(pending.size());
            long seq = head.lastSeq();
            String prev = head.lastHash();
            for (AuditEntry.Pending record : pending) {
                AuditEntry entry = AuditEntry.chained(++seq, record, prev);
                entries.add(entry);
                prev = entry.hash();
            }
            jdbc.batchUpdate("""
                    insert into audit_entry (seq, occurred_at, action, actor, subject, kind, body_sha256, detail,
                        prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    entries.stream().map(e -> new Object[] {e.seq(),
                            OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.action().name(),
                            e.actor(), e.subject(), e.kind(), e.bodySha256(), e.detail(), e.prevHash(), e.hash()})
                            .toList());
            jdbc.batchUpdate("delete from audit_pending where id = ?",
                    pending.stream().map(p -> new Object[] {p.id()}).toList());
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1", seq, prev);
            return entries.size();
        });
        return appended == null ? 0 : appended;
    }

    /**
     * Recomputes the chain up to its head: every entry's hash from its fields, every link to the entry before, no
     * entry missing (seq 1, 2, ... up to the head's). Entries appended meanwhile are beyond the head read first and
     * are left for the next verification.
     */
    public Verification verify() {
        Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = 1",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)));
        Walk walk = new Walk();
        jdbc.query("select * from audit_entry where seq <= ? order by seq", rs -> {
            walk.next(entry(rs));
        }, head.lastSeq());
        Long broken = walk.firstBrokenAt;
        if (broken == null && walk.expected - 1 != head.lastSeq()) {
            broken = walk.expected; // entries removed from the end
        } else if (broken == null && !walk.prev.equals(head.lastHash())) {
            broken = head.lastSeq(); // the head no longer names the last entry
        }
        return new Verification(broken == null, head.lastSeq(), broken, head.lastHash());
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                AuditAction.valueOf(rs.getString("action")), rs.getString("actor"), rs.getString("subject"),
                rs.getString("kind"), rs.getString("body_sha256"), rs.getString("detail"), rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    /** The chain read in order, remembering the first entry that does not hold. */
    private static final class Walk {
        long expected = 1;
        String prev = AuditEntry.GENESIS;
        Long firstBrokenAt;

        void next(AuditEntry entry) {
            if (firstBrokenAt == null) {
                if (entry.seq() != expected) {
                    firstBrokenAt = expected; // an entry is missing
                } else if (!entry.prevHash().equals(prev) || !entry.recomputedHash().equals(entry.hash())) {
                    firstBrokenAt = entry.seq();
                }
            }
            expected = entry.seq() + 1;
            prev = entry.hash();
        }
    }

    private record Head(long lastSeq, String lastHash) {
    }

    /**
     * What {@code GET /api/v1/audit/verify} answers.
     *
     * @param entries       how many entries the chain has (up to its head when verification began)
     * @param firstBrokenAt seq of the first entry that was changed, removed or put in; null when valid
     * @param lastHash      the head's hash: noted outside the gateway, it shows a later rewrite of the whole chain
     */
    public record Verification(boolean valid, long entries, Long firstBrokenAt, String lastHash) {
    }
}
