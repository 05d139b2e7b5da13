package vn.lienthong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
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

/**
 * The audit chain on both databases the gateway runs on: two gateways appending at once while messages are recorded
 * keep one valid chain with every record once, in the order recorded; a restarted gateway continues the chain; an
 * entry changed, removed or added behind the gateway's back is reported where it is.
 */
class AuditChainStorageTest {

    private static final int WRITERS = 4;
    private static final int RECORDS_PER_WRITER = 500;
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
        String h2 = "jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return Stream.of(Arguments.of("H2", (DatabaseConnection) () -> new DriverManagerDataSource(h2, "sa", "")),
                Arguments.of("PostgreSQL", (DatabaseConnection) postgres::getPostgresDatabase));
    }

    /** A new connection to the same database: what a gateway opens when it starts. */
    interface DatabaseConnection {
        DataSource open();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoAppendersAtOnceKeepOneValidChainWithEveryRecordOnceAndARestartContinuesIt(String name,
            DatabaseConnection database) throws Exception {
        DataSource first = database.open();
        Flyway.configure().dataSource(first).locations("classpath:db/migration").cleanDisabled(false).load().clean();
        Flyway.configure().dataSource(first).locations("classpath:db/migration").load().migrate();
        AuditTrail trail = new AuditTrail(new JdbcTemplate(first));
        // two gateways sharing the database, each with its own connection and chain
        AuditChain gatewayA = chain(first);
        AuditChain gatewayB = chain(database.open());

        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < RECORDS_PER_WRITER; i++) {
                    trail.messageAccepted("w" + writer + "-" + i, "client-" + writer, "DOSSIER",
                            AuditEntry.sha256(("body " + writer + " " + i).getBytes()), OffsetDateTime.now());
                }
            }));
        }
        List<Future<Integer>> appenders = List.of(gatewayA, gatewayB).stream().map(chain -> threads.submit(() -> {
            int appended = 0;
            while (writing.get()) {
                appended += chain.appendPending();
            }
            return appended + chain.appendPending();
        })).toList();
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        int appended = 0;
        for (Future<Integer> appender : appenders) {
            appended += appender.get();
        }
        threads.shutdown();

        int total = WRITERS * RECORDS_PER_WRITER;
        JdbcTemplate jdbc = new JdbcTemplate(first);
        assertThat(appended).isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(distinct subject) from audit_entry", Long.class))
                .as("every record once").isEqualTo(total);
        assertThat(jdbc.queryForObject("select count(*) from audit_pending", Long.class)).isZero();
        for (int w = 0; w < WRITERS; w++) {
            String writer = "w" + w + "-";
            assertThat(jdbc.queryForList("select subject from audit_entry where actor = ? order by seq", String.class,
                    "client-" + w)).as("one writer's records in the order it wrote them").isEqualTo(
                    Stream.iterate(0, i -> i + 1).limit(RECORDS_PER_WRITER).map(i -> writer + i).toList());
        }
        assertThat(gatewayB.verify()).isEqualTo(new AuditChain.Verification(true, total, null, lastHash(jdbc)));

        // a restart: a new connection pool and chain find the head and go on from it
        DataSource restarted = database.open();
        new AuditTrail(new JdbcTemplate(restarted)).operatorAction("demo-operator", AuditAction.REPLAY,
                "after-restart", "from lienthong.dossier.dead-letter");
        AuditChain afterRestart = chain(restarted);
        assertThat(afterRestart.appendPending()).isEqualTo(1);
        AuditChain.Verification verified = afterRestart.verify();
        assertThat(verified.valid()).isTrue();
        assertThat(verified.entries()).isEqualTo(total + 1);
        assertThat(jdbc.queryForObject("select prev_hash from audit_entry where seq = ?", String.class, total + 1))
                .isEqualTo(jdbc.queryForObject("select hash from audit_entry where seq = ?", String.class, total));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEntryChangedRemovedOrAddedIsReportedWhereItIs(String name, DatabaseConnection database) {
        DataSource dataSource = database.open();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                .clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        AuditTrail trail = new AuditTrail(jdbc);
        AuditChain chain = chain(dataSource);
        for (int i = 1; i <= 10; i++) {
            trail.messageAccepted("m-" + i, "demo-dvcqg", "DOSSIER", AuditEntry.sha256(new byte[] {(byte) i}),
                    OffsetDateTime.now());
        }
        trail.operatorAction("demo-operator", AuditAction.JOLOKIA_EXEC, "org.apache.camel:type=routes,name=\"x\"",
                "operation stop arguments [] with \u0000 and ệ " + "x".repeat(3000));
        chain.appendPending();
        assertThat(chain.verify().valid()).isTrue();
        assertThat(chain.verify().entries()).isEqualTo(11);

        assertBrokenAt(jdbc, chain, 4, "update audit_entry set body_sha256 = ? where seq = 4",
                "update audit_entry set body_sha256 = ? where seq = 4", "0".repeat(64), bodyOf(jdbc, 4));
        assertBrokenAt(jdbc, chain, 7, "update audit_entry set occurred_at = ? where seq = 7",
                "update audit_entry set occurred_at = ? where seq = 7",
                OffsetDateTime.now().minus(Duration.ofDays(1)), timeOf(jdbc, 7));
        assertBrokenAt(jdbc, chain, 11, "update audit_entry set detail = ? where seq = 11",
                "update audit_entry set detail = ? where seq = 11", "operation start", detailOf(jdbc, 11));

        // the last entry removed: the head still names it
        Object[] last = jdbc.queryForList("select * from audit_entry where seq = 11").get(0).values().toArray();
        jdbc.update("delete from audit_entry where seq = 11");
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(11);
        jdbc.update("insert into audit_entry values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", last);
        // an entry removed in the middle
        Object[] fifth = jdbc.queryForList("select * from audit_entry where seq = 5").get(0).values().toArray();
        jdbc.update("delete from audit_entry where seq = 5");
        assertThat(chain.verify().firstBrokenAt()).isEqualTo(5);
        jdbc.update("insert into audit_entry values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fifth);
        assertThat(chain.verify().valid()).isTrue();
        assertThat(jdbc.queryForObject("select detail from audit_entry where seq = 11", String.class))
                .as("NUL kept as U+FFFD, cut to its column").hasSize(AuditTrail.MAX_DETAIL).contains("\uFFFD and ệ");
    }

    private static void assertBrokenAt(JdbcTemplate jdbc, AuditChain chain, long seq, String tamper, String restore,
                                       Object forged, Object original) {
        jdbc.update(tamper, forged);
        AuditChain.Verification broken = chain.verify();
        assertThat(broken.valid()).isFalse();
        assertThat(broken.firstBrokenAt()).isEqualTo(seq);
        jdbc.update(restore, original);
        assertThat(chain.verify().valid()).isTrue();
    }

    private static String bodyOf(JdbcTemplate jdbc, long seq) {
        return jdbc.queryForObject("select body_sha256 from audit_entry where seq = ?", String.class, seq);
    }

    private static OffsetDateTime timeOf(JdbcTemplate jdbc, long seq) {
        return jdbc.queryForObject("select occurred_at from audit_entry where seq = ?", OffsetDateTime.class, seq);
    }

    private static String detailOf(JdbcTemplate jdbc, long seq) {
        return jdbc.queryForObject("select detail from audit_entry where seq = ?", String.class, seq);
    }

    private static String lastHash(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select last_hash from audit_chain_head where id = 1", String.class);
    }

    private static AuditChain chain(DataSource dataSource) {
        return new AuditChain(new JdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new AuditProperties(Duration.ofMillis(250), 100));
    }
}
