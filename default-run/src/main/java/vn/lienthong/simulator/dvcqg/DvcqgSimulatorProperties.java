package vn.lienthong.simulator.dvcqg;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

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
 * @param citizen    the citizens' side: dossiers filed on the portal for the province, and the services the province
 *                   pulls them with (or the push to the province's gateway)
 */
@ConfigurationProperties(prefix = "lienthong.simulator.dvcqg")
public record DvcqgSimulatorProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("lienthong") String username,
        @DefaultValue("dev-portal-password") String password,
        @DefaultValue("H31") String dstcode,
        Path storeFile,
        @DefaultValue("30m") Duration sessionTtl,
        @DefaultValue Faults faults,
        @DefaultValue Citizen citizen) {

    public DvcqgSimulatorProperties {
        citizen = citizen == null ? Citizen.defaults() : citizen;
    }

    /**
     * @param down                every auth and integration call answers HTTP 503
     * @param errorRate           fraction (0..1) of integration calls answering HTTP 500
     * @param latency             delay before every auth and integration answer
     * @param rejectMaHoSoPattern regular expression; a synced dossier whose MaHoSo contains a match gets error_code 4
     * @param failMaHoSoPattern   regular expression; an integration call about a MaHoSo containing a match gets HTTP 500
     * @param failFilePattern     regular expression; {@code GET /getfile/{id}} of a file whose name (TenTepDinhKem)
     *                            contains a match gets HTTP 500, every time
     */
    public record Faults(
            @DefaultValue("false") boolean down,
            @DefaultValue("0.0") double errorRate,
            @DefaultValue("0ms") Duration latency,
            String rejectMaHoSoPattern,
            String failMaHoSoPattern,
            String failFilePattern) {

        public static Faults none() {
            return new Faults(false, 0.0, Duration.ZERO, null, null, null);
        }
    }

    /**
     * The citizens' side of the portal (Decree 118/2025: the portal is the single online entry), under
     * {@code lienthong.simulator.dvcqg.citizen}.
     *
     * @param storeDirectory files filed by citizens and the index journal; {@code null} =
     *                       {@code ${lienthong.data-directory}/simulator/dvcqg-citizen}
     * @param maxFileSize    largest file a citizen may attach (larger: 413)
     * @param fileBaseUrl    what {@code DuongDanTaiTepTin} starts with (the file id follows); {@code null} = this
     *                       simulator's own {@code /sim/dvcqg/getfile/}, as the caller reached it
     * @param defaultMaTthc  the procedure the portal fills in when a citizen's dossier names none
     * @param defaultTenTthc its name
     * @param defaultChuHoSo the applicant the portal fills in (from the VNeID account) when none is given
     * @param push           the portal posting each new entry to the province's gateway
     */
    public record Citizen(
            Path storeDirectory,
            @DefaultValue("50MB") DataSize maxFileSize,
            String fileBaseUrl,
            @DefaultValue("1.001229.000.00.00.H31") String defaultMaTthc,
            @DefaultValue("Cấp phiếu lý lịch tư pháp") String defaultTenTthc,
            @DefaultValue("Nguyễn Văn An") String defaultChuHoSo,
            @DefaultValue Push push) {

        public Citizen {
            maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
            push = push == null ? Push.off() : push;
        }

        public static Citizen defaults() {
            return new Citizen(null, DataSize.ofMegabytes(50), null, "1.001229.000.00.00.H31",
                    "Cấp phiếu lý lịch tư pháp", "Nguyễn Văn An", Push.off());
        }

        public Citizen withStoreDirectory(Path directory) {
            return new Citizen(directory, maxFileSize, fileBaseUrl, defaultMaTthc, defaultTenTthc, defaultChuHoSo, push);
        }

        public Citizen withPush(Push push) {
            return new Citizen(storeDirectory, maxFileSize, fileBaseUrl, defaultMaTthc, defaultTenTthc, defaultChuHoSo,
                    push);
        }
    }

    /**
     * Push mode: every new entry (dossier, supplement, withdrawal) is posted, in order, to the province's gateway; a
     * failed post is logged and tried again every {@code retryInterval}, never dropped.
     *
     * @param enabled       post entries (off: the province pulls with LayDanhSachHoSo)
     * @param url           the gateway's intake, e.g. {@code http://127.0.0.1:8080/api/v1/national/dossiers}
     * @param apiKey        sent as {@code X-API-Key} (never logged)
     * @param retryInterval how long after a failed post the next try is
     * @param timeout       one post
     */
    public record Push(
            @DefaultValue("false") boolean enabled,
            URI url,
            String apiKey,
            @DefaultValue("5s") Duration retryInterval,
            @DefaultValue("30s") Duration timeout) {

        public Push {
            retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
            timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        }

        public static Push off() {
            return new Push(false, null, null, Duration.ofSeconds(5), Duration.ofSeconds(30));
        }

        @Override
        public String toString() {
            return "Push[enabled=" + enabled + ", url=" + url + ", retryInterval=" + retryInterval + "]";
        }
    }

    /** The defaults, in memory only: what tests start from. */
    public static DvcqgSimulatorProperties defaults() {
        return new DvcqgSimulatorProperties(true, "lienthong", "dev-portal-password", "H31", null,
                Duration.ofMinutes(30), Faults.none(), Citizen.defaults());
    }

    public DvcqgSimulatorProperties withStoreFile(Path file) {
        return new DvcqgSimulatorProperties(enabled, username, password, dstcode, file, sessionTtl, faults, citizen);
    }

    public DvcqgSimulatorProperties withCitizen(Citizen citizen) {
        return new DvcqgSimulatorProperties(enabled, username, password, dstcode, storeFile, sessionTtl, faults, citizen);
    }

    /** The journal file, or {@code null} when the simulator keeps everything in memory. */
    public Path journalFile() {
        return storeFile == null || storeFile.toString().isBlank() ? null : storeFile;
    }

    @Override
    public String toString() {
        return "DvcqgSimulatorProperties[enabled=" + enabled + ", username=" + username + ", dstcode=" + dstcode
                + ", storeFile=" + storeFile + ", sessionTtl=" + sessionTtl + ", faults=" + faults + ", citizen=" + citizen
                + "]";
    }
}
