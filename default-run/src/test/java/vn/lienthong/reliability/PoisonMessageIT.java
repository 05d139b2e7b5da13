package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scenario 6, poison messages: dossiers the portal fails with HTTP 500 every time (simulator fault
 * {@code failMaHoSoPattern}) are retried the configured number of times (quickly in their consumer, then set aside
 * and retried from the held messages), then parked in the dead-letter queue with their reason, their progress held
 * behind them (never sent ahead of its dossier); a dossier the portal refuses (error_code 4) is not retried at all and
 * its progress is parked. Meanwhile every other dossier and its progress, sent right behind the poison, is delivered
 * in order without waiting for it. Once the portal accepts them again, an operator replays the poison and its dossier
 * goes out in order, its progress after it.
 *
 * <p>The retries are spaced 4 s, 8 s and 16 s apart here, so that the poison is still failing while the load is sent
 * and delivered: a message of another dossier delivered only after the poison was parked has waited for it.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PoisonMessageIT {

    private static final int POISON_DOSSIERS = Settings.integer("poison.poisonDossiers", 2);
    private static final int DOSSIERS = Settings.integer("poison.dossiers", 100);
    private static final int PROGRESS = Settings.integer("poison.progress", 4);
    private static final int CLIENTS = Settings.integer("poison.clients", 16);
    private static final int MAXIMUM_REDELIVERIES = Settings.integer("poison.maximumRedeliveries", 5);
    private static final int REDELIVERY_DELAY_MS = Settings.integer("poison.redeliveryDelayMs", 4000);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("poison.drainTimeoutSeconds", 240);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        // One message per portal call: the scenario counts the calls of each poison dossier, and a shared call that
        // fails is followed by one call per message (an extra failed call whenever the poison shared one).
        stack = Stack.builder("poison-message").gatewayArguments(
                "--lienthong.portal.batch-size=1",
                "--lienthong.delivery.maximum-redeliveries=" + MAXIMUM_REDELIVERIES,
                "--lienthong.delivery.redelivery-delay=" + REDELIVERY_DELAY_MS).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aPoisonMessageIsParkedWithItsReasonAfterItsRetriesAndBlocksNoOtherDossier() throws Exception {
        stack.run(() -> {
            GatewayProcess gateway = stack.gateway();
            stack.portal.faults(Map.of("failMaHoSoPattern", "-POISON-", "rejectMaHoSoPattern", "-REFUSED-"));
            Load poison = new Load("POISON", POISON_DOSSIERS, PROGRESS, 1, stack::liveGatewayUrls,
                    Duration.ofSeconds(30), Duration.ofMinutes(1));
            Load refused = new Load("REFUSED", 1, 2, 1, stack::liveGatewayUrls, Duration.ofSeconds(30),
                    Duration.ofMinutes(1));
            Load load = new Load("NORMAL", DOSSIERS, PROGRESS, CLIENTS, stack::liveGatewayUrls,
                    Duration.ofSeconds(30), Duration.ofMinutes(3));
            try {
                poison.start().awaitFinished(Duration.ofMinutes(1));
                refused.start().awaitFinished(Duration.ofMinutes(1));
                long poisonSentAt = System.currentTimeMillis();
                load.start().awaitFinished(Duration.ofMinutes(3));

                List<Load.Accepted> accepted = load.accepted();
                Deliveries.Report report = Deliveries.awaitAll(stack.portal, accepted, DRAIN_TIMEOUT,
                        Duration.ofSeconds(90));
                long normalDrainedAt = System.currentTimeMillis();
                int expectedParked = POISON_DOSSIERS + 2;
                await("the poison and the refused dossier's progress to be parked").atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(() -> gateway.deadLetters().path("deadLetters").size() >= expectedParked);
                JsonNode parked = gateway.deadLetters().path("deadLetters");

                Map<String, Long> deliveredAt = stack.database.reachedAt("DELIVERED");
                Map<String, Long> parkedAt = stack.database.reachedAt("DEAD_LETTERED");
                long firstPoisonParkedAt = poison.accepted().stream().filter(a -> a.step() == 0)
                        .mapToLong(a -> parkedAt.getOrDefault(a.trackingId(), Long.MAX_VALUE)).min().orElseThrow();
                List<String> waitedForThePoison = new ArrayList<>();
                long slowest = 0;
                for (Load.Accepted message : accepted) {
                    long at = deliveredAt.getOrDefault(message.trackingId(), Long.MAX_VALUE);
                    slowest = Math.max(slowest, at - message.acceptedAtMillis());
                    if (at > firstPoisonParkedAt) {
                        waitedForThePoison.add(message.maHoSo() + "#" + message.step());
                    }
                }
                Map<String, String> states = stack.database.stateByTrackingId();
                String refusedDossier = refused.accepted().stream().filter(a -> a.step() == 0)
                        .map(Load.Accepted::trackingId).findFirst().orElseThrow();

                new ResultLine("poison-message")
                        .counts(load, report)
                        .put("recovery_or_pause_ms", slowest)
                        .put("poison_parked_after_ms", firstPoisonParkedAt - poisonSentAt)
                        .put("normal_drained_after_ms", normalDrainedAt - poisonSentAt)
                        .put("normal_waiting_for_poison", waitedForThePoison.size())
                        .put("dead_lettered", parked.size())
                        .put("portal_failed_calls", stack.portal.stats().path("failedByFault").asLong())
                        .put("portal_refusals", stack.portal.stats().path("rejectedByFault").asLong())
                        .put("answers", load.answers())
                        .print();
                stack.explain(report);

                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(report.lost()).as("accepted messages the portal never received (trail: %s)",
                        TrackingCheck.statesOfLost(stack.database, accepted, report.lost())).isEmpty();
                softly.assertThat(report.orderViolations())
                        .as("dossiers whose progress arrived out of order").isEmpty();
                softly.assertThat(waitedForThePoison).as("other dossiers' messages delivered only after the poison was "
                        + "parked (they waited for it)").isEmpty();
                for (Load.Accepted message : poison.accepted()) {
                    softly.assertThat(states.get(message.trackingId())).as(message.maHoSo() + "#" + message.step())
                            .isEqualTo(message.step() == 0 ? "DEAD_LETTERED" : "HELD");
                    softly.assertThat(stack.portal.dossier(message.maHoSo())).as("the portal has " + message.maHoSo())
                            .isEmpty();
                }
                softly.assertThat(stack.portal.stats().path("failedByFault").asLong())
                        .as("calls for the poison: 1 + maximum-redeliveries each")
                        .isEqualTo(POISON_DOSSIERS * (1L + MAXIMUM_REDELIVERIES));
                softly.assertThat(states.get(refusedDossier))
                        .as("a business refusal is final").isEqualTo("REJECTED_BY_PORTAL");
                softly.assertThat(stack.portal.stats().path("rejectedByFault").asLong()).as("a refusal is not retried")
                        .isEqualTo(1);
                softly.assertThat(parked).hasSize(expectedParked);
                for (JsonNode letter : parked) {
                    String maHoSo = letter.path("MaHoSo").asText();
                    String reason = letter.path("reason").asText();
                    if (maHoSo.contains("-POISON-") && letter.path("kind").asText().equals("DOSSIER")) {
                        softly.assertThat(reason).as("reason of " + maHoSo).contains("HTTP 500")
                                .contains("after " + MAXIMUM_REDELIVERIES + " retries");
                        softly.assertThat(letter.path("attempts").asInt()).isEqualTo(MAXIMUM_REDELIVERIES);
                        softly.assertThat(letter.path("heldBehind").asInt()).as("progress held behind " + maHoSo)
                                .isEqualTo(PROGRESS);
                    } else {
                        softly.assertThat(letter.path("kind").asText()).isEqualTo("PROGRESS");
                        softly.assertThat(reason)
                                .as("reason of progress of " + maHoSo).contains("not accepted by the portal");
                    }
                }

                // The portal takes the poison again: replayed, each poison dossier goes out first, then its progress.
                stack.portal.healthy();
                int replayed = gateway.replayDeadLetters("{\"reasonContains\": \"HTTP 500\"}");
                Deliveries.Report afterReplay = Deliveries.awaitAll(stack.portal, poison.accepted(),
                        Duration.ofMinutes(2), Duration.ofSeconds(60));
                softly.assertThat(replayed).as("poison dossiers replayed").isEqualTo(POISON_DOSSIERS);
                softly.assertThat(afterReplay.lost()).as("poison messages not delivered after the replay").isEmpty();
                softly.assertThat(afterReplay.orderViolations()).as("poison dossiers out of order after the replay")
                        .isEmpty();
                softly.assertAll();
            } finally {
                load.stop();
                stack.portal.healthy();
            }
        });
    }
}
