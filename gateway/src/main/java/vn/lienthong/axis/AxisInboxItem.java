package vn.lienthong.axis;

import java.time.OffsetDateTime;

/**
 * One message waiting in the axis for one of the province's organs.
 *
 * @param docId       the axis's id (what fetch and acknowledge take)
 * @param kind        document or status
 * @param fromOrganId the sending organ
 * @param toOrganId   the province's organ it is addressed to (may be a closed code, e.g. Thái Bình's H54)
 * @param documentId  the edXML DocumentId (or, for a status, the document it is about), when the axis says
 * @param created     when the axis took it
 */
public record AxisInboxItem(String docId, AxisMessageKind kind, String fromOrganId, String toOrganId,
                            String documentId, OffsetDateTime created) {
}
