package vn.lienthong.reliability;


import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scenario 3, portal outage and brown-out: the portal is down while dossiers are sent (they are accepted and wait in
 * the broker), then fails half of the calls, then answers after 5 s, then recovers. Everything accepted is delivered
 * afterwards, in order; during the outage the gateway calls the portal no more than its consumers' retries with
 * exponential backoff allow; the backlog's drain rate is measured in each phase.
 *
 * <p>Retries, not dead-letter replay, carry the messages through the outage: the gateway runs with
 * {@code lienthong.delivery.maximum-redeliveries} raised so that the retries outlast it. A message that exhausts its
 * retries is parked, and then the next progress items of its dossier are delivered before it (the dead-letter queue
 * is outside the dossier's message group): replaying it afterwards would break the order per dossier.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PortalOutageIT {

    private static final int DOSSIERS = Settings.integer("outage.dossiers", 200);
    private static final int PROGRESS = Settings.integer("outage.progress", 4);
    private static final int CLIENTS = Settings.integer("outage.clients", 16);
    private static final Duration OUTAGE = Settings.seconds("outage.downSeconds", 30);
    private static final Duration ERRORS = Settings.seconds("outage.errorSeconds", 15);
    private static final double ERROR_RATE = Settings.decimal("outage.errorRate", 0.5);
    private static final Duration SLOW = Settings.seconds("outage.slowSeconds", 15);
    private static final int LATENCY_MS = Settings.integer("outage.latencyMs", 5000);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("outage.drainTimeoutSeconds", 300);
    // the gateway's delivery settings: production's backoff, retries raised to outlast the outage
    private static final int CONSUMERS = Settings.integer("outage.consumers", 8);
    private static final int MAXIMUM_REDELIVERIES = Settings.integer("outage.maximumRedeliveries", 30);
    private static final int REDELIVERY_DELAY_MS = Settings.integer("outage.redeliveryDelayMs", 1000);
    private static final double BACK_OFF_MULTIPLIER = Settings.decimal("outage.backOffMultiplier", 2);
    private static final int MAXIMUM_REDELIVERY_DELAY_MS = Settings.integer("outage.maximumRedeliveryDelayMs", 60000);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("portal-outage").gatewayArguments(
                "--lienthong.delivery.consumers=" + CONSUMERS,
                "--lienthong.delivery.maximum-redeliveries=" + MAXIMUM_REDELIVERIES,
                "--lienthong.delivery.redelivery-delay=" + REDELIVERY_DELAY_MS,
                "--lienthong.delivery.back-off-multiplier=" + BACK_OFF_MULTIPLIER,
                "--lienthong.delivery.maximum-redelivery-delay=" + MAXIMUM_REDELIVERY_DELAY_MS).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everythingAcceptedDuringAnOutageIsDeliveredAfterwardsWithoutHammeringThePortal() throws Exception {
        stack.run(() -> {
            SimulatorProcess portal = stack.portal;
            Load load = new Load("OUTAGE", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls,
                    Duration.ofSeconds(30), Duration.ofMinutes(3));
            try (PortalSampler sampler = new PortalSampler(portal)) {
                portal.down();
                long requestsBefore = portal.requests();
                load.start();
                stack.hold(OUTAGE);
                long requestsDuringOutage = portal.requests() - requestsBefore;
                long receivedDuringOutage = sampler.now().received();
                int acceptedDuringOutage = load.acceptedCount();

                portal.faults(Map.of("errorRate", ERROR_RATE));
                long errorsAt = System.currentTimeMillis();
                stack.hold(ERRORS);
                portal.faults(Map.of("latencyMs", LATENCY_MS));
                long slowAt = System.currentTimeMillis();
                stack.hold(SLOW);
                portal.healthy();
                long healthyAt = System.currentTimeMillis();
                load.awaitFinished(Duration.ofMinutes(3));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(portal, accepted, DRAIN_TIMEOUT,
                        Duration.ofMillis(MAXIMUM_REDELIVERY_DELAY_MS).plusSeconds(30));
                long drainedAt = sampler.lastIncreaseAt(System.currentTimeMillis());
                Map<String, Long> notDelivered = TrackingCheck.awaitState(stack.database, TrackingCheck.ids(accepted),
                        "DELIVERED", report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long bound = CONSUMERS * 2L * (attemptsWithin(OUTAGE) + 1);
                long backlogAtHealthy = accepted.size() - sampler.at(healthyAt).received();
                int parked = stack.gateway().deadLetters().path("deadLetters").size();

                new ResultLine("portal-outage")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", drainedAt - healthyAt)
                        .put("drain_per_s", backlogAtHealthy * 1000.0 / Math.max(1, drainedAt - healthyAt))
                        .put("drain_per_s_errors", sampler.ratePerSecond(errorsAt, slowAt))
                        .put("drain_per_s_slow", sampler.ratePerSecond(slowAt, healthyAt))
                        .put("outage_s", OUTAGE.toSeconds())
                        .put("accepted_during_outage", acceptedDuringOutage)
                        .put("received_during_outage", receivedDuringOutage)
                        .put("portal_requests_during_outage", requestsDuringOutage)
                        .put("portal_requests_bound", bound)
                        .put("backlog_when_portal_recovered", backlogAtHealthy)
                        .put("dead_lettered", parked)
                        .put("maximum_redeliveries", MAXIMUM_REDELIVERIES)
                        .put("answers", load.answers())
                        .print();
                stack.explain(report);

                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(load.gaveUp()).as("messages the client could not get accepted").isEmpty();
                softly.assertThat(receivedDuringOutage).as("items the portal stored while it was down").isZero();
                softly.assertThat(requestsDuringOutage)
                        .as("calls to a down portal: at most consumers x 2 calls x attempts within the outage")
                        .isLessThanOrEqualTo(bound);
                softly.assertThat(report.lost()).as("accepted messages the portal never received (trail: %s)",
                        TrackingCheck.statesOfLost(stack.database, accepted, report.lost())).isEmpty();
                softly.assertThat(report.orderViolations())
                        .as("dossiers whose progress arrived out of order").isEmpty();
                softly.assertThat(report.unexpected()).as("items the portal has without a 202").isEmpty();
                softly.assertThat(notDelivered).as("accepted messages whose trail does not say DELIVERED").isEmpty();
                softly.assertThat(parked)
                        .as("messages dead-lettered although retries should outlast the outage").isZero();
                softly.assertAll();
            } finally {
                load.stop();
                stack.portal.healthy();
            }
        });
    }

    /** Attempts one message makes within the time: the first, then one after each backoff delay that fits. */
    private static long attemptsWithin(Duration time) {
        long attempts = 1;
        double delay = REDELIVERY_DELAY_MS;
        double elapsed = 0;
        while (attempts <= MAXIMUM_REDELIVERIES) {
            elapsed += Math.min(delay, MAXIMUM_REDELIVERY_DELAY_MS);
            if (elapsed > time.toMillis()) {
                break;
            }
            attempts++;
            delay *= BACK_OFF_MULTIPLIER;
        }
        return attempts;
    }
}
