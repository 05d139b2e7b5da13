package vn.lienthong.delivery;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * How queued messages are delivered, under {@code lienthong.delivery} (the routes read these as placeholders).
 *
 * @param consumers              concurrent consumers per delivery queue; messages of one dossier stay in order
 * @param maximumRedeliveries    retries of a transient failure before the message is dead-lettered
 * @param redeliveryDelay        first retry delay, in milliseconds (the routes read it as a number)
 * @param backOffMultiplier      each retry waits this many times longer
 * @param maximumRedeliveryDelay cap on one retry delay, in milliseconds
 */
@ConfigurationProperties(prefix = "lienthong.delivery")
public record DeliveryProperties(
        @DefaultValue("8") int consumers,
        @DefaultValue("10") int maximumRedeliveries,
        @DefaultValue("1000") @DurationUnit(ChronoUnit.MILLIS) Duration redeliveryDelay,
        @DefaultValue("2") double backOffMultiplier,
        @DefaultValue("60000") @DurationUnit(ChronoUnit.MILLIS) Duration maximumRedeliveryDelay) {
}
