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
        store.portalReplied(first, new TrackingStore.DeliveryStart(store.clock(), null), TrackingState.DELIVERED, "0",
                "Đồng bộ thành công", null);

        TrackedMessage message = store.find(first).orElseThrow();
        assertThat(message.state()).isEqualTo(TrackingState.DELIVERED);
        assertThat(message.attempts()).isEqualTo(1);
        assertThat(message.portalMessage()).isEqualTo("Đồng bộ thành công");
        assertThat(message.history()).extracting(TrackedMessage.Event::state).containsExactly(
                TrackingState.RECEIVED, TrackingState.ACCEPTED, TrackingState.DELIVERING, TrackingState.RETRYING,
                TrackingState.DELIVERING, TrackingState.DELIVERED);
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
}
