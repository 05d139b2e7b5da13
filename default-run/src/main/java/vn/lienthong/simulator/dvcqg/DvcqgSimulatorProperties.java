package vn.lienthong.simulator.dvcqg;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated national portal (DVCQG), under {@code lienthong.simulator.dvcqg}.
 *
 * @param enabled    serve the simulator's endpoints under {@code /sim/dvcqg}
 * @param username   account the simulated portal accepts
 * @param password   password the simulated portal accepts (never logged)
 * @param dstcode    province code expected in the {@code dstcode} header on login
 * @param storeFile  journal file (one JSON line per accepted change, replayed on start); empty = in memory only
 * @param sessionTtl how long a session stays valid after login
 * @param faults     fault settings at start (changed at runtime through {@code PUT /sim/dvcqg/faults})
 */
@ConfigurationProperties(prefix = "lienthong.simulator.dvcqg")
public record DvcqgSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("lienthong") String username,
        @DefaultValue("dev-portal-password") String password,
        @DefaultValue("H31") String dstcode,
        Path storeFile,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue Faults faults) {

    /**
     * @param down                every auth and integration call answers HTTP 503
     * @param errorRate           fraction (0..1) of integration calls answering HTTP 500
     * @param latency             delay before every auth and integration answer
     * @param rejectMaHoSoPattern regular expression; a synced dossier whose MaHoSo contains a match gets error_code 4
     * @param failMaHoSoPattern   regular expression; an integration call about a MaHoSo containing a match gets HTTP 500
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0.0") double errorRate,
            @DefaultValue("0ms") Duration latency,
            String rejectMaHoSoPattern,
            String failMaHoSoPattern) {

        public static Faults none() {
            return new Faults(false, 0.0, Duration.ZERO, null, null);
        }
    }

    /** The defaults, in memory only: what tests start from. */
    public static DvcqgSimulatorProperties defaults() {
        return new DvcqgSimulatorProperties(true, "lienthong", "dev-portal-password", "H31", null,
                Duration.ofMinutes(30), Faults.none());
    }

    public DvcqgSimulatorProperties withStoreFile(Path file) {
        return new DvcqgSimulatorProperties(enabled, username, password, dstcode, file, sessionTtl, faults);
    }

    /** The journal file, or {@code null} when the simulator keeps everything in memory. */
    public Path journalFile() {
        return storeFile == null || storeFile.toString().isBlank() ? null : storeFile;
    }

    @Override
    public String toString() {
        return "DvcqgSimulatorProperties[enabled=" + enabled + ", username=" + username + ", dstcode=" + dstcode
                + ", storeFile=" + storeFile + ", sessionTtl=" + sessionTtl + ", faults=" + faults + "]";
    }
}
