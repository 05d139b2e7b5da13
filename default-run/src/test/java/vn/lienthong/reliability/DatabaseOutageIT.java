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
 * Scenario 4, database outage: PostgreSQL (tracking storage) is stopped while dossiers and progress are being sent,
 * then started again. While it is down the gateway refuses with 503 and Retry-After (never 500): nothing is accepted
 * that it cannot track. Delivery treats the failure as transient (the message stays in the broker and is retried with
 * backoff), so every message answered 202 reaches the portal once the database is back, in order.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DatabaseOutageIT {

    private static final int DOSSIERS = Settings.integer("db.dossiers", 300);
    private static final int PROGRESS = Settings.integer("db.progress", 4);
    private static final int CLIENTS = Settings.integer("db.clients", 16);
    private static final double STOP_AT = Settings.decimal("db.stopAt", 0.3);
    private static final Duration OUTAGE = Settings.seconds("db.downSeconds", 20);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("db.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("db.stallTimeoutSeconds", 60);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("database-outage").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void requestsAreRefusedWith503WhileTheDatabaseIsDownAndEvery202IsDeliveredAfterwards() throws Exception {
        stack.run(() -> {
            Load load = new Load("DBDOWN", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls,
                    Duration.ofSeconds(60), Duration.ofMinutes(4));
            try (PortalSampler sampler = new PortalSampler(stack.portal)) {
                load.start();
                load.awaitAccepted((int) (load.messagesPlanned() * STOP_AT), Duration.ofMinutes(5));

                stack.database.stop();
                long stoppedAt = System.currentTimeMillis();
                int acceptedBeforeStop = load.acceptedCount();
                stack.hold(OUTAGE);
                int acceptedDuringOutage = load.acceptedCount() - acceptedBeforeStop;
                Map<String, Long> answersDuringOutage = load.answers();
                // Answers that come while the server is starting again are not "while it was down".
                long restartingAt = System.currentTimeMillis();
                stack.database.start();
                long restartedAt = System.currentTimeMillis();
                load.awaitFinished(Duration.ofMinutes(5));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(stack.portal, accepted, DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = sampler.lastIncreaseAt(System.currentTimeMillis());
                Map<String, Long> notDelivered = TrackingCheck.awaitState(stack.database, TrackingCheck.ids(accepted),
                        "DELIVERED", report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long accepted202DuringOutage = accepted.stream()
                        .filter(a -> a.acceptedAtMillis() > stoppedAt + 1000 && a.acceptedAtMillis() < restartingAt)
                        .count();
                int parked = stack.gateway().deadLetters().path("deadLetters").size();

                new ResultLine("database-outage")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", drainedAt - restartedAt)
                        .put("drain_per_s", sampler.ratePerSecond(restartedAt, drainedAt))
                        .put("outage_s", OUTAGE.toSeconds())
                        .put("accepted_before_stop", acceptedBeforeStop)
                        .put("accepted_during_outage", acceptedDuringOutage)
                        .put("answers_by_end_of_outage", answersDuringOutage)
                        .put("answers", load.answers())
                        .put("slowest_503_ms", load.slowest503Millis())
                        .put("longest_202_gap_ms", load.longestAcceptanceGapMillis())
                        .put("longest_delivery_gap_ms", sampler.longestStallMillis(stoppedAt, drainedAt))
                        .put("dead_lettered", parked)
                        .put("trail_rows_without_202", TrackingCheck.rowsWithoutA202(stack.database,
                                TrackingCheck.ids(accepted)))
                        .print();
                stack.explain(report);

                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(load.gaveUp()).as("messages the client could not get accepted").isEmpty();
                softly.assertThat(load.answered("500"))
                        .as("HTTP 500 answers (first: %s)", load.firstBody("500")).isZero();
                softly.assertThat(load.answered("503")).as("HTTP 503 answers while the database was down").isPositive();
                softly.assertThat(load.without503RetryAfter()).as("503 answers without Retry-After").isZero();
                softly.assertThat(accepted202DuringOutage).as("202 answers while the database was down").isZero();
                softly.assertThat(report.lost()).as("accepted messages the portal never received (trail: %s)",
                        TrackingCheck.statesOfLost(stack.database, accepted, report.lost())).isEmpty();
                softly.assertThat(report.orderViolations())
                        .as("dossiers whose progress arrived out of order").isEmpty();
                softly.assertThat(report.unexpected()).as("items the portal has without a 202").isEmpty();
                softly.assertThat(notDelivered).as("accepted messages whose trail does not say DELIVERED").isEmpty();
                softly.assertThat(parked).as("messages dead-lettered by the database outage").isZero();
                softly.assertAll();
            } finally {
                load.stop();
            }
        });
    }
}
