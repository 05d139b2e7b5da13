package vn.lienthong.simulator.motcua;

import java.nio.file.Path;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The one-stop (một cửa) systems' simulator, on unless {@code lienthong.simulator.motcua.enabled=false}. Importing this
 * one class is enough for a test context; in the application the component scan finds the same controller.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMotcuaSimulator
@EnableConfigurationProperties(MotcuaSimulatorProperties.class)
@Import(MotcuaSimulatorController.class)
public class MotcuaSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MotcuaSimulatorConfiguration.class);

    @Bean
    MotcuaOffice motcuaOffice(MotcuaSimulatorProperties properties, Environment environment) {
        Path directory = properties.storeDirectory() != null && !properties.storeDirectory().toString().isBlank()
                ? properties.storeDirectory()
                : Path.of(environment.getProperty("lienthong.data-directory", "./data"), "simulator", "motcua");
        log.info("one-stop simulator at /sim/motcua, store {}", directory.toAbsolutePath());
        return new MotcuaOffice(directory, new MotcuaFaults(MotcuaFaults.Settings.of(properties.faults())),
                Clock.systemUTC());
    }
}
