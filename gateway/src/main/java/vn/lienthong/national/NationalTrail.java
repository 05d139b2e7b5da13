package vn.lienthong.national;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.tracking.TrackedFiles;
import vn.lienthong.tracking.TrackingDetails;

/**
 * What the trail of a message from the national portal holds beyond its states: the files fetched from the portal
 * for it ({@link TrackedFiles}: name, size, SHA-256), shown as the {@code files} section of its tracking record.
 */
@Component
public class NationalTrail implements TrackingDetails {

    private final JdbcTemplate jdbc;
    private final TrackedFiles files;

    public NationalTrail(JdbcTemplate jdbc, TrackedFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** The files of one attempt (a retry records them again). */
    public void files(String trackingId, List<TrackedFiles.File> fetched) {
        files.record(trackingId, fetched);
    }

    @Override
    public String section() {
        return "files";
    }

    @Override
    public Optional<?> describe(String trackingId) {
        String kind = jdbc.query("select kind from tracked_message where tracking_id = ?", (rs, n) -> rs.getString(1),
                trackingId).stream().findFirst().orElse(null);
        return kind == null || !kind.startsWith("NATIONAL_") ? Optional.empty() : Optional.of(files.view(trackingId));
    }
}
