package vn.lienthong.simulator.eoffice;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.lienthong.simulator.SimulatorFaults;

/**
 * The simulated provincial e-office's webhook receiver, under {@code lienthong.simulator.eoffice}.
 *
 * @param enabled        serve it under {@code /sim/eoffice}
 * @param storeDirectory received files and the index journal; {@code null} =
 *                       {@code ${lienthong.data-directory}/simulator/eoffice}
 * @param faults         fault settings at start (changed at runtime through {@code PUT /sim/eoffice/faults})
 */
@ConfigurationProperties(prefix = "lienthong.simulator.eoffice")
public record EofficeSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        Path storeDirectory,
        @DefaultValue Faults faults) {

    public EofficeSimulatorProperties {
        faults = faults == null ? new Faults(false, 0.0, Duration.ZERO) : faults;
    }

    /**
     * @param down      every delivery (documents, statuses) answers HTTP 503
     * @param errorRate fraction (0..1) of deliveries answering HTTP 500
     * @param latency   delay before every delivery's answer
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0.0") double errorRate,
            @DefaultValue("0ms") Duration latency) {

        public SimulatorFaults.Settings settings() {
            return new SimulatorFaults.Settings(down, errorRate, latency);
        }
    }

    /** The defaults with the store in {@code directory}: what tests start from. */
    public static EofficeSimulatorProperties defaults(Path directory) {
        return new EofficeSimulatorProperties(true, directory, null);
    }
}
