package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
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

import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlReader;
import vn.lienthong.edxml.SecureXml;

/**
 * The document axis simulator's JSON/HTTP transport and mailboxes, on unless
 * {@code lienthong.simulator.axis.enabled=false}. Importing this one class is enough for a test context; the SOAP
 * transport ({@link AxisKnobstickConfiguration}) needs CXF as well. In the application the component scan finds the
 * same controllers and Spring keeps one of each.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnAxisSimulator
@EnableConfigurationProperties(AxisSimulatorProperties.class)
@Import({AxisSimulatorController.class, AxisSimulatorAdminController.class})
public class AxisSimulatorConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AxisSimulatorConfiguration.class);

    @Bean
    AxisDirectory axisDirectory(AxisSimulatorProperties properties) {
        return new AxisDirectory(properties);
    }

    @Bean
    AxisMailboxes axisMailboxes(AxisSimulatorProperties properties, Environment environment) {
        Path directory = storeDirectory(properties, environment);
        log.info("axis simulator at /sim/axis, store {}", directory.toAbsolutePath());
        return new AxisMailboxes(directory);
    }

    @Bean
    AxisSessionTokens axisSessionTokens(AxisSimulatorProperties properties, AxisDirectory directory) {
        return new AxisSessionTokens(directory, properties.sessionTtl(), Clock.systemUTC());
    }

    @Bean
    AxisPostOffice axisPostOffice(AxisSimulatorProperties properties, AxisDirectory directory,
            AxisMailboxes mailboxes, ObjectProvider<EdxmlProperties> edxmlProperties) {
        return create(properties, directory, mailboxes, edxmlProperties.getIfAvailable(EdxmlProperties::defaults),
                Clock.systemUTC());
    }

    /** The post office over the edXML library's limits and schema, reading signatures without refusing them. */
    public static AxisPostOffice create(AxisSimulatorProperties properties, AxisDirectory directory,
            AxisMailboxes mailboxes, EdxmlProperties edxml, Clock clock) {
        EdxmlProperties.Verification verification = edxml.verification();
        EdxmlProperties reading = edxml.withSpoolDirectory(mailboxes.directory().resolve("spool"))
                .withVerification(new EdxmlProperties.Verification(EdxmlProperties.InvalidSignaturePolicy.FLAG,
                        verification.wholeDocumentMaxSize(), verification.truststore(),
                        verification.truststorePassword()));
        AxisEdxmlIntake intake = new AxisEdxmlIntake(new EdxmlReader(reading), new SecureXml(reading.xmlLimits()),
                mailboxes,
                reading.maxDocumentSize().toBytes());
        return new AxisPostOffice(directory, mailboxes, intake,
                new SimulatorFaults(properties.faults().settings()), clock);
    }

    /** {@code store-directory}, or {@code ${lienthong.data-directory}/simulator/axis}. */
    static Path storeDirectory(AxisSimulatorProperties properties, Environment environment) {
        if (properties.storeDirectory() != null && !properties.storeDirectory().toString().isBlank()) {
            return properties.storeDirectory();
        }
        return Path.of(environment.getProperty("lienthong.data-directory", "./data"), "simulator", "axis");
    }
}
