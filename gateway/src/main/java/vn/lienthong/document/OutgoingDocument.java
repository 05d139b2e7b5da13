package vn.lienthong.document;

import java.nio.file.Path;
import java.util.List;

import vn.lienthong.axis.AxisMessageKind;
import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.SignatureCheck;

/**
 * A checked edXML file ready to be stored in the broker and sent over the axis: a document or a status, signed by the
 * sender or by the gateway.
 *
 * @param edxml       the file to send (in the gateway's spool folder; deleted once the broker has it)
 * @param documentId  the DocumentId (for a status: the document it is about)
 * @param statusCode  for a status message, its two-digit code
 * @param signature   the sender's signature as checked, or the gateway's own (VALID, "signed by the gateway")
 * @param notes       what the gateway changed or noticed (closed organ codes mapped, reader warnings), for tracking
 */
public record OutgoingDocument(Path edxml, AxisMessageKind kind, String documentId, String fromOrganId,
                               List<String> toOrganIds, String statusCode, SignatureCheck signature,
                               List<EdxmlAttachment> attachments, long size, String sha256, List<String> notes) {

    public OutgoingDocument {
        toOrganIds = List.copyOf(toOrganIds);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }
}
