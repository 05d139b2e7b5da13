package vn.lienthong.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two gateway instances sharing one database, each with a {@code master:} route: the job runs on exactly one of them;
 * when that one stops, the other takes the job over at once (the lease is released), and it keeps the job while its
 * runs are long (the lease is renewed in the background).
 */
class LeaseClusterServiceTest {

    /** A lease far longer than the waits below: a job that moves within them was released, not left to expire. */
    private static final ClusterProperties PROPERTIES = new ClusterProperties(Duration.ofSeconds(60),
            Duration.ofMillis(200));

    private JdbcTemplate jdbc;
    private CamelContext first;
    private CamelContext second;

    @BeforeEach
    void database() {
        DriverManagerDataSource h2 = new DriverManagerDataSource(
                "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(h2);
    }

    @AfterEach
    void stop() {
        for (CamelContext context : new CamelContext[] {first, second}) {
            if (context != null) {
                context.stop();
            }
        }
    }

    @Test
    void theJobRunsOnOneInstanceAndMovesWhenItStops() throws Exception {
        first = instance("gateway-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> ran(first) > 0);
        second = instance("gateway-2");
        int secondBefore = ran(second);
        int firstBefore = ran(first);

        await().atMost(Duration.ofSeconds(20)).until(() -> ran(first) >= firstBefore + 5);
        assertThat(ran(second)).as("the job never ran on the instance without the lease").isEqualTo(secondBefore)
                .isZero();
        assertThat(jdbc.queryForObject("select owner from lease where name = 'test-job'", String.class))
                .startsWith("gateway-1");

        first.stop();
        await("released on a clean stop: taken at once, not after the lease").atMost(Duration.ofSeconds(20))
                .until(() -> ran(second) > 0);
        assertThat(jdbc.queryForObject("select owner from lease where name = 'test-job'", String.class))
                .startsWith("gateway-2");
    }

    @Test
    void aRenewalNotShorterThanTheLeaseIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClusterProperties(Duration.ofSeconds(2),
                Duration.ofSeconds(2))).hasMessageContaining("lienthong.cluster.renew");
    }

    private CamelContext instance(String owner) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addService(new LeaseClusterService(new Leases(jdbc, Clock.systemUTC(), owner), PROPERTIES), true, true);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:test-job:timer:test-job?period=50").routeId("test-job").to("mock:ran");
            }
        });
        context.start();
        return context;
    }

    private static int ran(CamelContext context) {
        return context.getEndpoint("mock:ran", MockEndpoint.class).getReceivedCounter();
    }
}
