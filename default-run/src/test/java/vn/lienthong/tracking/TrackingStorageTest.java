package vn.lienthong.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.portal.PortalDossiers;

/**
 * The tracking schema and queries on both databases the gateway runs on: H2 (default run) and a real PostgreSQL
 * server (production), each migrated by the same Flyway scripts.
 */
class TrackingStorageTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static Stream<Arguments> databases() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:tracking-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres.getPostgresDatabase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theTrailOfAMessageIsKept(String name, DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                .clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        TrackingStore store = new TrackingStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        String maHoSo = "000.00.31.H31-" + name;

        String first = UUID.randomUUID().toString();
        assertThat(store.register(new NewMessage(first, "demo", "DOSSIER", maHoSo, "000.00.00.H31", "key-1")).created())
                .isTrue();
        TrackingStore.Registration repeated = store.register(
                new NewMessage(UUID.randomUUID().toString(), "demo", "DOSSIER", maHoSo, "000.00.00.H31", "key-1"));
        assertThat(repeated.created()).isFalse();
        assertThat(repeated.trackingId()).isEqualTo(first);
        String second = UUID.randomUUID().toString();
        store.register(new NewMessage(second, "demo", "PROGRESS", maHoSo, "000.00.00.H31", null));

        assertThat(store.find(first).orElseThrow().state()).isEqualTo(TrackingState.RECEIVED);
        assertThat(store.register(new NewMessage(UUID.randomUUID().toString(), "demo", "DOSSIER", maHoSo,
                "000.00.00.H31", "key-1")).queued()).as("not confirmed by the broker yet: send it again").isFalse();
        store.accepted(first, store.clock());
        assertThat(store.register(new NewMessage(UUID.randomUUID().toString(), "demo", "DOSSIER", maHoSo,
                "000.00.00.H31", "key-1")).queued()).isTrue();
        store.transition(first, new TrackingStore.DeliveryStart(store.clock(), null), TrackingState.RETRYING,
                "retry 1: portal answered HTTP 503");
        store.replied(first, new TrackingStore.DeliveryStart(store.clock(),
                        "taken from the queue again (delivery 2 by the broker)"), TrackingState.DELIVERED,
                DestinationReply.accepted("portal", "0", "Đồng bộ thành công"), null);

        TrackedMessage message = store.find(first).orElseThrow();
        assertThat(message.state()).isEqualTo(TrackingState.DELIVERED);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.reply()).isEqualTo(new DestinationReply("portal", DestinationReply.Status.ACCEPTED, "0",
                "Đồng bộ thành công"));
        assertThat(message.history()).extracting(TrackedMessage.Event::state).containsExactly(
                TrackingState.RECEIVED, TrackingState.ACCEPTED, TrackingState.DELIVERING, TrackingState.RETRYING,
                TrackingState.DELIVERING, TrackingState.DELIVERED);
        TrackedMessage.Event secondStart = message.history().get(4);
        assertThat(secondStart.detail()).isEqualTo("taken from the queue again (delivery 2 by the broker)");
        assertThat(secondStart.at()).isBeforeOrEqualTo(message.history().get(5).at());
        assertThat(jdbc.queryForObject("select count(*) from tracking_event where tracking_id = ?", Long.class, first))
                .as("one row per delivery attempt, its start in it").isEqualTo(2);
        assertThat(message.acceptedAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        List<TrackedMessage> trail = store.trail(maHoSo);
        assertThat(trail).extracting(TrackedMessage::trackingId).containsExactly(first, second);
        assertThat(store.unitOfDossier(maHoSo)).contains("000.00.00.H31");

        PortalDossiers dossiers = new PortalDossiers(jdbc);
        assertThat(dossiers.isKnown(maHoSo)).isFalse();
        dossiers.accepted(maHoSo, "000.00.00.H31");
        dossiers.accepted(maHoSo, "000.00.00.H31");
        assertThat(dossiers.isKnown(maHoSo)).isTrue();
        assertThat(jdbc.queryForObject("select sync_count from portal_dossier where ma_ho_so = ?", Integer.class,
                maHoSo)).isEqualTo(2);

        store.withdraw(second);
        assertThat(store.find(second)).isEmpty();
        store.transition(second, new TrackingStore.DeliveryStart(store.clock(), null), TrackingState.DELIVERED,
                "a queued message whose trail was withdrawn");
        assertThat(store.find(second)).as("no event without its message").isEmpty();
    }

    /** A trail written before V5 (its first two steps as events) reads the same after the migration, without twins. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void trailsWrittenBeforeTheirFirstStepsMovedIntoTheMessageReadTheSame(String name, DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                .clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        java.time.OffsetDateTime received = java.time.OffsetDateTime.parse("2026-11-20T08:00:00+07:00");
        jdbc.update("""
                insert into tracked_message (tracking_id, client_id, kind, ma_ho_so, unit_code, state, attempts,
                    accepted_at, updated_at, dossier_seq)
                values ('old-1', 'demo', 'DOSSIER', 'HS-OLD', '000.00.00.H31', 'DELIVERED', 0, ?, ?, 1)""",
                received, received.plusSeconds(2));
        String event = "insert into tracking_event (tracking_id, state, at, detail) values ('old-1', ?, ?, ?)";
        jdbc.update(event, "RECEIVED", received, null);
        jdbc.update(event, "ACCEPTED", received.plusNanos(3_000_000), null);
        jdbc.update(event, "DELIVERING", received.plusSeconds(1), null);
        jdbc.update(event, "DELIVERED", received.plusSeconds(2), null);
        jdbc.update(event, "ACCEPTED", received.plusSeconds(60), "replayed from the dead-letter queue by ops");

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        TrackingStore store = new TrackingStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        TrackedMessage message = store.find("old-1").orElseThrow();
        assertThat(message.history()).extracting(TrackedMessage.Event::state).containsExactly(
                TrackingState.RECEIVED, TrackingState.ACCEPTED, TrackingState.DELIVERING, TrackingState.DELIVERED,
                TrackingState.ACCEPTED);
        assertThat(message.history().get(1).at().toInstant()).isEqualTo(received.plusNanos(3_000_000).toInstant());
        assertThat(message.history().get(4).detail()).isEqualTo("replayed from the dead-letter queue by ops");
        assertThat(jdbc.queryForObject("select count(*) from tracking_event where tracking_id = 'old-1'", Integer.class))
                .as("the first two steps are no longer events").isEqualTo(3);
    }

    /**
     * Trails written before V10 (the portal's reply in portal_error_code and portal_message) read after it as the
     * portal's reply: REJECTED for a message the portal refused, ACCEPTED for one it took; no reply where there was
     * none. A reply written after it is any destination's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void portalRepliesWrittenBeforeRepliesOfEveryDestinationReadAsThePortals(String name, DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                .clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("9").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        java.time.OffsetDateTime received = java.time.OffsetDateTime.parse("2026-11-20T08:00:00+07:00");
        String message = """
                insert into tracked_message (tracking_id, client_id, kind, ma_ho_so, unit_code, state, attempts,
                    portal_error_code, portal_message, accepted_at, stored_at, updated_at, dossier_seq)
                values (?, 'demo', 'DOSSIER', ?, '000.00.00.H31', ?, 0, ?, ?, ?, ?, ?, 1)""";
        jdbc.update(message, "v9-delivered", "HS-V9-1", "DELIVERED", "0", "Đồng bộ thành công", received, received,
                received);
        jdbc.update(message, "v9-refused", "HS-V9-2", "REJECTED_BY_PORTAL", "4", "Hồ sơ HS-V9-2 không hợp lệ",
                received, received, received);
        jdbc.update(message, "v9-no-reply", "HS-V9-3", "REJECTED_BY_AXIS", null, null, received, received, received);

        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        TrackingStore store = new TrackingStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));

        assertThat(store.find("v9-delivered").orElseThrow().reply()).isEqualTo(new DestinationReply("portal",
                DestinationReply.Status.ACCEPTED, "0", "Đồng bộ thành công"));
        TrackedMessage refused = store.find("v9-refused").orElseThrow();
        assertThat(refused.state()).isEqualTo(TrackingState.REJECTED_BY_PORTAL);
        assertThat(refused.reply()).isEqualTo(new DestinationReply("portal", DestinationReply.Status.REJECTED, "4",
                "Hồ sơ HS-V9-2 không hợp lệ"));
        assertThat(store.find("v9-no-reply").orElseThrow().reply()).isNull();

        store.replied("v9-no-reply", null, TrackingState.REJECTED_BY_AXIS,
                DestinationReply.rejected("axis", "E-" + "9".repeat(40), "Đơn vị nhận không tồn tại"), "refused");
        assertThat(store.find("v9-no-reply").orElseThrow().reply()).as("a code is kept to its column's 32 characters")
                .isEqualTo(new DestinationReply("axis", DestinationReply.Status.REJECTED, "E-" + "9".repeat(30),
                        "Đơn vị nhận không tồn tại"));
    }
}
