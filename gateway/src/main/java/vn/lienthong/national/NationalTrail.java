package vn.lienthong.national;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.lienthong.tracking.TrackingDetails;

/**
 * What the trail of a message from the national portal holds beyond its states: the files fetched from the portal
 * for it (name, size, SHA-256, in the table every flow's files are recorded in, {@code tracked_attachment}), shown as
 * the {@code files} section of its tracking record.
 */
@Component
public class NationalTrail implements TrackingDetails {

    private final JdbcTemplate jdbc;

    public NationalTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One file as it was fetched. */
    public record File(String name, String contentType, long size, String sha256) {
    }

    /** The files of one attempt (a retry records them again). */
    public void files(String trackingId, List<File> files) {
        jdbc.update("delete from tracked_attachment where tracking_id = ?", trackingId);
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            jdbc.update("""
                    insert into tracked_attachment (tracking_id, position, name, content_type, size, sha256)
                    values (?, ?, ?, ?, ?, ?)""", trackingId, i, file.name() == null ? "" : truncate(file.name()),
                    file.contentType(), file.size(), file.sha256());
        }
    }

    @Override
    public String section() {
        return "files";
    }

    @Override
    public Optional<?> describe(String trackingId) {
        String kind = jdbc.query("select kind from tracked_message where tracking_id = ?", (rs, n) -> rs.getString(1),
                trackingId).stream().findFirst().orElse(null);
        if (kind == null || !kind.startsWith("NATIONAL_")) {
            return Optional.empty();
        }
        return Optional.of(jdbc.query("""
                select name, content_type, size, sha256 from tracked_attachment where tracking_id = ? order by position""",
                (rs, n) -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("name", rs.getString(1));
                    file.put("contentType", rs.getString(2));
                    file.put("size", rs.getLong(3));
                    file.put("sha256", rs.getString(4));
                    return file;
                }, trackingId));
    }

    private static String truncate(String name) {
        return name.length() <= 500 ? name : name.substring(0, 500);
    }
}
