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
 * @param maximumRedeliveries    retries of a transient failure before the message is dead-lettered (in place, then
 *                               held: {@code inPlaceRetries} of them in the consumer, the rest from the held messages)
 * @param redeliveryDelay        first retry delay of a held message, in milliseconds (the routes read it as a number);
 *                               also the first pause of all deliveries when the portal is down
 * @param backOffMultiplier      each retry waits this many times longer
 * @param maximumRedeliveryDelay cap on one retry delay, in milliseconds
 * @param inPlaceRetries         quick retries in the consumer, while the message stays unacknowledged in the broker,
 *                               before a message the portal keeps failing is set aside (held) out of the queue's way
 * @param inPlaceRetryDelay      pause before each quick retry, in milliseconds
 * @param outageDossiers         the portal counts as down when its calls failed for this many different dossiers in a
 *                               row without a success in between: every delivery then pauses (backoff above) instead
 *                               of trying; fewer failing dossiers are taken as poison messages, set aside one by one
 * @param outageMaximumPause     cap on one such pause (they start at {@code redeliveryDelay} and grow by
 *                               {@code backOffMultiplier}); after each pause one call tries the portal, so a short cap
 *                               costs little and resumes deliveries soon after the portal is back, in milliseconds
 * @param heldPollInterval       how often the held messages' retrier looks for messages that are due, in milliseconds
 */
@ConfigurationProperties(prefix = "lienthong.delivery")
public record DeliveryProperties(
        @DefaultValue("16") int consumers,
        @DefaultValue("10") int maximumRedeliveries,
        @DefaultValue("1000") @DurationUnit(ChronoUnit.MILLIS) Duration redeliveryDelay,
        @DefaultValue("2") double backOffMultiplier,
        @DefaultValue("60000") @DurationUnit(ChronoUnit.MILLIS) Duration maximumRedeliveryDelay,
        @DefaultValue("2") int inPlaceRetries,
        @DefaultValue("200") @DurationUnit(ChronoUnit.MILLIS) Duration inPlaceRetryDelay,
        @DefaultValue("5") int outageDossiers,
        @DefaultValue("5000") @DurationUnit(ChronoUnit.MILLIS) Duration outageMaximumPause,
        @DefaultValue("1000") @DurationUnit(ChronoUnit.MILLIS) Duration heldPollInterval) {

    /** Quick retries actually made in the consumer (never more than the retries allowed in all). */
    public int effectiveInPlaceRetries() {
        return Math.min(inPlaceRetries, maximumRedeliveries);
    }

    /**
     * How long a held message waits before its next attempt, after {@code attempts} calls: the backoff goes on from
     * {@code redeliveryDelay} for the first retry made from the held messages.
     */
    public Duration heldRetryDelay(int attempts) {
        int heldRetries = Math.max(0, attempts - 1 - effectiveInPlaceRetries());
        double delay = redeliveryDelay.toMillis() * Math.pow(backOffMultiplier, heldRetries);
        return Duration.ofMillis((long) Math.min(delay, maximumRedeliveryDelay.toMillis()));
    }
}
