package vn.lienthong.axis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** One transport bean, {@code axisTransport}, of the kind {@code lienthong.axis.transport} names. */
class AxisConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AxisConfiguration.class)
            .withPropertyValues("lienthong.axis.base-url=http://127.0.0.1:8080/sim/axis",
                    "lienthong.axis.soap-url=http://127.0.0.1:8080/services/sim/axis");

    @Test
    void theJsonTransportByDefault() {
        context.run(app -> {
            assertThat(app).hasSingleBean(AxisTransport.class);
            assertThat(app.getBean("axisTransport")).isInstanceOf(AxisJsonTransport.class);
            AxisProperties properties = app.getBean(AxisProperties.class);
            assertThat(properties.systemId()).isEqualTo("lienthong");
            assertThat(properties.secret()).isEqualTo(AxisProperties.DEV_SECRET);
            assertThat(properties.requestTimeout()).isGreaterThan(properties.connectTimeout());
        });
    }

    @Test
    void theSoapTransportWhenConfigured() {
        context.withPropertyValues("lienthong.axis.transport=soap").run(app -> {
            assertThat(app).hasSingleBean(AxisTransport.class);
            assertThat(app.getBean("axisTransport")).isInstanceOf(AxisSoapTransport.class);
        });
    }

    @Test
    void aTransportWithoutItsUrlDoesNotStartAndSaysWhichSetting() {
        new ApplicationContextRunner().withUserConfiguration(AxisConfiguration.class)
                .withPropertyValues("lienthong.axis.transport=SOAP",
                        "lienthong.axis.base-url=http://127.0.0.1:8080/sim/axis")
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("lienthong.axis.soap-url"));
    }

    @Test
    void theSecretIsNeverPrinted() {
        context.withPropertyValues("lienthong.axis.secret=s3cr3t-from-the-vault").run(app ->
                assertThat(app.getBean(AxisProperties.class).toString())
                        .contains("systemId=lienthong").doesNotContain("s3cr3t-from-the-vault"));
    }
}
