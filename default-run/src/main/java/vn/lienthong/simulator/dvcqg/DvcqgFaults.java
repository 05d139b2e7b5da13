package vn.lienthong.simulator.dvcqg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorFaults;

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
     * The shared faults (down: HTTP 503, errorRate: HTTP 500, latency) plus the portal's own patterns.
     *
     * @param common              down, errorRate and latency, as every simulator has them
     * @param rejectMaHoSoPattern dossiers whose MaHoSo contains a match are rejected with error_code 4; null = none
     * @param failMaHoSoPattern   integration calls about a MaHoSo containing a match answer HTTP 500, every time (a
     *                            poison message for the sender); null = none
     * @param failFilePattern     {@code getfile} of a file whose name contains a match answers HTTP 500, every time;
     *                            null = none
     */
    public record Settings(SimulatorFaults.Settings common, Pattern rejectMaHoSoPattern, Pattern failMaHoSoPattern,
                           Pattern failFilePattern) {

        public static final Settings NONE = new Settings(SimulatorFaults.Settings.NONE, null, null, null);

        public Settings {
            common = common == null ? SimulatorFaults.Settings.NONE : common;
        }

        public static Settings of(DvcqgSimulatorProperties.Faults faults) {
            if (faults == null) {
                return NONE;
            }
            return new Settings(new SimulatorFaults.Settings(faults.down(), faults.errorRate(), faults.latency()),
                    compile(faults.rejectMaHoSoPattern()), compile(faults.failMaHoSoPattern()),
                    compile(faults.failFilePattern()));
        }

        private static Pattern compile(String pattern) {
            return pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern);
        }

        /**
         * Reads {@code {"down", "errorRate", "latencyMs", "rejectMaHoSoPattern", "failMaHoSoPattern",
         * "failFilePattern"}}; a missing or null field takes its no-fault default.
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
            SimulatorFaults.Settings common = SimulatorFaults.Settings.read(json, problems);
            Pattern reject = pattern(json, "rejectMaHoSoPattern", problems);
            Pattern fail = pattern(json, "failMaHoSoPattern", problems);
            Pattern failFile = pattern(json, "failFilePattern", problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new Settings(common, reject, fail, failFile);
        }

        private static Pattern pattern(JsonNode json, String field, List<String> problems) {
            JsonNode node = json.get(field);
            if (node == null || node.isNull()) {
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
            ObjectNode json = common.toJson();
            json.put("rejectMaHoSoPattern", rejectMaHoSoPattern == null ? null : rejectMaHoSoPattern.pattern());
            json.put("failMaHoSoPattern", failMaHoSoPattern == null ? null : failMaHoSoPattern.pattern());
            json.put("failFilePattern", failFilePattern == null ? null : failFilePattern.pattern());
            return json;
        }

        public boolean down() {
            return common.down();
        }

        public double errorRate() {
            return common.errorRate();
        }

        public Duration latency() {
            return common.latency();
        }

        /** Whether this call is one of the {@code errorRate} fraction that fails. */
        public boolean failsNow() {
            return common.failsNow();
        }

        public boolean rejects(String maHoSo) {
            return rejectMaHoSoPattern != null && rejectMaHoSoPattern.matcher(maHoSo).find();
        }

        /** Whether a call about this MaHoSo fails with HTTP 500 ({@code failMaHoSoPattern}). */
        public boolean fails(String maHoSo) {
            return failMaHoSoPattern != null && maHoSo != null && failMaHoSoPattern.matcher(maHoSo).find();
        }

        /** Whether {@code getfile} of a file with this name fails with HTTP 500 ({@code failFilePattern}). */
        public boolean failsFile(String name) {
            return failFilePattern != null && name != null && failFilePattern.matcher(name).find();
        }

        /** Sleeps for the configured latency (a real delay: this simulates a slow portal). */
        public void delay() {
            common.delay();
        }
    }
}
