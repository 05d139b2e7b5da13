package vn.lienthong.simulator.eoffice;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

import vn.lienthong.simulator.SimulatorFaults;

/**
 * The e-office webhook receiver simulator, on unless {@code lienthong.simulator.eoffice.enabled=false}. Importing this
 * one class is enough for a test context; in the application the component scan finds the same controller.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEofficeSimulator
@EnableConfigurationProperties(EofficeSimulatorProperties.class)
@Import(EofficeSimulatorController.class)
public class EofficeSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EofficeSimulatorConfiguration.class);

    @Bean
    EofficeInbox eofficeInbox(EofficeSimulatorProperties properties, Environment environment) {
        Path directory = properties.storeDirectory() != null && !properties.storeDirectory().toString().isBlank()
                ? properties.storeDirectory()
                : Path.of(environment.getProperty("lienthong.data-directory", "./data"), "simulator", "eoffice");
        log.info("e-office simulator at /sim/eoffice, store {}", directory.toAbsolutePath());
        return new EofficeInbox(directory, new SimulatorFaults(properties.faults().settings()), Clock.systemUTC());
    }
}
