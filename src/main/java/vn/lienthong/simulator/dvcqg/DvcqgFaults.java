package vn.lienthong.simulator.dvcqg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The faults the simulated portal currently injects; replaced as a whole at runtime. */
public class DvcqgFaults {

    private final AtomicReference<Settings> current;

    public DvcqgFaults(Settings initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** One consistent snapshot: a request reads it once so a concurrent change cannot mix two settings. */
    public Settings current() {
        return current.get();
    }

    public void replace(Settings settings) {
        current.set(settings);
    }

    /**
     * @param down                auth and integration calls answer HTTP 503
     * @param errorRate           fraction of integration calls answering HTTP 500
     * @param latency             delay before every auth and integration answer
     * @param rejectMaHoSoPattern dossiers whose MaHoSo contains a match are rejected with error_code 4; null = none
     * @param failMaHoSoPattern   integration calls about a MaHoSo containing a match answer HTTP 500, every time (a
     *                            poison message for the sender); null = none
     */
    public record Settings(boolean down, double errorRate, Duration latency, Pattern rejectMaHoSoPattern,
                           Pattern failMaHoSoPattern) {

        public static final Settings NONE = new Settings(false, 0.0, Duration.ZERO, null, null);

        public Settings {
            if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
                throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
            }
            latency = latency == null ? Duration.ZERO : latency;
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
        }

        public static Settings of(DvcqgSimulatorProperties.Faults faults) {
            if (faults == null) {
                return NONE;
            }
            return new Settings(faults.down(), faults.errorRate(), faults.latency(),
                    compile(faults.rejectMaHoSoPattern()), compile(faults.failMaHoSoPattern()));
        }

        private static Pattern compile(String pattern) {
            return pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern);
        }

        /**
         * Reads {@code {"down", "errorRate", "latencyMs", "rejectMaHoSoPattern", "failMaHoSoPattern"}}; a missing or
         * null field takes its no-fault default.
         *
         * @throws IllegalArgumentException listing every invalid field
         */
        public static Settings fromJson(JsonNode json) {
            if (json.isMissingNode() || json.isNull()) {
                return NONE;
            }
            if (!json.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            List<String> problems = new ArrayList<>();
            boolean down = false;
            JsonNode node = json.get("down");
            if (present(node)) {
                if (node.isBoolean()) {
                    down = node.booleanValue();
                } else {
                    problems.add("down must be true or false");
                }
            }
            double errorRate = 0.0;
            node = json.get("errorRate");
            if (present(node)) {
                if (node.isNumber() && node.doubleValue() >= 0.0 && node.doubleValue() <= 1.0) {
                    errorRate = node.doubleValue();
                } else {
                    problems.add("errorRate must be a number between 0 and 1");
                }
            }
            long latencyMs = 0;
            node = json.get("latencyMs");
            if (present(node)) {
                if (node.canConvertToExactIntegral() && node.canConvertToLong() && node.longValue() >= 0) {
                    latencyMs = node.longValue();
                } else {
                    problems.add("latencyMs must be a whole number of milliseconds >= 0");
                }
            }
            Pattern reject = pattern(json, "rejectMaHoSoPattern", problems);
            Pattern fail = pattern(json, "failMaHoSoPattern", problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new Settings(down, errorRate, Duration.ofMillis(latencyMs), reject, fail);
        }

        private static Pattern pattern(JsonNode json, String field, List<String> problems) {
            JsonNode node = json.get(field);
            if (!present(node)) {
                return null;
            }
            if (!node.isTextual()) {
                problems.add(field + " must be a string (a regular expression) or null");
            } else if (!node.textValue().isEmpty()) {
                try {
                    return Pattern.compile(node.textValue());
                } catch (PatternSyntaxException e) {
                    problems.add(field + " is not a valid regular expression: " + e.getDescription());
                }
            }
            return null;
        }

        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("down", down);
            json.put("errorRate", errorRate);
            json.put("latencyMs", latency.toMillis());
            json.put("rejectMaHoSoPattern", rejectMaHoSoPattern == null ? null : rejectMaHoSoPattern.pattern());
            json.put("failMaHoSoPattern", failMaHoSoPattern == null ? null : failMaHoSoPattern.pattern());
            return json;
        }

        /** Whether this call is one of the {@code errorRate} fraction that fails. */
        public boolean failsNow() {
            return errorRate > 0.0 && ThreadLocalRandom.current().nextDouble() < errorRate;
        }

        public boolean rejects(String maHoSo) {
            return rejectMaHoSoPattern != null && rejectMaHoSoPattern.matcher(maHoSo).find();
        }

        /** Whether a call about this MaHoSo fails with HTTP 500 ({@code failMaHoSoPattern}). */
        public boolean fails(String maHoSo) {
            return failMaHoSoPattern != null && maHoSo != null && failMaHoSoPattern.matcher(maHoSo).find();
        }

        /** Sleeps for the configured latency (a real delay: this simulates a slow portal). */
        public void delay() {
            long millis = latency.toMillis();
            if (millis <= 0) {
                return;
            }
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static boolean present(JsonNode node) {
            return node != null && !node.isNull();
        }
    }
}
