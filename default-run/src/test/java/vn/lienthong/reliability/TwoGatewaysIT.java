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
 * Scenario 5, scale-out: two gateway instances on one broker and one PostgreSQL. Clients send to both; both deliver
 * (each instance's own route metric), each dossier's progress still arrives in order (message groups span the
 * instances), and when one instance is killed with -9 the other goes on delivering everything, including what the
 * killed one had taken but not finished.
 *
 * <p>The scheduled poller, the held messages' retrier, runs on exactly one instance (a lease in the database): only
 * one instance's {@code held-keys} route runs before the kill, and the survivor's runs after it (it had the lease,
 * or took it over once the killed one's expired).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TwoGatewaysIT {

    private static final int DOSSIERS = Settings.integer("scaleout.dossiers", 400);
    private static final int PROGRESS = Settings.integer("scaleout.progress", 4);
    private static final int CLIENTS = Settings.integer("scaleout.clients", 16);
    private static final double KILL_AT = Settings.decimal("scaleout.killAt", 0.5);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("scaleout.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("scaleout.stallTimeoutSeconds", 45);

    private static final String RETRIER_ROUTE = "held-keys";

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("two-gateways").gateways(2).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void bothInstancesDeliverInOrderAndTheSurvivorFinishesWhenOneIsKilled() throws Exception {
        stack.run(() -> {
            GatewayProcess first = stack.gateways.get(0);
            GatewayProcess second = stack.gateways.get(1);
            Load load = new Load("SCALE", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls,
                    Duration.ofSeconds(30), Duration.ofMinutes(3));
            try (PortalSampler sampler = new PortalSampler(stack.portal)) {
                load.start();
                long loadStarted = System.currentTimeMillis();
                load.awaitAccepted((int) (load.messagesPlanned() * KILL_AT), Duration.ofMinutes(5));

                long firstDelivered = first.deliveredExchanges();
                long secondBeforeKill = second.deliveredExchanges();
                long firstRetrierRuns = first.routeExchanges(RETRIER_ROUTE);
                long secondRetrierRuns = second.routeExchanges(RETRIER_ROUTE);
                first.kill();
                long killedAt = System.currentTimeMillis();
                long receivedAtKill = sampler.now().received();
                load.awaitFinished(Duration.ofMinutes(5));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(stack.portal, accepted, DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = sampler.lastIncreaseAt(System.currentTimeMillis());
                Map<String, Long> notDelivered = TrackingCheck.awaitState(stack.database, TrackingCheck.ids(accepted),
                        "DELIVERED", report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long secondDelivered = second.deliveredExchanges();
                boolean survivorRunsTheRetrier = survivorRunsTheRetrier(second, secondRetrierRuns);
                long acceptedDossiers = accepted.stream().filter(a -> a.step() == 0).count();
                long longestDeliveryGap = sampler.longestStallMillis(killedAt - 1000, drainedAt);

                new ResultLine("two-gateways")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", longestDeliveryGap)
                        .put("kill_to_drained_ms", drainedAt - killedAt)
                        .put("drain_per_s", sampler.ratePerSecond(killedAt, drainedAt))
                        .put("delivered_by_gateway_1_before_kill", firstDelivered)
                        .put("delivered_by_gateway_2_before_kill", secondBeforeKill)
                        .put("delivered_by_gateway_2", secondDelivered)
                        .put("retrier_runs_before_kill", firstRetrierRuns + "/" + secondRetrierRuns)
                        .put("held_behind_an_earlier_message", stack.database.reachedAt("HELD").size())
                        .put("received_by_portal_at_kill", receivedAtKill)
                        .put("longest_202_gap_ms", load.longestAcceptanceGapMillis())
                        .put("load_s", (load.lastAcceptedAt() - loadStarted) / 1000)
                        .put("replayed_202", load.acceptedReplayed())
                        .put("answers", load.answers())
                        .put("trail_rows_without_202", TrackingCheck.rowsWithoutA202(stack.database,
                                TrackingCheck.ids(accepted)))
                        .print();
                stack.explain(report);

                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(firstDelivered)
                        .as("messages delivered by gateway-1 before it was killed").isPositive();
                softly.assertThat(secondBeforeKill).as("messages delivered by gateway-2 before the kill").isPositive();
                softly.assertThat(secondDelivered).as("gateway-2 went on delivering after the kill")
                        .isGreaterThan(secondBeforeKill);
                softly.assertThat(firstRetrierRuns > 0 ^ secondRetrierRuns > 0)
                        .as("the retrier ran on exactly one instance before the kill (runs: %d, %d)", firstRetrierRuns,
                                secondRetrierRuns).isTrue();
                softly.assertThat(survivorRunsTheRetrier).as("the survivor runs the retrier after the kill").isTrue();
                softly.assertThat(load.gaveUp()).as("messages the client could not get accepted").isEmpty();
                softly.assertThat(report.lost()).as("accepted messages the portal never received (trail: %s)",
                        TrackingCheck.statesOfLost(stack.database, accepted, report.lost())).isEmpty();
                softly.assertThat(report.orderViolations())
                        .as("dossiers whose progress arrived out of order").isEmpty();
                softly.assertThat(report.unexpected()).as("items the portal has without a 202").isEmpty();
                softly.assertThat(stack.portal.stats().path("dossiers").asLong())
                        .as("distinct dossiers at the portal = dossiers answered 202").isEqualTo(acceptedDossiers);
                softly.assertThat(acceptedDossiers).isEqualTo(DOSSIERS);
                softly.assertThat(notDelivered).as("accepted messages whose trail does not say DELIVERED").isEmpty();
                softly.assertAll();
            } finally {
                load.stop();
            }
        });
    }

    /** Within the lease time (10 s) and a margin, the survivor's retrier runs. */
    private static boolean survivorRunsTheRetrier(GatewayProcess survivor, long runsBeforeKill) {
        try {
            org.awaitility.Awaitility.await("the survivor to run the retrier").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> survivor.routeExchanges(RETRIER_ROUTE) > runsBeforeKill);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }
}
