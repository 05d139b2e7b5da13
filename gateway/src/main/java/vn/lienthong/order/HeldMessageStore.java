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

/** The held messages (table {@code held_message}): set aside per dossier, released in their dossier's order. */
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
                    insert into held_message (tracking_id, ma_ho_so, dossier_seq, kind, headers, body, attempts,
                        next_attempt_at, parked, held_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, false, ?)""",
                    message.trackingId(), message.maHoSo(), message.sequence(), message.kind(),
                    write(message.headers()), message.body(), message.attempts(), message.nextAttemptAt(), now);
            return true;
        } catch (DuplicateKeyException alreadyHeld) {
            return false;
        }
    }

    /** The dossier's first held message (the only one that may go next). */
    public Optional<HeldMessage> head(String maHoSo) {
        return jdbc.query("select * from held_message where ma_ho_so = ? order by dossier_seq fetch first 1 rows only",
                (rs, row) -> message(rs), maHoSo).stream().findFirst();
    }

    /** Dossiers whose first held message is due and not being sent, the longest waiting first. */
    public List<String> dueDossiers(OffsetDateTime now, int limit) {
        return jdbc.queryForList("""
                select h.ma_ho_so from held_message h
                where h.parked = false and h.next_attempt_at <= ? and (h.claimed_until is null or h.claimed_until < ?)
                  and not exists (select 1 from held_message e where e.ma_ho_so = h.ma_ho_so and e.dossier_seq < h.dossier_seq)
                order by h.next_attempt_at fetch first %d rows only""".formatted(limit), String.class, now, now);
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

    /** Not tried yet (an earlier message of its dossier is still on its way): looked at again after the others. */
    public void postpone(String trackingId, OffsetDateTime nextAttemptAt) {
        jdbc.update("update held_message set next_attempt_at = ? where tracking_id = ?", nextAttemptAt, trackingId);
    }

    /** Dead-lettered: it stays first of its dossier, so that the later messages wait behind it. */
    public void park(String trackingId, int attempts) {
        jdbc.update("update held_message set attempts = ?, parked = true, claimed_until = null where tracking_id = ?",
                attempts, trackingId);
    }

    /** Replayed by an operator: first of its dossier again, with all its attempts, due now. False if not parked here. */
    public boolean unpark(String trackingId, OffsetDateTime now) {
        return jdbc.update("""
                update held_message set parked = false, attempts = 0, next_attempt_at = ?, claimed_until = null
                where tracking_id = ? and parked = true""", now, trackingId) == 1;
    }

    public void delete(String trackingId) {
        jdbc.update("delete from held_message where tracking_id = ?", trackingId);
    }

    /** Tracking ids of the dossier's messages held behind this place, in order. */
    public List<String> behind(String maHoSo, long sequence) {
        return jdbc.queryForList("select tracking_id from held_message where ma_ho_so = ? and dossier_seq > ? "
                + "order by dossier_seq", String.class, maHoSo, sequence);
    }

    /** How many messages of its dossier wait behind a parked message (0 when it was not parked from here). */
    public int waitingBehind(String trackingId) {
        Integer n = jdbc.queryForObject("""
                select count(*) from held_message h join held_message p
                  on p.ma_ho_so = h.ma_ho_so and h.dossier_seq > p.dossier_seq
                where p.tracking_id = ? and p.parked = true""", Integer.class, trackingId);
        return n == null ? 0 : n;
    }

    /** The dossier's held message right before this place, if any: what a message held behind it waits for. */
    public Optional<HeldMessage> justBefore(String maHoSo, long sequence) {
        return jdbc.query("""
                select * from held_message where ma_ho_so = ? and dossier_seq < ?
                order by dossier_seq desc fetch first 1 rows only""", (rs, row) -> message(rs), maHoSo, sequence)
                .stream().findFirst();
    }

    private HeldMessage message(ResultSet rs) throws SQLException {
        return new HeldMessage(rs.getString("tracking_id"), rs.getString("ma_ho_so"), rs.getLong("dossier_seq"),
                rs.getString("kind"), read(rs.getString("headers")), rs.getString("body"), rs.getInt("attempts"),
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
