package vn.lienthong.security.console;

import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import jakarta.servlet.ServletContext;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.stereotype.Component;

import vn.lienthong.security.Users;

/**
 * Lets Hawtio's own login form check the gateway's users. Hawtio (without the hawtio-springboot-security module, which
 * is not served here) authenticates with JAAS under its realm ({@code hawtio.realm}) and copies that realm's JAAS
 * entries when its servlet context starts; this installs the entry ({@link ConsoleLoginModule} with this
 * application's {@link Users}) before any servlet context starts, so each application's console keeps its own users.
 */
@Component
public class ConsoleLogin implements ServletContextInitializer {

    private final Users users;
    private final String realm;

    public ConsoleLogin(Users users, @Value("${hawtio.realm:hawtio}") String realm) {
        this.users = users;
        this.realm = realm;
        install();
    }

    @Override
    public void onStartup(ServletContext servletContext) {
        install();
    }

    private synchronized void install() {
        Configuration previous = previous();
        if (previous instanceof ConsoleRealm mine && mine.users == users) {
            return;
        }
        Configuration.setConfiguration(new ConsoleRealm(realm, users, previous));
    }

    private static Configuration previous() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException none) {
            return null;
        }
    }

    /** The console's realm answered by {@link ConsoleLoginModule}; any other name by the JVM's configuration. */
    private static final class ConsoleRealm extends Configuration {

        private final String realm;
        private final Users users;
        private final Configuration others;

        ConsoleRealm(String realm, Users users, Configuration others) {
            this.realm = realm;
            this.users = users;
            this.others = others instanceof ConsoleRealm mine ? mine.others : others;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if (realm.equals(name)) {
                return new AppConfigurationEntry[] { new AppConfigurationEntry(ConsoleLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED,
                        Map.of(ConsoleLoginModule.USERS_OPTION, users)) };
            }
            return others == null ? null : others.getAppConfigurationEntry(name);
        }
    }
}
