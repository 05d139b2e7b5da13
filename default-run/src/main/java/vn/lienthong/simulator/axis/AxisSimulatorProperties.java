package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.SimulatorFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated national document axis (VDXP), under {@code lienthong.simulator.axis}.
 *
 * @param enabled        serve the JSON transport under {@code /sim/axis} and the SOAP one at {@code /services/sim/axis}
 * @param storeDirectory edXML files and the index journal; {@code null} = {@code ${lienthong.data-directory}/simulator/axis}
 * @param systems        the systems allowed to call the axis, each with its credentials and the organs it speaks for
 * @param agencies       the agencies the axis knows (its directory, {@code getAgenciesList})
 * @param sessionTtl     how long a SOAP session token (GetSessionToken) stays valid
 * @param faults         fault settings at start (changed at runtime through {@code PUT /sim/axis/faults})
 */
@ConfigurationProperties(prefix = "lienthong.simulator.axis")
public record AxisSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        Path storeDirectory,
        List<ConnectedSystem> systems,
        List<Agency> agencies,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue Faults faults) {

    /** The gateway's own account: it speaks for Hưng Yên and for the closed Thái Bình code merged into it. */
    public static final List<ConnectedSystem> DEFAULT_SYSTEMS = List.of(
            new ConnectedSystem("lienthong", "dev-axis-secret", List.of("000.00.00.H31", "000.00.00.H54")));

    /**
     * Provincial People's Committees are {@code 000.00.00.Hxx} (domain.md); H41 and H56 are from public sources, H31
     * and H54 are inferred, G01 (Văn phòng Chính phủ) and G22 (Bộ Nội vụ, as in the edXML library's sample files) are
     * inferred too. Thái Bình merged into Hưng Yên on 2025-07-01: its code is closed.
     */
    public static final List<Agency> DEFAULT_AGENCIES = List.of(
            new Agency("000.00.00.H31", "UBND tỉnh Hưng Yên", true),
            new Agency("000.00.00.H54", "UBND tỉnh Thái Bình (đã hợp nhất vào tỉnh Hưng Yên từ 01/07/2025)", false),
            new Agency("000.00.00.H41", "UBND tỉnh Nghệ An", true),
            new Agency("000.00.00.H56", "UBND tỉnh Thanh Hóa", true),
            new Agency("000.00.00.G01", "Văn phòng Chính phủ", true),
            new Agency("000.00.00.G22", "Bộ Nội vụ", true));

    public AxisSimulatorProperties {
        systems = systems == null || systems.isEmpty() ? DEFAULT_SYSTEMS : List.copyOf(systems);
        agencies = agencies == null || agencies.isEmpty() ? DEFAULT_AGENCIES : List.copyOf(agencies);
        sessionTtl = sessionTtl == null ? Duration.ofMinutes(30) : sessionTtl;
        faults = faults == null ? Faults.none() : faults;
        unique(systems.stream().map(ConnectedSystem::systemId).toList(), "systems[].system-id");
        unique(agencies.stream().map(Agency::organId).toList(), "agencies[].organ-id");
    }

    /**
     * A system that calls the axis.
     *
     * @param systemId the {@code systemid} header (SOAP: SystemId)
     * @param secret   the {@code secret} header (SOAP: Secret); never logged
     * @param organIds the organs it sends for and receives for
     */
    public record ConnectedSystem(String systemId, String secret, List<String> organIds) {

        public ConnectedSystem {
            if (systemId == null || systemId.isBlank() || secret == null || secret.isBlank()) {
                throw new IllegalArgumentException(
                        "lienthong.simulator.axis.systems[]: system-id and secret must not be empty");
            }
            if (organIds == null || organIds.isEmpty()) {
                throw new IllegalArgumentException(
                        "lienthong.simulator.axis.systems[" + systemId + "].organ-ids must name at least one organ");
            }
            organIds = List.copyOf(organIds);
        }

        @Override
        public String toString() {
            return "ConnectedSystem[systemId=" + systemId + ", organIds=" + organIds + "]";
        }
    }

    /**
     * An agency in the axis's directory.
     *
     * @param active false = closed: documents addressed to it are refused (statuses answering its old documents are
     *               still delivered to its mailbox)
     */
    public record Agency(String organId, String organName, Boolean active) {

        public Agency {
            if (organId == null || organId.isBlank()) {
                throw new IllegalArgumentException("lienthong.simulator.axis.agencies[].organ-id must not be empty");
            }
            organName = organName == null ? organId : organName;
            active = active == null ? Boolean.TRUE : active;
        }

        public boolean isActive() {
            return active;
        }
    }

    /**
     * @param down      every protocol call (JSON and SOAP) answers HTTP 503
     * @param errorRate fraction (0..1) of protocol calls answering HTTP 500
     * @param latency   delay before every protocol answer
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0.0") double errorRate,
            @DefaultValue("0ms") Duration latency) {

        public static Faults none() {
            return new Faults(false, 0.0, Duration.ZERO);
        }

        public SimulatorFaults.Settings settings() {
            return new SimulatorFaults.Settings(down, errorRate, latency);
        }
    }

    /** The defaults with the store in {@code directory}: what tests start from. */
    public static AxisSimulatorProperties defaults(Path directory) {
        return new AxisSimulatorProperties(true, directory, null, null, null, null);
    }

    public AxisSimulatorProperties withSystems(List<ConnectedSystem> newSystems) {
        return new AxisSimulatorProperties(enabled, storeDirectory, newSystems, agencies, sessionTtl, faults);
    }

    private static void unique(List<String> values, String property) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("lienthong.simulator.axis." + property + " '" + value
                        + "' appears twice");
            }
        }
    }
}
