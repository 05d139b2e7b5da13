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
 * Scenario 8, the national portal's dossiers through a gateway crash: citizens file dossiers online (each with one or
 * two files) at the portal in a steady stream while the gateway pulls them and delivers them to the one-stop system;
 * the gateway is killed with -9 in the middle and started again. Every filed dossier reaches its one-stop system with
 * its files, the portal is told "received" for each, never before the one-stop had it, and the dossier's trail says
 * DELIVERED once; the dossiers the crash made the one-stop receive twice are counted.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class NationalCrashIT {

    /** Units ending in .H31 go to the provincial one-stop system (mappings/national/routing.yaml). */
    static final String UNIT = "000.00.31.H31";
    private static final String TAG = "NCRASH";
    private static final int DOSSIERS = Settings.integer("nationalCrash.dossiers", 200);
    private static final int PER_SECOND = Settings.integer("nationalCrash.perSecond", 10);
    /** The kill comes when the one-stop has this fraction of the dossiers. */
    private static final double KILL_AT = Settings.decimal("nationalCrash.killAt", 0.3);
    private static final Duration DRAIN_TIMEOUT = Settings.seconds("nationalCrash.drainTimeoutSeconds", 240);
    private static final Duration STALL_TIMEOUT = Settings.seconds("nationalCrash.stallTimeoutSeconds", 60);

    private static Stack stack;

    @BeforeAll
    static void startStack() {
        stack = Stack.builder("national-crash").start();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyFiledDossierReachesItsOneStopAndThePortalHearsReceivedOnlyAfterAKill9() throws Exception {
        stack.run(() -> {
            GatewayProcess gateway = stack.gateway();
            try (CitizenFiling filing = new CitizenFiling(TAG, UNIT, DOSSIERS, PER_SECOND, stack.portal,
                    stack.directory)) {
                filing.start();
                long filingStarted = System.currentTimeMillis();
                int killWhen = Math.max(1, (int) (DOSSIERS * KILL_AT));
                await("the one-stop to have " + killWhen + " dossiers").atMost(Duration.ofMinutes(3))
                        .pollInterval(Duration.ofMillis(200)).failFast(gateway::assertAlive)
                        .until(() -> OneStopDeliveries.atOneStop(stack.portal, UNIT).size() >= killWhen);

                gateway.kill();
                long killedAt = System.currentTimeMillis();
                int filedBeforeKill = filing.filedCount();
                int atOneStopAtKill = OneStopDeliveries.atOneStop(stack.portal, UNIT).size();
                gateway.start();
                long restartedAt = System.currentTimeMillis();
                gateway.awaitReady(Stack.START_TIMEOUT);
                long readyAt = System.currentTimeMillis();
                filing.awaitFinished(Duration.ofMinutes(5));
                long filingEnded = System.currentTimeMillis();

                List<CitizenFiling.Filed> filed = filing.filed();
                OneStopDeliveries.Report report = OneStopDeliveries.awaitAll(stack.portal, UNIT, TAG, filed,
                        DRAIN_TIMEOUT, STALL_TIMEOUT);
                long drainedAt = OneStopDeliveries.lastReceivedAt(OneStopDeliveries.atOneStop(stack.portal, UNIT))
                        .orElse(killedAt);
                List<String> maHoSos = filed.stream().map(CitizenFiling.Filed::maHoSo).toList();
                Map<String, Long> notDelivered = TrackingCheck.awaitNationalDelivered(stack.database, maHoSos,
                        report.complete() ? Duration.ofSeconds(60) : Duration.ofSeconds(3));

                new ResultLine("national-crash")
                        .put("sent", DOSSIERS)
                        .put("accepted", filed.size())
                        .put("delivered", report.delivered())
                        .put("lost", report.lost().size())
                        .put("duplicates", report.duplicates())
                        .put("recovery_or_pause_ms", drainedAt - restartedAt)
                        .put("restart_to_ready_ms", readyAt - restartedAt)
                        .put("killed_after_ms", killedAt - filingStarted)
                        .put("filed_before_kill", filedBeforeKill)
                        .put("at_one_stop_at_kill", atOneStopAtKill)
                        .put("filing_ended_after_ready_ms", filingEnded - readyAt)
                        .put("duplicated_dossiers", report.duplicatedDossiers())
                        .put("told_received_too_early", report.receivedTooEarly().size())
                        .put("not_told_received", report.notToldReceived().size())
                        .put("wrong_files", report.wrongFiles().size())
                        .put("earliest_one_stop_to_received_ms", report.earliestMarginMillis())
                        .put("trail_not_delivered_once", notDelivered)
                        .print();
                OneStopDeliveries.explain(report, stack.database);

                SoftAssertions softly = new SoftAssertions();
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
}
