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
 * Scenario 2, broker failover: a primary/backup Artemis pair with replication; the primary is killed with -9 while
 * dossiers and progress are being sent. The backup takes over, the gateway fails over to it, and nothing accepted is
 * lost. The pause is the longest time without a 202 and without a delivery.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BrokerFailoverIT {

    private static final int DOSSIERS = Settings.integer("failover.dossiers", 400);
    private static final int PROGRESS = Settings.integer("failover.progress", 4);
    private static final int CLIENTS = Settings.integer("failover.clients", 16);
    private static final double KILL_AT = Settings.decimal("failover.killAt", 0.4);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("failover.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("failover.stallTimeoutSeconds", 45);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("broker-failover").replicatedBrokers().start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theGatewayFailsOverToTheBackupAndLosesNothingAccepted() throws Exception {
        stack.run(() -> {
            ArtemisBroker primary = stack.brokers.get(0);
            ArtemisBroker backup = stack.brokers.get(1);
            Load load = new Load("FAILOVER", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls,
                    Duration.ofSeconds(30), Duration.ofMinutes(3));
            try (PortalSampler sampler = new PortalSampler(stack.portal)) {
                load.start();
                long loadStarted = System.currentTimeMillis();
                load.awaitAccepted((int) (load.messagesPlanned() * KILL_AT), Duration.ofMinutes(5));

                primary.kill();
                long killedAt = System.currentTimeMillis();
                int acceptedBeforeKill = load.acceptedCount();
                backup.awaitActive(Duration.ofSeconds(60));
                long backupActiveAt = System.currentTimeMillis();
                load.awaitFinished(Duration.ofMinutes(5));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(stack.portal, accepted, DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = sampler.lastIncreaseAt(System.currentTimeMillis());
                Map<String, Long> notDelivered = TrackingCheck.awaitState(stack.database, TrackingCheck.ids(accepted),
                        "DELIVERED", report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long acceptedDossiers = accepted.stream().filter(a -> a.step() == 0).count();
                long longest202Gap = load.longestAcceptanceGapMillis();
                long longestDeliveryGap = sampler.longestStallMillis(loadStarted, drainedAt);
                int parked = stack.gateway().deadLetters().path("deadLetters").size();

                new ResultLine("broker-failover")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", Math.max(longest202Gap, longestDeliveryGap))
                        .put("longest_202_gap_ms", longest202Gap)
                        .put("longest_delivery_gap_ms", longestDeliveryGap)
                        .put("backup_active_after_ms", backupActiveAt - killedAt)
                        .put("accepted_before_kill", acceptedBeforeKill)
                        .put("drain_per_s", sampler.ratePerSecond(backupActiveAt, drainedAt))
                        .put("dead_lettered", parked)
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
                softly.assertThat(parked).as("messages dead-lettered by the failover").isZero();
                softly.assertAll();
            } finally {
                load.stop();
            }
        });
    }
}
