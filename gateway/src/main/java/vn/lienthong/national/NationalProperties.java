package vn.lienthong.national;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * The national portal's dossiers coming down to the province, under {@code lienthong.national}.
 *
 * @param mode         {@code pull}: one instance at a time asks the portal every {@code pollInterval} for what waits
 *                     for the province (LayDanhSachHoSo); {@code push}: the portal (or the LGSP) posts to
 *                     {@code POST /api/v1/national/dossiers}, which also works in pull mode
 * @param consumers    concurrent consumers of the queue to the one-stop systems (a dossier's messages stay in order)
 * @param pollInterval milliseconds between two listings (pull)
 * @param listLimit    entries asked for in one listing
 * @param intakeThreads dossiers of one listing taken at once (each dossier's entries one after the other)
 * @param maxFileSize  a file of a dossier larger than this is not fetched: the dossier is parked with the reason
 * @param fileTimeout  how long fetching one file from the portal may take
 * @param routingTable the routing table, relative to {@code lienthong.mappings.directory}
 * @param destinations the one-stop systems by name (the routing table's destinations)
 * @param statusProcedures procedures (MaTTHC or its start) whose status, once the one-stop syncs a dossier of the
 *                     portal's up, also goes to the portal's status service (DongBoTrangThaiHoSo, with MaHoSoDonVi)
 */
@ConfigurationProperties(prefix = "lienthong.national")
public record NationalProperties(
        @DefaultValue("pull") Mode mode,
        @DefaultValue("4") int consumers,
        @DefaultValue("5000") @DurationUnit(ChronoUnit.MILLIS) Duration pollInterval,
        @DefaultValue("100") int listLimit,
        @DefaultValue("8") int intakeThreads,
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("60s") Duration fileTimeout,
        @DefaultValue("national/routing.yaml") String routingTable,
        Map<String, OneStop> destinations,
        java.util.List<String> statusProcedures) {

    public NationalProperties {
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
        statusProcedures = statusProcedures == null ? java.util.List.of() : java.util.List.copyOf(statusProcedures);
    }

    public enum Mode { PULL, PUSH }

    /**
     * One one-stop system (hệ thống một cửa) dossiers are delivered to.
     *
     * @param url      where dossiers are posted ({@code <url>/dossiers}) and a dossier's later events
     *                 ({@code <url>/dossiers/{MaHoSo}/events}); {@code {unit}} in it stands for the dossier's
     *                 receiving unit after the code tables
     * @param apiKey   sent as {@code X-API-Key} when set
     * @param format   what the {@code dossier} part holds: {@code dvcqg} (the portal's field set as it is),
     *                 {@code canonical} (the gateway's contract, mappings/dvcqg/dossier-to-canonical.jsonata), or the
     *                 name of a mapping {@code mappings/motcua/<format>.jsonata}
     * @param clientId the one-stop's own client (lienthong.clients.systems): it owns the dossiers it is given (it may
     *                 sync them up and read their trail); none when empty
     */
    public record OneStop(String url, String apiKey, @DefaultValue("dvcqg") String format, String clientId) {
    }
}
