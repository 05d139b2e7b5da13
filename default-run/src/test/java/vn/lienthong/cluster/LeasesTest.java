package vn.lienthong.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Two instances sharing one database: exactly one holds a lease until it lets it expire or releases it. */
class LeasesTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2025-07-01T01:00:00Z");

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:leases-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(h2);
    }

    @Test
    void onlyOneInstanceHoldsALeaseUntilItExpires() {
        Leases first = new Leases(jdbc, Clock.fixed(T0, ZoneOffset.UTC), "gateway-1");
        Leases second = new Leases(jdbc, Clock.fixed(T0.plusSeconds(10), ZoneOffset.UTC), "gateway-2");
        Leases secondLater = new Leases(jdbc, Clock.fixed(T0.plusSeconds(31), ZoneOffset.UTC), "gateway-2");

        assertThat(first.acquire("axis-poller", TTL)).isTrue();
        assertThat(first.acquire("axis-poller", TTL)).as("the holder renews").isTrue();
        assertThat(second.acquire("axis-poller", TTL)).as("held by gateway-1").isFalse();
        assertThat(secondLater.acquire("axis-poller", TTL)).as("expired: taken over").isTrue();
        assertThat(new Leases(jdbc, Clock.fixed(T0.plusSeconds(32), ZoneOffset.UTC), "gateway-1")
                .acquire("axis-poller", TTL)).isFalse();
    }

    @Test
    void aReleasedLeaseIsTakenAtOnce() {
        Leases first = new Leases(jdbc, Clock.fixed(T0, ZoneOffset.UTC), "gateway-1");
        Leases second = new Leases(jdbc, Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC), "gateway-2");
        assertThat(first.acquire("axis-poller", TTL)).isTrue();

        first.release("axis-poller");

        assertThat(second.acquire("axis-poller", TTL)).isTrue();
    }
}
