package vn.lienthong.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The faults a simulator currently injects into its protocol calls (never into its admin calls), replaced as a whole
 * at runtime: {@code down} answers 503, an {@code errorRate} fraction answers 500, {@code latency} delays every answer.
 * Shared by the simulators; the DVCQG simulator adds its own patterns (DvcqgFaults).
 */
public final class SimulatorFaults {

    private final AtomicReference<Settings> current;

    public SimulatorFaults(Settings initial) {
        this.current = new AtomicReference<>(initial);
    }

    /** One consistent snapshot: a request reads it once so a concurrent change cannot mix two settings. */
    public Settings current() {
        return current.get();
    }

    public void replace(Settings settings) {
        current.set(settings);
    }

    public record Settings(boolean down, double errorRate, Duration latency) {

        public static final Settings NONE = new Settings(false, 0.0, Duration.ZERO);

        public Settings {
            if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
                throw new IllegalArgumentException("errorRate must be between 0 and 1, was " + errorRate);
            }
            latency = latency == null ? Duration.ZERO : latency;
            if (latency.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative, was " + latency);
            }
        }

        /**
         * Reads {@code {"down", "errorRate", "latencyMs"}}; a missing or null field takes its no-fault default.
         *
         * @throws IllegalArgumentException listing every invalid field
         */
        public static Settings fromJson(JsonNode json) {
            if (json == null || json.isMissingNode() || json.isNull()) {
                return NONE;
            }
            if (!json.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object {\"down\", \"errorRate\", \"latencyMs\"}");
            }
            List<String> problems = new ArrayList<>();
            Settings settings = read(json, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return settings;
        }

        /**
         * Reads the three common fields of a JSON object, adding a line to {@code problems} for each invalid one (a
         * simulator with fields of its own reads those next to these and reports all problems together).
         */
        public static Settings read(JsonNode json, List<String> problems) {
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
            return new Settings(down, errorRate, Duration.ofMillis(latencyMs));
        }

        public ObjectNode toJson() {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.put("down", down);
            json.put("errorRate", errorRate);
            json.put("latencyMs", latency.toMillis());
            return json;
        }

        /** Whether this call is one of the {@code errorRate} fraction that fails. */
        public boolean failsNow() {
            return errorRate > 0.0 && ThreadLocalRandom.current().nextDouble() < errorRate;
        }

        /** Sleeps for the configured latency (a real delay: this simulates a slow system). */
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
