package vn.lienthong.simulator.dvcqg;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The DVCQG simulator, on unless {@code lienthong.simulator.dvcqg.enabled=false}. Importing this one class is enough
 * for a test context; in the application the component scan finds the same controllers and Spring keeps one of each.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnDvcqgSimulator
@EnableConfigurationProperties(DvcqgSimulatorProperties.class)
@Import({DvcqgSimulatorController.class, DvcqgSimulatorAdminController.class, DvcqgCitizenController.class})
public class DvcqgSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DvcqgSimulatorConfiguration.class);

    @Bean
    DvcqgJson dvcqgJson(ObjectProvider<ObjectMapper> objectMapper) {
        return new DvcqgJson(objectMapper.getIfUnique(ObjectMapper::new));
    }

    @Bean
    DvcqgSessions dvcqgSessions(DvcqgSimulatorProperties properties) {
        return new DvcqgSessions(properties.sessionTtl(), Clock.systemUTC());
    }

    @Bean
    DvcqgFaults dvcqgFaults(DvcqgSimulatorProperties properties) {
        return new DvcqgFaults(DvcqgFaults.Settings.of(properties.faults()));
    }

    @Bean
    DvcqgDossierRules dvcqgDossierRules() {
        return new DvcqgDossierRules();
    }

    @Bean
    DvcqgStats dvcqgStats() {
        return new DvcqgStats();
    }

    @Bean
    DvcqgStore dvcqgStore(DvcqgSimulatorProperties properties, DvcqgJson json) {
        Path file = properties.journalFile();
        log.info("DVCQG simulator at /sim/dvcqg, {}", file == null ? "in memory" : "journal " + file.toAbsolutePath());
        return new DvcqgStore(file == null ? DvcqgJournal.none() : new DvcqgFileJournal(file, json));
    }

    @Bean
    DvcqgInbox dvcqgInbox(DvcqgSimulatorProperties properties, Environment environment) {
        Path directory = properties.citizen().storeDirectory() != null
                && !properties.citizen().storeDirectory().toString().isBlank()
                ? properties.citizen().storeDirectory()
                : Path.of(environment.getProperty("lienthong.data-directory", "./data"), "simulator", "dvcqg-citizen");
        log.info("DVCQG simulator citizen side at /sim/dvcqg/citizen, store {}", directory.toAbsolutePath());
        return new DvcqgInbox(directory, Clock.systemUTC());
    }

    @Bean
    DvcqgCitizenRules dvcqgCitizenRules(DvcqgSimulatorProperties properties) {
        return new DvcqgCitizenRules(properties.citizen());
    }

    @Bean
    DvcqgPortal dvcqgPortal(DvcqgSimulatorProperties properties, DvcqgJson json, DvcqgSessions sessions,
            DvcqgFaults faults, DvcqgDossierRules rules, DvcqgStore store, DvcqgStats stats, DvcqgInbox inbox) {
        return new DvcqgPortal(properties, json, sessions, faults, rules, store, stats, inbox);
    }

    /** The pushed entries' file URLs point at this process's getfile unless a base is configured. */
    @Bean
    DvcqgPush dvcqgPush(DvcqgSimulatorProperties properties, DvcqgInbox inbox, DvcqgPortal portal, DvcqgJson json,
            Environment environment) {
        return new DvcqgPush(properties.citizen().push(), inbox, portal, json,
                () -> "http://127.0.0.1:" + environment.getProperty("local.server.port",
                        environment.getProperty("server.port", "8080")) + DvcqgPortal.GETFILE_PATH);
    }
}
