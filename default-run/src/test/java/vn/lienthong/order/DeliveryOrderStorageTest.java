package vn.lienthong.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;
import vn.lienthong.tracking.NewMessage;
import vn.lienthong.tracking.TrackingState;
import vn.lienthong.tracking.TrackingStore;

/**
 * Places in a dossier, the check before a delivery and the held messages, on both databases the gateway runs on
 * (H2 and a real PostgreSQL server), migrated by the same Flyway scripts.
 */
class DeliveryOrderStorageTest {

    private static final String PORTAL = "portal";

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
                "jdbc:h2:mem:order-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        return Stream.of(Arguments.of("H2", h2), Arguments.of("PostgreSQL", postgres.getPostgresDatabase()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void messagesOfOneDossierAcceptedAtOnceGetDistinctPlacesInOrder(String name, DataSource dataSource)
            throws Exception {
        TrackingStore tracking = tracking(migrated(dataSource));
        String maHoSo = "000.00.31.H31-SEQ-" + name;
        ExecutorService instances = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> places = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                places.add(instances.submit(() -> tracking.register(new NewMessage(UUID.randomUUID().toString(),
                        "demo", "PROGRESS", maHoSo, "000.00.00.H31", null)).sequence()));
            }
            List<Long> got = new ArrayList<>();
            for (Future<Long> place : places) {
                got.add(place.get());
            }
            assertThat(got).containsExactlyInAnyOrderElementsOf(
                    Stream.iterate(1L, n -> n + 1).limit(16).toList());
        } finally {
            instances.shutdown();
        }
        String repeated = UUID.randomUUID().toString();
        long place = tracking.register(new NewMessage(repeated, "demo", "PROGRESS", maHoSo, null, "key-1")).sequence();
        assertThat(tracking.register(new NewMessage(UUID.randomUUID().toString(), "demo", "PROGRESS", maHoSo, null,
                "key-1")).sequence()).as("a repeated idempotency key keeps its place").isEqualTo(place);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aMessageGoesOnlyWhenEveryEarlierOneOfItsDossierIsFinal(String name, DataSource dataSource) {
        JdbcTemplate jdbc = migrated(dataSource);
        TrackingStore tracking = tracking(jdbc);
        HeldMessageStore held = new HeldMessageStore(jdbc, new ObjectMapper());
        DeliveryOrder order = new DeliveryOrder(jdbc, held);
        String maHoSo = "000.00.31.H31-ORDER-" + name;
        String first = register(tracking, maHoSo);
        String second = register(tracking, maHoSo);
        tracking.accepted(first, tracking.clock());
        tracking.accepted(second, tracking.clock());

        assertThat(decide(order, first, maHoSo, 1)).isEqualTo(DeliveryOrder.Decision.SEND);
        assertThat(decide(order, second, maHoSo, 2)).as("the first is still on its way")
                .isEqualTo(DeliveryOrder.Decision.HOLD);
        assertThat(order.earliestOnItsWay(maHoSo, 2, "PROGRESS")).isEqualTo(first + " (ACCEPTED)");

        tracking.transition(first, TrackingState.DELIVERED, null);
        assertThat(decide(order, second, maHoSo, 2)).isEqualTo(DeliveryOrder.Decision.SEND);
        assertThat(decide(order, first, maHoSo, 1)).as("delivered: not sent twice").isEqualTo(DeliveryOrder.Decision.DONE);

        OffsetDateTime now = tracking.clock();
        HeldMessage message = new HeldMessage(second, PORTAL, maHoSo, 2, "PROGRESS",
                Map.of(Header.TRACKING_ID, second, Header.SEQUENCE, 2L), "{\"a\":\"Bước 1\"}", null, 3,
                now.minusSeconds(1), false);
        assertThat(held.insert(message, now)).isTrue();
        assertThat(held.insert(message, now)).as("held once").isFalse();
        String third = register(tracking, maHoSo);
        tracking.accepted(third, now);
        assertThat(decide(order, third, maHoSo, 3)).as("behind a held message").isEqualTo(DeliveryOrder.Decision.HOLD);

        assertThat(held.due(now, 10)).contains(new HeldMessageStore.Due(PORTAL, maHoSo));
        HeldMessage head = held.head(PORTAL, maHoSo).orElseThrow();
        assertThat(head.body()).isEqualTo("{\"a\":\"Bước 1\"}");
        assertThat(head.headers()).containsEntry(Header.TRACKING_ID, second);
        assertThat(held.claim(second, now.plusSeconds(30), now)).isTrue();
        assertThat(held.claim(second, now.plusSeconds(30), now)).as("taken by one retrier").isFalse();
        assertThat(held.due(now, 10)).doesNotContain(new HeldMessageStore.Due(PORTAL, maHoSo));

        held.insert(new HeldMessage(third, PORTAL, maHoSo, 3, "PROGRESS", Map.of(), "{}", null, 0, now, false), now);
        held.park(second, 4);
        assertThat(held.due(now.plusMinutes(1), 10)).as("waiting behind its dead letter")
                .doesNotContain(new HeldMessageStore.Due(PORTAL, maHoSo));
        assertThat(held.waitingBehind(second)).isEqualTo(1);
        assertThat(held.behind(PORTAL, maHoSo, 2)).containsExactly(third);
        assertThat(held.justBefore(PORTAL, maHoSo, 3).orElseThrow().trackingId()).isEqualTo(second);

        assertThat(held.unpark(second, now)).isTrue();
        assertThat(held.unpark(second, now)).isFalse();
        assertThat(held.due(now.plusSeconds(1), 10)).contains(new HeldMessageStore.Due(PORTAL, maHoSo));
        assertThat(held.head(PORTAL, maHoSo).orElseThrow().attempts()).as("a replay has all its attempts again").isZero();
    }

    private static DeliveryOrder.Decision decide(DeliveryOrder order, String trackingId, String maHoSo, long sequence) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getIn().setHeader(Header.TRACKING_ID, trackingId);
        exchange.getIn().setHeader(Header.MA_HO_SO, maHoSo);
        exchange.getIn().setHeader(Header.SEQUENCE, sequence);
        exchange.setProperty(Property.DESTINATION, PORTAL);
        exchange.setProperty(Property.ORDER_KEY, maHoSo);
        order.check(exchange);
        return exchange.getProperty(Property.ORDER_DECISION, DeliveryOrder.Decision.class);
    }

    private static String register(TrackingStore tracking, String maHoSo) {
        String id = UUID.randomUUID().toString();
        tracking.register(new NewMessage(id, "demo", "PROGRESS", maHoSo, null, null));
        return id;
    }

    private static JdbcTemplate migrated(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").cleanDisabled(false).load()
                .clean();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }

    private static TrackingStore tracking(JdbcTemplate jdbc) {
        return new TrackingStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
    }
}
