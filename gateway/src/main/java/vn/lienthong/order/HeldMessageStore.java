package vn.lienthong.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The held messages (table {@code held_message}): set aside per destination and ordering key, released in order. */
@Repository
public class HeldMessageStore {

    private static final TypeReference<Map<String, Object>> HEADERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public HeldMessageStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** False when it is already held (the broker delivered it again after a crash between holding and acknowledging). */
    public boolean insert(HeldMessage message, OffsetDateTime now) {
        try {
            jdbc.update("""
                    insert into held_message (tracking_id, destination, order_key, seq, kind, headers, body, body_queue,
                        attempts, next_attempt_at, parked, held_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?)""",
                    message.trackingId(), message.destination(), message.key(), message.sequence(), message.kind(),
                    write(message.headers()), message.body(), message.bodyQueue(), message.attempts(),
                    message.nextAttemptAt(), now);
            return true;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    /**
     * The place after the key's last held message, for a flow whose messages have no place of their own (documents:
     * one consumer at a time per key, the broker's message group, so two never take the same place).
     */
    public long nextPlace(String destination, String key) {
        Long last = jdbc.queryForObject("select max(seq) from held_message where destination = ? and order_key = ?",
                Long.class, destination, key);
        return last == null ? 1 : last + 1;
    }

    /** Whether the key has held messages. */
    public boolean holds(String destination, String key) {
        Integer n = jdbc.queryForObject("select count(*) from held_message where destination = ? and order_key = ?",
                Integer.class, destination, key);
        return n != null && n > 0;
    }

    /** The key's first held message (the only one that may go next). */
    public Optional<HeldMessage> head(String destination, String key) {
        return jdbc.query("""
                select * from held_message where destination = ? and order_key = ?
                order by seq fetch first 1 rows only""", (rs, row) -> message(rs), destination, key)
                .stream().findFirst();
    }

    /** Keys whose first held message is due and not being sent, the longest waiting first. */
    public List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.query("""
                select h.destination, h.order_key from held_message h
                where h.parked = false and h.next_attempt_at <= ? and (h.claimed_until is null or h.claimed_until < ?)
                  and not exists (select 1 from held_message e
                                  where e.destination = h.destination and e.order_key = h.order_key and e.seq < h.seq)
                order by h.next_attempt_at fetch first %d rows only""".formatted(limit),
                (rs, row) -> new Due(rs.getString(1), rs.getString(2)), now, now);
    }

    /** A key whose first held message is due, and the destination it waits for. */
    public record Due(String destination, String key) {
    }

    /** Takes the message for one attempt, unless another retrier has it (a lease taken over during a slow call). */
    public boolean claim(String trackingId, OffsetDateTime until, OffsetDateTime now) {
        return jdbc.update("""
                update held_message set claimed_until = ?
                where tracking_id = ? and parked = false and (claimed_until is null or claimed_until < ?)""",
                until, trackingId, now) == 1;
    }

    public void retryLater(String trackingId, int attempts, OffsetDateTime nextAttemptAt) {
        jdbc.update("update held_message set attempts = ?, next_attempt_at = ?, claimed_until = null where tracking_id = ?",
                attempts, nextAttemptAt, trackingId);
    }

    /** Not tried yet (an earlier message of its key is still on its way): looked at again after the others. */
    public void postpone(String trackingId, OffsetDateTime nextAttemptAt) {
        jdbc.update("update held_message set next_attempt_at = ?, claimed_until = null where tracking_id = ?",
                nextAttemptAt, trackingId);
    }

    /** Dead-lettered: it stays first of its key, so that the later messages wait behind it. */
    public void park(String trackingId, int attempts) {
        jdbc.update("update held_message set attempts = ?, parked = true, claimed_until = null where tracking_id = ?",
                attempts, trackingId);
    }

    /** Replayed by an operator: first of its key again, with all its attempts, due now. False if not parked here. */
    public boolean unpark(String trackingId, OffsetDateTime now) {
        return jdbc.update("""
                update held_message set parked = false, attempts = 0, next_attempt_at = ?, claimed_until = null
                where tracking_id = ? and parked = true""", now, trackingId) == 1;
    }

    public void delete(String trackingId) {
        jdbc.update("delete from held_message where tracking_id = ?", trackingId);
    }

    /** Tracking ids of the key's messages held behind this place, in order. */
    public List<String> behind(String destination, String key, long sequence) {
        return jdbc.queryForList("""
                select tracking_id from held_message where destination = ? and order_key = ? and seq > ?
                order by seq""", String.class, destination, key, sequence);
    }

    /** How many messages of its key wait behind a parked message (0 when it was not parked from here). */
    public int waitingBehind(String trackingId) {
        Integer n = jdbc.queryForObject("""
                select count(*) from held_message h join held_message p
                  on p.destination = h.destination and p.order_key = h.order_key and h.seq > p.seq
                where p.tracking_id = ? and p.parked = true""", Integer.class, trackingId);
        return n == null ? 0 : n;
    }

    /** The key's held message right before this place, if any: what a message held behind it waits for. */
    public Optional<HeldMessage> justBefore(String destination, String key, long sequence) {
        return jdbc.query("""
                select * from held_message where destination = ? and order_key = ? and seq < ?
                order by seq desc fetch first 1 rows only""", (rs, row) -> message(rs), destination, key, sequence)
                .stream().findFirst();
    }

    private HeldMessage message(ResultSet rs) throws SQLException {
        return new HeldMessage(rs.getString("tracking_id"), rs.getString("destination"), rs.getString("order_key"),
                rs.getLong("seq"), rs.getString("kind"), read(rs.getString("headers")), rs.getString("body"),
                rs.getString("body_queue"), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getBoolean("parked"));
    }

    private String write(Map<String, Object> headers) {
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a held message cannot be written", e);
        }
    }

    private Map<String, Object> read(String headers) {
        try {
            return json.readValue(headers, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of a held message cannot be read", e);
        }
    }
}
