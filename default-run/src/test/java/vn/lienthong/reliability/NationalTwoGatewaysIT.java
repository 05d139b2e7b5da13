package vn.lienthong.reliability;

import static org.awaitility.Awaitility.await;

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
 * Scenario 9, the national portal's dossiers with two gateway instances on one broker and one PostgreSQL: exactly one
 * instance pulls from the portal (the lease national-poll: one instance's log says it took it, only that instance's
 * national-poll route runs), both deliver from the shared queue; the poller is killed with -9 in the middle of a
 * stream of filed dossiers and the other instance takes the lease over and pulls the rest. Every filed dossier reaches
 * its one-stop system with its files, the portal is told "received" for each, never before the one-stop had it; the
 * repeats are counted.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NationalTwoGatewaysIT {

    private static final String UNIT = NationalCrashIT.UNIT;
    private static final String TAG = "NSCALE";
    private static final int DOSSIERS = Settings.integer("nationalScaleout.dossiers", 200);
    private static final int PER_SECOND = Settings.integer("nationalScaleout.perSecond", 10);
    /** The poller is killed when the one-stop has this fraction of the dossiers. */
    private static final double KILL_AT = Settings.decimal("nationalScaleout.killAt", 0.5);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("nationalScaleout.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("nationalScaleout.stallTimeoutSeconds", 60);

    private static final String POLLER_ROUTE = "national-poll";
    private static final String DELIVERY_ROUTE = "national-delivery";
    private static final String TOOK_THE_LEASE = "took the lease national-poll";

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("national-two-gateways").gateways(2).start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void oneInstancePullsBothDeliverAndTheSurvivorTakesThePollerOverWhenItIsKilled() throws Exception {
        stack.run(() -> {
            GatewayProcess first = stack.gateways.get(0);
            GatewayProcess second = stack.gateways.get(1);
            try (CitizenFiling filing = new CitizenFiling(TAG, UNIT, DOSSIERS, PER_SECOND, stack.portal,
                    stack.directory)) {
                filing.start();
                long filingStarted = System.currentTimeMillis();
                int killWhen = Math.max(1, (int) (DOSSIERS * KILL_AT));
                await("the one-stop to have " + killWhen + " dossiers").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200))
                        .failFast(() -> stack.gateways.forEach(GatewayProcess::assertAlive))
                        .until(() -> OneStopDeliveries.atOneStop(stack.portal, UNIT).size() >= killWhen);

                long firstPolls = first.routeExchanges(POLLER_ROUTE);
                long secondPolls = second.routeExchanges(POLLER_ROUTE);
                long firstDelivered = first.routeExchanges(DELIVERY_ROUTE);
                long secondDelivered = second.routeExchanges(DELIVERY_ROUTE);
                int firstTook = occurrences(first.logText(), TOOK_THE_LEASE);
                int secondTook = occurrences(second.logText(), TOOK_THE_LEASE);
                GatewayProcess poller = firstPolls > 0 ? first : second;
                GatewayProcess survivor = poller == first ? second : first;
                long survivorPollsBefore = survivor.routeExchanges(POLLER_ROUTE);
                poller.kill();
                long killedAt = System.currentTimeMillis();
                int filedBeforeKill = filing.filedCount();
                int atOneStopAtKill = OneStopDeliveries.atOneStop(stack.portal, UNIT).size();
                long takeoverMs = survivorTakesThePollerOver(survivor, survivorPollsBefore, killedAt);
                filing.awaitFinished(Duration.ofMinutes(5));

                List<CitizenFiling.Filed> filed = filing.filed();
                OneStopDeliveries.Report report = OneStopDeliveries.awaitAll(stack.portal, UNIT, TAG, filed,
                        DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = OneStopDeliveries.lastReceivedAt(OneStopDeliveries.atOneStop(stack.portal, UNIT))
                        .orElse(killedAt);
                List<String> maHoSos = filed.stream().map(CitizenFiling.Filed::maHoSo).toList();
                Map<String, Long> notDelivered = TrackingCheck.awaitNationalDelivered(stack.database, maHoSos,
                        report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));
                long survivorDelivered = survivor.routeExchanges(DELIVERY_ROUTE);
                long leaseTakenAfterKill = tookTheLeaseAt(survivor.logText()) - killedAt;

                new ResultLine("national-two-gateways")
                        .put("sent", DOSSIERS)
                        .put("accepted", filed.size())
                        .put("delivered", report.delivered())
                        .put("lost", report.lost().size())
                        .put("duplicates", report.duplicates())
                        .put("recovery_or_pause_ms", takeoverMs)
                        .put("lease_taken_after_kill_ms", leaseTakenAfterKill)
                        .put("kill_to_drained_ms", drainedAt - killedAt)
                        .put("killed", poller.name())
                        .put("killed_after_ms", killedAt - filingStarted)
                        .put("polls_before_kill", firstPolls + "/" + secondPolls)
                        .put("took_the_lease_before_kill", firstTook + "/" + secondTook)
                        .put("delivered_before_kill", firstDelivered + "/" + secondDelivered)
                        .put("delivered_by_survivor", survivorDelivered)
                        .put("filed_before_kill", filedBeforeKill)
                        .put("at_one_stop_at_kill", atOneStopAtKill)
                        .put("duplicated_dossiers", report.duplicatedDossiers())
                        .put("told_received_too_early", report.receivedTooEarly().size())
                        .put("not_told_received", report.notToldReceived().size())
                        .put("wrong_files", report.wrongFiles().size())
                        .put("earliest_one_stop_to_received_ms", report.earliestMarginMillis())
                        .put("trail_not_delivered_once", notDelivered)
                        .print();
                OneStopDeliveries.explain(report, stack.database);

                SoftAssertions softly = new SoftAssertions();
                softly.assertThat(firstPolls > 0 ^ secondPolls > 0)
                        .as("the poller ran on exactly one instance before the kill (runs: %d, %d)", firstPolls,
                                secondPolls).isTrue();
                softly.assertThat(firstTook + secondTook)
                        .as("instances whose log says '%s' before the kill (%d, %d)", TOOK_THE_LEASE, firstTook,
                                secondTook).isEqualTo(1);
                softly.assertThat(firstDelivered).as("dossiers delivered by gateway-1 before the kill").isPositive();
                softly.assertThat(secondDelivered).as("dossiers delivered by gateway-2 before the kill").isPositive();
                softly.assertThat(takeoverMs).as("the survivor took the poller over after the kill").isPositive();
                softly.assertThat(filing.failed()).as("dossiers the portal did not take from the citizens").isEmpty();
                softly.assertThat(filed).as("dossiers filed").hasSize(DOSSIERS);
                softly.assertThat(report.lost()).as("filed dossiers the one-stop never received").isEmpty();
                softly.assertThat(report.receivedTooEarly())
                        .as("dossiers the portal was told received before the one-stop had them").isEmpty();
                softly.assertThat(report.notToldReceived())
                        .as("dossiers the one-stop has that the portal still lists as waiting").isEmpty();
                softly.assertThat(report.wrongFiles()).as("dossiers delivered without their files as filed").isEmpty();
                softly.assertThat(report.unexpected()).as("dossiers at the one-stop that no citizen filed").isEmpty();
                softly.assertThat(notDelivered).as("dossiers whose trail is not one message DELIVERED").isEmpty();
                softly.assertAll();
            }
        });
    }

    /**
     * Within the lease time (10 s) and a margin, the survivor's log says it took the lease and its poller runs;
     * milliseconds from the kill to its first run, or -1 when it did not.
     */
    private static long survivorTakesThePollerOver(GatewayProcess survivor, long pollsBefore, long killedAt) {
        try {
            await("the survivor to take the lease national-poll over").atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofMillis(250)).failFast(survivor::assertAlive)
                    .until(() -> occurrences(survivor.logText(), TOOK_THE_LEASE) > 0
                            && survivor.routeExchanges(POLLER_ROUTE) > pollsBefore);
            return System.currentTimeMillis() - killedAt;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return -1;
        }
    }

    /** When the log says the instance took the lease (its line's timestamp, epoch milliseconds); 0 if it never did. */
    private static long tookTheLeaseAt(String log) {
        return log.lines().filter(line -> line.contains(TOOK_THE_LEASE)).findFirst()
                .map(line -> java.time.OffsetDateTime.parse(line.substring(0, line.indexOf(' '))).toInstant()
                        .toEpochMilli()).orElse(0L);
    }

    private static int occurrences(String text, String phrase) {
        int count = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length())) {
            count++;
        }
        return count;
    }
}
