package vn.lienthong.simulator.motcua;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.SimulatorFaults;

/** The faults the simulated one-stop systems currently inject into deliveries; replaced as a whole at runtime. */
public class MotcuaFaults {

    private final AtomicReference<Settings> current;

    public MotcuaFaults(Settings initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Settings current() {
        return current.get();
    }

    public void replace(Settings settings) {
        current.set(settings);
    }

    /**
     * The shared faults (down: 503, errorRate: 500, latency) plus the one-stop's refusal.
     *
     * @param refuseMaHoSoPattern deliveries about a MaHoSo containing a match are refused; null = none
     * @param refuseStatus        the 4xx they get
     */
    public record Settings(SimulatorFaults.Settings common, Pattern refuseMaHoSoPattern, int refuseStatus) {

        public static final Settings NONE = new Settings(SimulatorFaults.Settings.NONE, null, 422);

        public Settings {
            common = common == null ? SimulatorFaults.Settings.NONE : common;
            if (refuseStatus < 400 || refuseStatus > 499) {
                throw new IllegalArgumentException("refuseStatus must be a 4xx, was " + refuseStatus);
            }
        }

        public static Settings of(MotcuaSimulatorProperties.Faults faults) {
            String pattern = faults.refuseMaHoSoPattern();
            return new Settings(new SimulatorFaults.Settings(faults.down(), faults.errorRate(), faults.latency()),
                    pattern == null || pattern.isEmpty() ? null : Pattern.compile(pattern), faults.refuseStatus());
        }

        /**
         * Reads {@code {"down", "errorRate", "latencyMs", "refuseMaHoSoPattern", "refuseStatus"}}; a missing or null
         * field takes its no-fault default.
         *
         * @throws IllegalArgumentException listing every invalid field
         */
        public static Settings fromJson(JsonNode json) {
            if (json == null || json.isMissingNode() || json.isNull()) {
                return NONE;
            }
            if (!json.isObject()) {
                throw new IllegalArgumentException("body must be a JSON object");
            }
            List<String> problems = new ArrayList<>();
            SimulatorFaults.Settings common = SimulatorFaults.Settings.read(json, problems);
            Pattern refuse = null;
            JsonNode node = json.get("refuseMaHoSoPattern");
            if (node != null && !node.isNull()) {
                if (!node.isTextual()) {
                    problems.add("refuseMaHoSoPattern must be a string (a regular expression) or null");
                } else if (!node.textValue().isEmpty()) {
                    try {
                        refuse = Pattern.compile(node.textValue());
                    } catch (PatternSyntaxException e) {
                        problems.add("refuseMaHoSoPattern is not a valid regular expression: " + e.getDescription());
                    }
                }
            }
            int status = 422;
            node = json.get("refuseStatus");
            if (node != null && !node.isNull()) {
                if (node.canConvertToInt() && node.isIntegralNumber() && node.intValue() >= 400 && node.intValue() <= 499) {
                    status = node.intValue();
                } else {
                    problems.add("refuseStatus must be a 4xx status code");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            return new Settings(common, refuse, status);
        }

        public ObjectNode toJson() {
            ObjectNode json = common.toJson();
            json.put("refuseMaHoSoPattern", refuseMaHoSoPattern == null ? null : refuseMaHoSoPattern.pattern());
            json.put("refuseStatus", refuseStatus);
            return json;
        }

        public boolean refuses(String maHoSo) {
            return refuseMaHoSoPattern != null && maHoSo != null && refuseMaHoSoPattern.matcher(maHoSo).find();
        }
    }
}
