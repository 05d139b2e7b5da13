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
 * Scenario 1, gateway crash: while dossiers and their progress are being sent, the gateway is killed with -9 and
 * started again. Every message that got a 202 reaches the portal, each dossier's progress in the order accepted; the
 * duplicates the crash causes are counted (they must be harmless: an update, a repeated progress item).
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class GatewayCrashIT {

    private static final int DOSSIERS = Settings.integer("crash.dossiers", 1000);
    private static final int PROGRESS = Settings.integer("crash.progress", 4);
    private static final int CLIENTS = Settings.integer("crash.clients", 16);
    /** The kill comes when this fraction of the messages has been accepted. */
    private static final double KILL_AT = Settings.decimal("crash.killAt", 0.4);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("crash.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("crash.stallTimeoutSeconds", 45);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("gateway-crash").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyAcceptedMessageReachesThePortalInOrderAfterAKill9() throws Exception {
        stack.run(() -> {
            GatewayProcess gateway = stack.gateway();
            Load load = new Load("CRASH", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls, Duration.ofSeconds(30),
                    Duration.ofMinutes(3));
            try (PortalSampler sampler = new PortalSampler(stack.portal)) {
                load.start();
                long loadStarted = System.currentTimeMillis();
                load.awaitAccepted((int) (load.messagesPlanned() * KILL_AT), Duration.ofMinutes(5));

                gateway.kill();
                long killedAt = System.currentTimeMillis();
                int acceptedBeforeKill = load.acceptedCount();
                gateway.start();
                long restartedAt = System.currentTimeMillis();
                gateway.awaitReady(Stack.START_TIMEOUT);
                long readyAt = System.currentTimeMillis();
                load.awaitFinished(Duration.ofMinutes(5));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(stack.portal, accepted, DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = sampler.lastIncreaseAt(System.currentTimeMillis());
                Map<String, Long> notDelivered = TrackingCheck.awaitState(stack.database, TrackingCheck.ids(accepted),
                        "DELIVERED", report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long acceptedDossiers = accepted.stream().filter(a -> a.step() == 0).count();

                new ResultLine("gateway-crash")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", drainedAt - restartedAt)
                        .put("drain_per_s", sampler.ratePerSecond(readyAt, drainedAt))
                        .put("restart_to_ready_ms", readyAt - restartedAt)
                        .put("longest_202_gap_ms", load.longestAcceptanceGapMillis())
                        .put("accepted_before_kill", acceptedBeforeKill)
                        .put("killed_after_ms", killedAt - loadStarted)
                        .put("portal_dossiers", stack.portal.stats().path("dossiers").asLong())
                        .put("replayed_202", load.acceptedReplayed())
                        .put("answers", load.answers())
                        .put("trail_rows_without_202", TrackingCheck.rowsWithoutA202(stack.database,
                                TrackingCheck.ids(accepted)))
                        .print();
                stack.explain(report);

                SoftAssertions softly = new SoftAssertions();
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
}
