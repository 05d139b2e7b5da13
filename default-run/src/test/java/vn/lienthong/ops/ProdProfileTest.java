package vn.lienthong.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import vn.lienthong.security.AccessProperties;

/**
 * What application-prod.yaml changes in application.yaml's security and simulator settings, read as Spring Boot reads
 * them.
 */
class ProdProfileTest {

    @Test
    void theProdProfileDropsTheDemoUsersAndKeepsTheConsoleLogin() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        // the profile's file wins over the default one, as Spring Boot orders them
        load(environment, "application-prod.yaml");
        load(environment, "application.yaml");

        AccessProperties access = Binder.get(environment).bind("lienthong.security", AccessProperties.class)
                .orElseThrow(IllegalStateException::new);

        assertThat(access.users()).isEmpty();
        assertThat(environment.getProperty("hawtio.authenticationEnabled")).isEqualTo("true");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
                .doesNotContain("heapdump", "env", "configprops", "threaddump");
    }

    @Test
    void theProdProfileTurnsEverySimulatorOffWhichTheProductionGuardRequires() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        load(environment, "application-prod.yaml");
        load(environment, "application.yaml");

        for (String simulator : List.of("dvcqg", "axis", "eoffice", "motcua")) {
            assertThat(environment.getProperty("lienthong.simulator." + simulator + ".enabled", Boolean.class))
                    .as(simulator).isFalse();
        }
    }

    private static void load(StandardEnvironment environment, String file) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        sources.forEach(source -> environment.getPropertySources().addLast(source));
    }
}
