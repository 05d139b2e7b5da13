package vn.lienthong.cluster;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Time-limited leases in the shared database, so that a scheduled job runs on exactly one gateway instance at a
 * time: the holder renews its lease on every run; when it dies, another instance takes over once it expires.
 */
@Component("leases")
public class Leases {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String owner;

    @Autowired
    public Leases(JdbcTemplate jdbc) {
        this(jdbc, Clock.systemUTC(), ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }

    Leases(JdbcTemplate jdbc, Clock clock, String owner) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.owner = owner;
    }

    /** Takes or renews the lease; true when this instance holds it for {@code duration} from now. */
    public boolean acquire(String name, Duration duration) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        OffsetDateTime until = now.plus(duration);
        int taken = jdbc.update("update lease set owner = ?, expires_at = ? where name = ? and (owner = ? or expires_at < ?)",
                owner, until, name, owner, now);
        if (taken == 1) {
            return true;
        }
        // Held by another instance: no insert that would fail (and be logged by the database) on every run.
        Integer held = jdbc.queryForObject("select count(*) from lease where name = ?", Integer.class, name);
        if (held != null && held > 0) {
            return false;
        }
        try {
            return jdbc.update("insert into lease (name, owner, expires_at) values (?, ?, ?)", name, owner, until) == 1;
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
    }

    /** Gives the lease up (on a clean shutdown) so that another instance takes over at once. */
    public void release(String name) {
        jdbc.update("delete from lease where name = ? and owner = ?", name, owner);
    }

    public String owner() {
        return owner;
    }
}
