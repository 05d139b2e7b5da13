package vn.lienthong.indicator;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lienthong.indicator.Definitions.Contribution;
import vn.lienthong.indicator.Definitions.Key;
import vn.lienthong.mapping.Mappings;

/**
 * Brings {@code indicator_day} (and {@code indicator_unit_day}, its sums over procedures) up to date with the dossiers that changed ({@code indicator_dossier.dirty}): for each,
 * what it adds now ({@link Definitions}) minus what it added when last folded, summed per day, unit and procedure and
 * added in one transaction with the rows marked folded. Runs on one instance ({@code routes/indicators.yaml}); a
 * second folder (an operator's recompute at the same moment) finds a row already folded and its whole batch is
 * rolled back and read again. A dossier changed while it was being folded stays marked and is folded again next time.
 */
@Component("indicatorFold")
public class IndicatorFold {

    private static final Logger log = LoggerFactory.getLogger(IndicatorFold.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Mappings mappings;
    private final int batch;
    /** One fold at a time in this instance (the job and a recompute). */
    private final ReentrantLock folding = new ReentrantLock();

    public IndicatorFold(JdbcTemplate jdbc, TransactionTemplate tx, ObjectMapper json, Mappings mappings,
                         IndicatorProperties properties) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.mappings = mappings;
        this.batch = properties.foldBatch();
    }

    /** The job: every changed dossier, batch after batch. */
    public void fold() {
        folding.lock();
        try {
            // in key order from the first: a dossier changed behind the cursor meanwhile waits for the next run
            String after = "";
            for (Batch b = foldBatch(after); b.read() == batch; b = foldBatch(after)) {
                after = b.last();
            }
        } finally {
            folding.unlock();
        }
    }

    /**
     * Folds every dossier again into emptied aggregates (after a change of definition or of the unit code table):
     * {@code POST /api/v1/indicators/recompute}. Logs its progress; returns how many dossiers it folded.
     */
    public long recompute() {
        folding.lock();
        try {
            long total = count("select count(*) from indicator_dossier");
            tx.executeWithoutResult(status -> {
                jdbc.update("delete from indicator_day");
                jdbc.update("delete from indicator_unit_day");
                jdbc.update("update indicator_dossier set folded = null, folded_version = 0, dirty = true, on_day = null,"
                        + " unit_code = null, ma_tthc = null, late_day = null");
            });
            log.info("indicators: recomputing from {} dossiers", total);
            long done = 0;
            long logged = System.nanoTime();
            String after = "";
            for (Batch b = foldBatch(after); b.read() > 0; b = foldBatch(after)) {
                done += b.folded() ? b.read() : 0;
                after = b.last();
                if (System.nanoTime() - logged > 5_000_000_000L) {
                    log.info("indicators: {} of {} dossiers folded", done, total);
                    logged = System.nanoTime();
                }
            }
            log.info("indicators: recomputed, {} dossiers folded", done);
            return done;
        } finally {
            folding.unlock();
        }
    }

    /**
     * What one batch did: how many changed dossiers it read (0: none left after the cursor), whether it folded them
     * (false: another folder did meanwhile, the batch was rolled back), and the cursor for the next batch.
     */
    record Batch(int read, boolean folded, String last) {
    }

    /**
     * One batch of changed dossiers after the key {@code after} (a cursor: a recompute of a million dossiers reads
     * each once, never the folded ones again).
     */
    Batch foldBatch(String after) {
        List<IndicatorRow> rows = jdbc.query("""
                select ma_ho_so, dossier_values, first_accepted_at, from_portal, synced_at, progress_received,
                       progress_synced, rating, complaint, version, folded_version, folded
                from indicator_dossier where dirty = true and ma_ho_so > ?
                order by ma_ho_so fetch first ? rows only""",
                this::row, after, batch);
        if (rows.isEmpty()) {
            return new Batch(0, true, after);
        }
        Map<Key, long[]> deltas = new HashMap<>();
        List<Object[]> marks = new ArrayList<>(rows.size());
        for (IndicatorRow row : rows) {
            Contribution before = read(row.folded());
            Contribution now = Definitions.of(row, Definitions.successors(mappings));
            add(deltas, before, -1);
            add(deltas, now, 1);
            Key key = now.key();
            marks.add(new Object[] { row.version(), row.version(), now.key() == null ? null : write(now),
                    key == null ? null : key.day(), key == null ? null : key.unit(), key == null ? null : key.maTTHC(),
                    now.late() ? key.day() : null, row.maHoSo(), row.foldedVersion() });
        }
        Boolean folded = tx.execute(status -> {
            int[] marked = jdbc.batchUpdate("""
                    update indicator_dossier set folded_version = ?,
                      dirty = case when version = ? then false else true end,
                      folded = ?, on_day = ?, unit_code = ?, ma_tthc = ?, late_day = ?
                    where ma_ho_so = ? and folded_version = ?""", marks);
            for (int n : marked) {
                if (n == 0) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            addTo(DAY, deltas);
            addTo(UNIT_DAY, perUnit(deltas));
            return true;
        });
        if (!Boolean.TRUE.equals(folded)) {
            log.info("indicators: a batch was folded meanwhile by another folder; read again");
            return new Batch(rows.size(), false, after);
        }
        return new Batch(rows.size(), true, rows.get(rows.size() - 1).maHoSo());
    }

    /** An aggregate table and its key columns: indicator_day (day, unit, procedure), indicator_unit_day (day, unit). */
    private record Aggregate(String table, boolean perProcedure) {
    }

    private static final Aggregate DAY = new Aggregate("indicator_day", true);
    private static final Aggregate UNIT_DAY = new Aggregate("indicator_unit_day", false);

    /** The deltas summed over the procedures of each day and unit. */
    private static Map<Key, long[]> perUnit(Map<Key, long[]> deltas) {
        Map<Key, long[]> units = new HashMap<>();
        deltas.forEach((key, counts) -> {
            long[] sum = units.computeIfAbsent(new Key(key.day(), key.unit(), ""), k -> Counter.zeros());
            for (int i = 0; i < Counter.COUNT; i++) {
                sum[i] += counts[i];
            }
        });
        return units;
    }

    private void addTo(Aggregate aggregate, Map<Key, long[]> deltas) {
        String set = String.join(", ", Counter.ALL.stream().map(c -> c.column + " = " + c.column + " + ?").toList());
        List<Key> keys = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        deltas.forEach((key, counts) -> {
            if (!allZero(counts)) {
                keys.add(key);
                updates.add(arguments(counts, key, aggregate));
            }
        });
        String keyColumns = aggregate.perProcedure() ? "on_day, unit_code, ma_tthc" : "on_day, unit_code";
        int[] updated = jdbc.batchUpdate("update " + aggregate.table() + " set " + set
                + " where on_day = ? and unit_code = ?" + (aggregate.perProcedure() ? " and ma_tthc = ?" : ""), updates);
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                inserts.add(arguments(deltas.get(keys.get(i)), keys.get(i), aggregate));
            }
        }
        if (!inserts.isEmpty()) {
            String marks = String.join(", ", Counter.ALL.stream().map(c -> "?").toList());
            jdbc.batchUpdate("insert into " + aggregate.table() + " (" + Counter.COLUMNS + ", " + keyColumns
                    + ") values (" + marks + (aggregate.perProcedure() ? ", ?, ?, ?)" : ", ?, ?)"), inserts);
        }
    }

    private static Object[] arguments(long[] counts, Key key, Aggregate aggregate) {
        Object[] arguments = new Object[Counter.COUNT + (aggregate.perProcedure() ? 3 : 2)];
        for (int i = 0; i < Counter.COUNT; i++) {
            arguments[i] = counts[i];
        }
        arguments[Counter.COUNT] = key.day();
        arguments[Counter.COUNT + 1] = key.unit();
        if (aggregate.perProcedure()) {
            arguments[Counter.COUNT + 2] = key.maTTHC();
        }
        return arguments;
    }

    private static void add(Map<Key, long[]> deltas, Contribution contribution, int sign) {
        if (contribution.key() == null) {
            return;
        }
        long[] sum = deltas.computeIfAbsent(contribution.key(), k -> Counter.zeros());
        long[] counts = Counter.padded(contribution.counts());
        for (int i = 0; i < Counter.COUNT; i++) {
            sum[i] += sign * counts[i];
        }
    }

    private static boolean allZero(long[] counts) {
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return true;
    }

    private IndicatorRow row(ResultSet rs, int n) throws SQLException {
        String values = rs.getString("dossier_values");
        int rating = rs.getInt("rating");
        Integer ratingOrNull = rs.wasNull() ? null : rating;
        return new IndicatorRow(rs.getString("ma_ho_so"), values == null ? null : readValues(values),
                rs.getObject("first_accepted_at", OffsetDateTime.class), rs.getBoolean("from_portal"),
                rs.getObject("synced_at", OffsetDateTime.class), rs.getInt("progress_received"),
                rs.getInt("progress_synced"), ratingOrNull, rs.getBoolean("complaint"), rs.getLong("version"),
                rs.getLong("folded_version"), rs.getString("folded"));
    }

    /** What a row added when folded: {@code {"day", "unit", "maTTHC", "counts": [...]}}. */
    private record Folded(LocalDate day, String unit, String maTTHC, long[] counts) {
    }

    private Contribution read(String folded) {
        if (folded == null) {
            return Contribution.NONE;
        }
        try {
            Folded f = json.readValue(folded, Folded.class);
            return new Contribution(new Key(f.day(), f.unit(), f.maTTHC()), f.counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicator_dossier.folded is not what the fold wrote: " + folded, e);
        }
    }

    private String write(Contribution contribution) {
        Key key = contribution.key();
        try {
            return json.writeValueAsString(new Folded(key.day(), key.unit(), key.maTTHC(), contribution.counts()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a contribution always serialises", e);
        }
    }

    private DossierValues readValues(String values) {
        try {
            return json.readValue(values, DossierValues.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("indicator_dossier.dossier_values is not what the recorder wrote", e);
        }
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
