package vn.lienthong.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmark as a build step: {@code ./mvnw -Pbench verify} (failsafe runs it only in the bench profile). Missed
 * performance targets are reported, not failed; a lost or reordered message fails the build.
 */
class GatewayBenchmarkIT {

    @Test
    void everyAcceptedMessageArrivesInOrderAndTheFiguresArePrinted() throws Exception {
        BenchReport report = new GatewayBenchmark(BenchSettings.fromSystemProperties()).run();
        assertTrue(report.correct(), "messages were lost or reordered: see the table above");
    }
}
