package vn.lienthong.tracking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps the trail of every message: one row per message, one event per state change. */
@Repository
public class TrackingStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TrackingStore.class);

    /** Times are shown in the province's zone: that is what operators and the portal read. */
    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_DETAIL = 4000;
    private static final int MAX_REPLY_CODE = 32;
    private static final int MAX_SEQUENCE_ATTEMPTS = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BoundedCache<String, String> unitsOfDossiers = new BoundedCache<>(100_000);
    private final List<TrackingListener> listeners;
    /** What listeners are told about a message on its way (kind, dossier, time received), so no outcome asks for it. */
    private final BoundedCache<String, Facts> facts = new BoundedCache<>(100_000);

    public TrackingStore(JdbcTemplate jdbc, TransactionTemplate tx) {
        this(jdbc, tx, List.of());
    }

    @Autowired
    public TrackingStore(JdbcTemplate jdbc, TransactionTemplate tx, List<TrackingListener> listeners) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = Clock.system(ZONE);
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Records a newly received message (state RECEIVED until the broker confirms it) with its place in its dossier
     * (1, 2, ...: the order the dossier's messages must reach the portal in). When the client already sent the same
     * idempotency key, nothing is written and the first message is returned instead: still RECEIVED means the broker
     * never confirmed it (the gateway died or the broker failed in between), so it must be sent again.
     */
    public Registration register(NewMessage message) {
        return register(message, trackingId -> { });
    }

    /**
     * The same, with {@code alsoWithIt} run in the transaction that inserts the new message (e.g. what a capability
     * records about it in its own tables); not run for a repeated idempotency key. The insert is tried first and a
     * repeated key is looked up only when it collides: repeats are rare, and the lookup would cost every message a query.
     */
    public Registration register(NewMessage message, Consumer<String> alsoWithIt) {
        for (int attempt = 1; ; attempt++) {
            try {
                Long sequence = tx.execute(status -> {
                    Long inserted = insert(message);
                    alsoWithIt.accept(message.trackingId());
                    return inserted;
                });
                if ("DOSSIER".equals(message.kind()) && message.maHoSo() != null && message.unitCode() != null) {
                    unitsOfDossiers.put(message.maHoSo(), message.unitCode());
                }
                if (!listeners.isEmpty()) {
                    facts.put(message.trackingId(), new Facts(message.kind(), message.maHoSo(), Instant.now(clock)));
                }
                return new Registration(message.trackingId(), true, false, sequence, true);
            } catch (DuplicateKeyException raced) {
                // A repeated idempotency key (or two requests with one at the same moment): the first insert wins.
                if (message.idempotencyKey() != null) {
                    Optional<Registration> first = findByIdempotencyKey(message);
                    if (first.isPresent()) {
                        return first.get();
                    }
                }
                // The first two messages of a new dossier at the same moment: the other created its sequence.
                if (attempt == MAX_SEQUENCE_ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private Long insert(NewMessage message) {
        OffsetDateTime now = now();
        Long sequence = message.maHoSo() == null ? null : nextSequence(message.maHoSo());
        jdbc.update("""
                insert into tracked_message (tracking_id, client_id, kind, ma_ho_so, unit_code, idempotency_key,
                    body_sha256, dossier_seq, state, attempts, accepted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""",
                message.trackingId(), message.clientId(), message.kind(), message.maHoSo(), message.unitCode(),
                message.idempotencyKey(), message.bodySha256(), sequence, TrackingState.RECEIVED.name(), now, now);
        return sequence;
    }

    /**
     * The dossier's next place, taken on its {@code dossier_sequence} row: a concurrent acceptance for the same dossier
     * waits for this transaction. The first message of two for a new dossier at once: one insert fails, and the
     * registration is tried again (then the row is there).
     */
    private long nextSequence(String maHoSo) {
        if (jdbc.update("update dossier_sequence set last_seq = last_seq + 1 where ma_ho_so = ?", maHoSo) == 0) {
            jdbc.update("insert into dossier_sequence (ma_ho_so, last_seq) values (?, 1)", maHoSo);
            return 1;
        }
        Long last = jdbc.queryForObject("select last_seq from dossier_sequence where ma_ho_so = ?", Long.class, maHoSo);
        return last == null ? 1 : last;
    }

    /**
     * The broker confirmed the message. {@code sentAt} is when the send began: a consumer may take the message
     * before the send returns, and the history must still read RECEIVED, ACCEPTED, DELIVERING. One statement: the
     * ACCEPTED step is the message's {@code stored_at} (a delivery that already began keeps its state).
     */
    public void accepted(String trackingId, OffsetDateTime sentAt) {
        int updated = jdbc.update("""
                update tracked_message set stored_at = ?,
                    state = case when state = 'RECEIVED' then 'ACCEPTED' else state end, updated_at = ?
                where tracking_id = ?""", sentAt, now(), trackingId);
        if (updated == 1) {
            changed(trackingId, TrackingState.RECEIVED, TrackingState.ACCEPTED, null);
        }
    }

    /**
     * The same, with {@code alsoWithIt} in its transaction (the audit record of the acceptance: the message is
     * ACCEPTED exactly when its record exists).
     */
    public void accepted(String trackingId, OffsetDateTime sentAt, Runnable alsoWithIt) {
        tx.executeWithoutResult(status -> {
            accepted(trackingId, sentAt);
            alsoWithIt.run();
        });
    }

    public OffsetDateTime clock() {
        return now();
    }

    /** Removes a message whose durable storage failed: the client got an error, so no trail must remain. */
    public void withdraw(String trackingId) {
        jdbc.update("delete from tracked_message where tracking_id = ?", trackingId);
    }

    public void transition(String trackingId, TrackingState state, String detail) {
        transition(trackingId, null, state, detail);
    }

    /**
     * A state change during delivery. {@code delivering} (when not null) is the start of this delivery attempt,
     * recorded as a DELIVERING event in the same transaction: a delivery costs one commit, not two.
     */
    public void transition(String trackingId, DeliveryStart delivering, TrackingState state, String detail) {
        TrackingState[] from = new TrackingState[1];
        boolean recorded = Boolean.TRUE.equals(tx.execute(status -> {
            OffsetDateTime now = now();
            // Only a message put back (replayed) or held behind another enters these states from anywhere: the state it
            // leaves tells which (rare paths, worth a query).
            if (state == TrackingState.ACCEPTED || state == TrackingState.HELD) {
                from[0] = currentState(trackingId);
            }
            String attempts = state == TrackingState.RETRYING ? ", attempts = attempts + 1" : "";
            int updated = jdbc.update("update tracked_message set state = ?, updated_at = ?" + attempts
                    + " where tracking_id = ?", state.name(), now, trackingId);
            if (updated == 1) {
                insertOutcome(trackingId, delivering, state, now, detail);
                return true;
            }
            // A queued message without a trail (its 503 answer withdrew it, but the broker had stored it):
            // it is still delivered; there is just nothing to record it in.
            log.warn("message {} has no tracking record; {} not recorded", trackingId, state);
            return false;
        }));
        if (recorded) {
            changed(trackingId, from[0], state, detail);
        }
    }

    /**
     * A message the broker moved to a dead-letter queue itself (its delivery attempts ran out before the gateway could
     * park it): DEAD_LETTERED with the reason, unless its trail is already final (then nothing changes). Safe to call
     * from several instances: one records it.
     *
     * @return whether the trail changed
     */
    public boolean deadLetteredByBroker(String trackingId, String reason) {
        TrackingState[] from = new TrackingState[1];
        boolean recorded = Boolean.TRUE.equals(tx.execute(status -> {
            from[0] = currentState(trackingId);
            if (from[0] == null || from[0].isFinal()) {
                return false;
            }
            OffsetDateTime now = now();
            int updated = jdbc.update("update tracked_message set state = ?, updated_at = ? where tracking_id = ?"
                    + " and state = ?", TrackingState.DEAD_LETTERED.name(), now, trackingId, from[0].name());
            if (updated == 1) {
                insertEvent(trackingId, TrackingState.DEAD_LETTERED, now, reason);
            }
            return updated == 1;
        }));
        if (recorded) {
            changed(trackingId, from[0], TrackingState.DEAD_LETTERED, reason);
        }
        return recorded;
    }

    /**
     * The message is set aside in the held messages (or still is, after one more failed attempt): state HELD, its
     * retries so far (null: unchanged), and why.
     */
    public void held(String trackingId, DeliveryStart delivering, Integer retries, String detail) {
        TrackingState[] from = new TrackingState[1];
        boolean recorded = Boolean.TRUE.equals(tx.execute(status -> {
            OffsetDateTime now = now();
            from[0] = currentState(trackingId);
            int updated = retries == null
                    ? jdbc.update("update tracked_message set state = ?, updated_at = ? where tracking_id = ?",
                            TrackingState.HELD.name(), now, trackingId)
                    : jdbc.update("update tracked_message set state = ?, attempts = ?, updated_at = ? where tracking_id = ?",
                            TrackingState.HELD.name(), retries, now, trackingId);
            if (updated == 1) {
                insertOutcome(trackingId, delivering, TrackingState.HELD, now, detail);
                return true;
            }
            log.warn("message {} has no tracking record; {} not recorded", trackingId, TrackingState.HELD);
            return false;
        }));
        if (recorded) {
            changed(trackingId, from[0], TrackingState.HELD, detail);
        }
    }

    /**
     * A final answer from a destination: the state it leaves the message in (DELIVERED, REJECTED_BY_PORTAL, ...) and
     * the destination's reply (who answered, whether it took the message, its code and message).
     */
    public void replied(String trackingId, DeliveryStart delivering, TrackingState state, DestinationReply reply,
                        String detail) {
        boolean recorded = Boolean.TRUE.equals(tx.execute(status -> {
            OffsetDateTime now = now();
            int updated = jdbc.update("""
                    update tracked_message set state = ?, reply_destination = ?, reply_status = ?, reply_code = ?,
                        reply_message = ?, updated_at = ?
                    where tracking_id = ?""", state.name(), reply.destination(), reply.status().name(),
                    truncate(reply.code(), MAX_REPLY_CODE), truncate(reply.message()), now, trackingId);
            if (updated == 1) {
                insertOutcome(trackingId, delivering, state, now, detail);
                return true;
            }
            log.warn("message {} has no tracking record; {} not recorded", trackingId, state);
            return false;
        }));
        if (recorded) {
            changed(trackingId, null, state, detail == null ? reply.message() : detail);
        }
    }

    /** A remark in the history (what the gateway changed or noticed), recorded under the message's current state. */
    public void note(String trackingId, String detail) {
        jdbc.update("""
                insert into tracking_event (tracking_id, state, at, detail)
                select tracking_id, state, ?, ? from tracked_message where tracking_id = ?""",
                now(), truncate(detail), trackingId);
    }

    public Optional<TrackedMessage> find(String trackingId) {
        List<TrackedMessage> found = jdbc.query("select * from tracked_message where tracking_id = ?",
                (rs, row) -> message(rs, history(rs)), trackingId);
        return found.stream().findFirst();
    }

    /** Every message about one dossier, oldest first. */
    public List<TrackedMessage> trail(String maHoSo) {
        return jdbc.query("select * from tracked_message where ma_ho_so = ? order by accepted_at, tracking_id",
                (rs, row) -> message(rs, history(rs)), maHoSo);
    }

    /** The unit a dossier was accepted for, to address its progress (remembered: it is asked for every progress). */
    public Optional<String> unitOfDossier(String maHoSo) {
        String known = unitsOfDossiers.get(maHoSo);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> unit = jdbc.query("""
                select unit_code from tracked_message where ma_ho_so = ? and kind = 'DOSSIER'
                order by accepted_at desc""", (rs, row) -> rs.getString(1), maHoSo).stream().findFirst();
        unit.ifPresent(u -> unitsOfDossiers.put(maHoSo, u));
        return unit;
    }

    public long count(TrackingState state) {
        Long n = jdbc.queryForObject("select count(*) from tracked_message where state = ?", Long.class, state.name());
        return n == null ? 0 : n;
    }

    /**
     * The first message of the key. It is the same message when kind and dossier match and so does the body's hash
     * (a row written before V7 has none: kind and dossier decide).
     */
    private Optional<Registration> findByIdempotencyKey(NewMessage message) {
        return jdbc.query("""
                select tracking_id, state, dossier_seq, kind, ma_ho_so, body_sha256 from tracked_message
                where client_id = ? and idempotency_key = ?""",
                (rs, row) -> new Registration(rs.getString(1), false,
                        !TrackingState.RECEIVED.name().equals(rs.getString(2)), sequence(rs),
                        Objects.equals(message.kind(), rs.getString(4))
                                && Objects.equals(message.maHoSo(), rs.getString(5))
                                && (message.bodySha256() == null || rs.getString(6) == null
                                        || message.bodySha256().equals(rs.getString(6)))),
                message.clientId(), message.idempotencyKey())
                .stream().findFirst();
    }

    /**
     * The message's steps in time order: received and stored by the broker (columns of the message), then its events,
     * a delivery attempt's start (a column of its outcome's row) before its outcome (a step at the same instant as an
     * event comes first).
     */
    private List<TrackedMessage.Event> history(ResultSet message) throws SQLException {
        List<TrackedMessage.Event> history = new ArrayList<>();
        history.add(new TrackedMessage.Event(TrackingState.RECEIVED, time(message, "accepted_at"), null));
        OffsetDateTime storedAt = time(message, "stored_at");
        if (storedAt != null) {
            history.add(new TrackedMessage.Event(TrackingState.ACCEPTED, storedAt, null));
        }
        jdbc.query("select state, at, detail, started_at, start_detail from tracking_event where tracking_id = ?"
                + " order by at, id", rs -> {
                    OffsetDateTime startedAt = time(rs, "started_at");
                    if (startedAt != null) {
                        history.add(new TrackedMessage.Event(TrackingState.DELIVERING, startedAt,
                                rs.getString("start_detail")));
                    }
                    history.add(new TrackedMessage.Event(TrackingState.valueOf(rs.getString("state")),
                            time(rs, "at"), rs.getString("detail")));
                }, message.getString("tracking_id"));
        history.sort(Comparator.comparing(event -> event.at().toInstant()));
        return history;
    }

    private TrackedMessage message(ResultSet rs, List<TrackedMessage.Event> history) throws SQLException {
        return new TrackedMessage(rs.getString("tracking_id"), rs.getString("client_id"), rs.getString("kind"),
                rs.getString("ma_ho_so"), rs.getString("unit_code"), sequence(rs),
                TrackingState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), reply(rs), time(rs, "accepted_at"), history);
    }

    private static DestinationReply reply(ResultSet rs) throws SQLException {
        String destination = rs.getString("reply_destination");
        return destination == null ? null : new DestinationReply(destination,
                DestinationReply.Status.valueOf(rs.getString("reply_status")), rs.getString("reply_code"),
                rs.getString("reply_message"));
    }

    /**
     * A delivery attempt's outcome with its start (when not null) in one row: a delivery's trail costs one update and
     * one row.
     */
    private void insertOutcome(String trackingId, DeliveryStart delivering, TrackingState state, OffsetDateTime at,
                              String detail) {
        if (delivering == null) {
            insertEvent(trackingId, state, at, detail);
            return;
        }
        jdbc.update("""
                insert into tracking_event (tracking_id, state, at, detail, started_at, start_detail)
                values (?, ?, ?, ?, ?, ?)""",
                trackingId, state.name(), at, truncate(detail), delivering.at(), truncate(delivering.detail()));
    }

    private void insertEvent(String trackingId, TrackingState state, OffsetDateTime at, String detail) {
        jdbc.update("insert into tracking_event (tracking_id, state, at, detail) values (?, ?, ?, ?)",
                trackingId, state.name(), at, truncate(detail));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private TrackingState currentState(String trackingId) {
        return jdbc.query("select state from tracked_message where tracking_id = ?",
                (rs, row) -> TrackingState.valueOf(rs.getString(1)), trackingId).stream().findFirst().orElse(null);
    }

    /** Tells the listeners, after the commit; a listener's failure never fails the message's delivery. */
    private void changed(String trackingId, TrackingState from, TrackingState to, String detail) {
        if (listeners.isEmpty() || to == TrackingState.RETRYING || to == TrackingState.DELIVERING) {
            return;
        }
        Facts known = facts.get(trackingId);
        if (known == null) {
            // Accepted before a restart, or by another instance.
            known = jdbc.query("select kind, ma_ho_so, accepted_at from tracked_message where tracking_id = ?",
                    (rs, row) -> new Facts(rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant()), trackingId)
                    .stream().findFirst().orElse(null);
            if (known == null) {
                return;
            }
        }
        if (to.isFinal()) {
            facts.remove(trackingId);
        }
        StateChange change = new StateChange(trackingId, known.kind(), known.maHoSo(), known.receivedAt(), from, to,
                detail);
        for (TrackingListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                log.warn("tracking listener {} failed on {}: {}", listener.getClass().getSimpleName(), trackingId,
                        e.toString());
            }
        }
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    private static Long sequence(ResultSet rs) throws SQLException {
        long value = rs.getLong("dossier_seq");
        return rs.wasNull() ? null : value;
    }

    private static String truncate(String text) {
        return truncate(text, MAX_DETAIL);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record Facts(String kind, String maHoSo, Instant receivedAt) {
    }

    /** When a delivery attempt began, and why it is worth a note (e.g. "taken from the queue again"). */
    public record DeliveryStart(OffsetDateTime at, String detail) {
    }

    /**
     * The tracking id to answer with; whether this request created it (false for a repeated idempotency key);
     * whether the broker already confirmed it (a repeat of a confirmed message must not be queued again); and its
     * place in its dossier; for a repeated idempotency key, whether it names the same message (false: the key was
     * reused for another one, which is not accepted).
     */
    public record Registration(String trackingId, boolean created, boolean queued, Long sequence,
                               boolean sameMessage) {
    }
}
