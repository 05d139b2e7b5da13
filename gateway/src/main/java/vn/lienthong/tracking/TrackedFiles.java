package vn.lienthong.tracking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The files a message carried, as its trail keeps them (table {@code tracked_attachment}): a document's attachments, a
 * national dossier's files fetched from the portal. Name, content type, size and SHA-256, in their order.
 */
@Repository
public class TrackedFiles {

    private static final int MAX_NAME = 500;

    private final JdbcTemplate jdbc;

    public TrackedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One file as the trail shows it. */
    public record File(String name, String contentType, long size, String sha256) {
    }

    /** The message's files, replacing what an earlier attempt recorded. */
    public void record(String trackingId, List<File> files) {
        jdbc.update("delete from tracked_attachment where tracking_id = ?", trackingId);
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            String name = file.name() == null ? "" : file.name();
            jdbc.update("""
                    insert into tracked_attachment (tracking_id, position, name, content_type, size, sha256)
                    values (?, ?, ?, ?, ?, ?)""", trackingId, i, name.length() <= MAX_NAME ? name
                    : name.substring(0, MAX_NAME), file.contentType(), file.size(), file.sha256());
        }
    }

    /** The message's files as the tracking API shows them: {@code name}, {@code contentType}, {@code size}, {@code sha256}. */
    public List<Map<String, Object>> view(String trackingId) {
        return jdbc.query("""
                select name, content_type, size, sha256 from tracked_attachment where tracking_id = ? order by position""",
                (rs, n) -> {
                    Map<String, Object> file = new LinkedHashMap<>();
                    file.put("name", rs.getString(1));
                    file.put("contentType", rs.getString(2));
                    file.put("size", rs.getLong(3));
                    file.put("sha256", rs.getString(4));
                    return file;
                }, trackingId);
    }
}
