package vn.lienthong.document;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lienthong.axis.AxisAgency;
import vn.lienthong.mapping.Mappings;

/**
 * Which organs exist: the axis's agency directory, copied into the database on a schedule (table {@code agency}),
 * and the 2025 reorganisation's closed codes ({@code mappings/code-tables/ma-don-vi.json}, shared with dossiers:
 * Thái Bình's {@code 000.00.00.H54} became Hưng Yên's {@code 000.00.00.H31}).
 */
@Component
public class OrganDirectory {

    static final String CODE_TABLE = "ma-don-vi";
    private static final Logger log = LoggerFactory.getLogger(OrganDirectory.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Mappings mappings;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();

    public OrganDirectory(JdbcTemplate jdbc, TransactionTemplate tx, Mappings mappings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.mappings = mappings;
    }

    /** Replaces the directory with the axis's list (one transaction). */
    public int sync(List<AxisAgency> agencies) {
        OffsetDateTime now = OffsetDateTime.now(DocumentContract.ZONE);
        tx.executeWithoutResult(status -> {
            jdbc.update("delete from agency");
            jdbc.batchUpdate("insert into agency (organ_id, organ_name, active, synced_at) values (?, ?, ?, ?)",
                    agencies.stream().map(a -> new Object[] {a.organId(), a.organName(), a.active(), now}).toList());
        });
        known.clear();
        agencies.forEach(a -> known.put(a.organId(), a.active()));
        log.info("agency directory synced from the document axis: {} agencies ({} closed)", agencies.size(),
                agencies.stream().filter(a -> !a.active()).count());
        return agencies.size();
    }

    /** The organ that took over a closed code, when the code table lists one. */
    public Optional<String> successor(String organId) {
        String mapped = mappings.code(CODE_TABLE, organId);
        return mapped == null || mapped.equals(organId) ? Optional.empty() : Optional.of(mapped);
    }

    /**
     * The organs the directory does not list. Empty while it was never synced: the gateway does not refuse documents
     * because the axis was down when it started.
     */
    public List<String> unknown(Collection<String> organIds) {
        if (known.isEmpty()) {
            load();
        }
        if (known.isEmpty()) {
            return List.of();
        }
        List<String> unknown = new ArrayList<>();
        organIds.stream().filter(id -> !known.containsKey(id)).forEach(unknown::add);
        return unknown;
    }

    /** Forgets what it read: another instance synced the directory. */
    public void reload() {
        known.clear();
    }

    private void load() {
        jdbc.query("select organ_id, active from agency", rs -> {
            known.put(rs.getString("organ_id"), rs.getBoolean("active"));
        });
    }
}
