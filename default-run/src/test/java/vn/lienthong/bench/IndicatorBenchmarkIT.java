package vn.lienthong.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The indicators' API over a year of history in PostgreSQL: {@code ./mvnw -Pbench verify -Dit.test=IndicatorBenchmarkIT}
 * (also part of {@code ./mvnw -Pbench verify}); {@code -Dbench.indicatorDossiers} (1,000,000) and
 * {@code -Dbench.indicatorRepeats} (50). Wrong totals fail the build; the times are reported (docs/benchmark.md).
 */
class IndicatorBenchmarkIT {

    @Test
    void aMonthAndAYearOfAMillionDossiersAnswerOverHttp() throws Exception {
        int dossiers = Integer.parseInt(blankOr(System.getProperty("bench.indicatorDossiers"), "1000000"));
        int repeats = Integer.parseInt(blankOr(System.getProperty("bench.indicatorRepeats"), "50"));
        IndicatorBenchmark.Result result = new IndicatorBenchmark(BenchSettings.fromSystemProperties(), dossiers,
                repeats).run();
        IndicatorBenchmark.print(result);
        assertTrue(result.problems().isEmpty(), "wrong figures: " + result.problems());
    }

    private static String blankOr(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
