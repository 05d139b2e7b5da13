package vn.lienthong.simulator.motcua;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated one-stop (một cửa) systems that receive the dossiers citizens filed on the national portal, one per
 * unit code, under {@code lienthong.simulator.motcua}.
 *
 * @param enabled        serve it under {@code /sim/motcua}
 * @param storeDirectory received files and the index journal; {@code null} =
 *                       {@code ${lienthong.data-directory}/simulator/motcua}
 * @param faults         fault settings at start (changed at runtime through {@code PUT /sim/motcua/faults})
 */
@ConfigurationProperties(prefix = "lienthong.simulator.motcua")
public record MotcuaSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        Path storeDirectory,
        @DefaultValue Faults faults) {

    public MotcuaSimulatorProperties {
        faults = faults == null ? Faults.none() : faults;
    }

    /**
     * @param down                every delivery (dossiers, events) answers HTTP 503
     * @param errorRate           fraction (0..1) of deliveries answering HTTP 500
     * @param latency             delay before every delivery's answer
     * @param refuseMaHoSoPattern regular expression; a delivery whose MaHoSo contains a match is refused with
     *                            {@code refuseStatus} and a reason, every time
     * @param refuseStatus        the 4xx a refused delivery gets
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0.0") double errorRate,
            @DefaultValue("0ms") Duration latency,
            String refuseMaHoSoPattern,
            @DefaultValue("422") int refuseStatus) {

        public static Faults none() {
            return new Faults(false, 0.0, Duration.ZERO, null, 422);
        }
    }

    /** The defaults with the store in {@code directory}: what tests start from. */
    public static MotcuaSimulatorProperties defaults(Path directory) {
        return new MotcuaSimulatorProperties(true, directory, Faults.none());
    }
}
