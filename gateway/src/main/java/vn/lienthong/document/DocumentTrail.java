package vn.lienthong.document;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.SignatureCheck;
import vn.lienthong.tracking.TrackedFiles;
import vn.lienthong.tracking.TrackingDetails;

/**
 * What tracking keeps about a document besides its states (tracked_message, tracking_event): its direction,
 * DocumentId, organs, the axis's id, the signature as checked, and the SHA-256 of the edXML file and of every
 * attachment ({@code tracked_document}, {@code tracked_attachment}).
 */
@Repository
public class DocumentTrail implements TrackingDetails {

    private static final int MAX_DETAIL = 1000;

    private final JdbcTemplate jdbc;

    private final TrackedFiles files;

    public DocumentTrail(JdbcTemplate jdbc, TrackedFiles files) {
        this.files = files;
        this.jdbc = jdbc;
    }

    /** One document's facts; call in the transaction that registers its tracked_message row. */
    public void record(String trackingId, Direction direction, String documentId, String fromOrganId,
                       List<String> toOrganIds, String statusCode, String axisDocId, long edxmlSize,
                       String edxmlSha256) {
        jdbc.update("""
                insert into tracked_document (tracking_id, direction, document_id, from_organ_id, to_organ_ids,
                    status_code, axis_doc_id, edxml_size, edxml_sha256)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", trackingId, direction.name(), documentId, fromOrganId,
                toOrganIds == null ? null : String.join(",", toOrganIds), statusCode, axisDocId, edxmlSize,
                edxmlSha256);
    }

    public void signature(String trackingId, SignatureCheck signature) {
        if (signature == null) {
            return;
        }
        String detail = signature.reason() + (signature.signer() == null ? "" : "; signer " + signature.signer());
        jdbc.update("update tracked_document set signature_status = ?, signature_detail = ? where tracking_id = ?",
                signature.status().name(), truncate(detail), trackingId);
    }

    public void attachments(String trackingId, List<EdxmlAttachment> attachments) {
        files.record(trackingId, attachments.stream()
                .map(a -> new TrackedFiles.File(a.name(), a.contentType(), a.size(), a.sha256())).toList());
    }

    /** The details of an incoming message once it was read (the poller only knew the axis's list entry). */
    public void incomingRead(String trackingId, String documentId, String fromOrganId, List<String> toOrganIds,
                             String statusCode) {
        jdbc.update("""
                update tracked_document set document_id = coalesce(?, document_id), from_organ_id = coalesce(?, from_organ_id),
                    to_organ_ids = coalesce(?, to_organ_ids), status_code = coalesce(?, status_code)
                where tracking_id = ?""", documentId, fromOrganId,
                toOrganIds == null ? null : String.join(",", toOrganIds), statusCode, trackingId);
    }

    public void axisDocId(String trackingId, String axisDocId) {
        jdbc.update("update tracked_document set axis_doc_id = ? where tracking_id = ?", axisDocId, trackingId);
    }

    /** The tracking id and state of a message received from the axis under {@code axisDocId}, if it was taken. */
    public Optional<Taken> incoming(String axisDocId) {
        return jdbc.query("""
                select d.tracking_id, m.state from tracked_document d join tracked_message m on m.tracking_id = d.tracking_id
                where d.direction = ? and d.axis_doc_id = ?""",
                (rs, row) -> new Taken(rs.getString(1), rs.getString(2)), Direction.INCOMING.name(), axisDocId)
                .stream().findFirst();
    }

    @Override
    public String section() {
        return "document";
    }

    /** The document section of a tracking record, or empty for a dossier's message. */
    @Override
    public Optional<Map<String, Object>> describe(String trackingId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from tracked_document where tracking_id = ?",
                trackingId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("direction", row.get("direction"));
        view.put("documentId", row.get("document_id"));
        view.put("fromOrganId", row.get("from_organ_id"));
        Object to = row.get("to_organ_ids");
        view.put("toOrganIds", to == null ? List.of() : List.of(String.valueOf(to).split(",")));
        view.put("statusCode", row.get("status_code"));
        view.put("axisDocId", row.get("axis_doc_id"));
        view.put("signature", signatureView(row));
        view.put("edxml", Map.of("size", row.get("edxml_size") == null ? -1 : row.get("edxml_size"),
                "sha256", row.get("edxml_sha256") == null ? "" : row.get("edxml_sha256")));
        view.put("attachments", files.view(trackingId));
        return Optional.of(view);
    }

    private static Map<String, Object> signatureView(Map<String, Object> row) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("status", row.get("signature_status"));
        signature.put("detail", row.get("signature_detail"));
        return signature;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }

    /** A received message the gateway already took: its tracking id and state. */
    public record Taken(String trackingId, String state) {
    }
}
