package vn.lienthong.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import vn.lienthong.contract.Problem;

/**
 * An official document exchanged over the document axis: its MessageHeader, trail, attachments and signature.
 * A document from {@link EdxmlReader} owns its spooled attachment files: move what you keep, then
 * {@link #deleteSpooledFiles()} (or close it). Never close a document built to be sent: its attachment files are
 * the caller's originals.
 */
public record EdxmlDocument(
        Organ from,
        List<Organ> to,
        String documentId,
        Code code,
        PromulgationInfo promulgationInfo,
        DocumentType documentType,
        String subject,
        String content,
        SignerInfo signerInfo,
        LocalDate dueDate,
        List<String> toPlaces,
        OtherInfo otherInfo,
        String steeringType,
        List<ResponseFor> responseFor,
        List<TraceHeader> traceHeaders,
        Bussiness bussiness,
        List<EdxmlAttachment> attachments,
        SignatureCheck signature,
        List<Problem> warnings) implements EdxmlMessage, AutoCloseable {

    public EdxmlDocument {
        to = to == null ? List.of() : List.copyOf(to);
        toPlaces = toPlaces == null ? List.of() : List.copyOf(toPlaces);
        responseFor = responseFor == null ? List.of() : List.copyOf(responseFor);
        traceHeaders = traceHeaders == null ? List.of() : List.copyOf(traceHeaders);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Deletes the attachment files still in place. Only for a document returned by {@link EdxmlReader}: on a document
     * built to be sent, the files are the caller's originals.
     */
    public void deleteSpooledFiles() {
        close();
    }

    /** Same as {@link #deleteSpooledFiles()}, for try-with-resources on a received document. */
    @Override
    public void close() {
        for (EdxmlAttachment attachment : attachments) {
            try {
                if (attachment.spooledFile() != null) {
                    Files.deleteIfExists(attachment.spooledFile());
                }
            } catch (IOException ignored) {
                // the spool folder is temporary
            }
        }
    }

    /** Số, ký hiệu: CodeNumber "12", CodeNotation "QĐ-UBND". */
    public record Code(String codeNumber, String codeNotation) {
    }

    /** Where and when it was promulgated (PromulgationDate {@code yyyy/MM/dd}). */
    public record PromulgationInfo(String place, LocalDate promulgationDate) {
    }

    public record DocumentType(String type, String typeDetail, String typeName) {
    }

    public record SignerInfo(String competence, String position, String fullName) {
    }

    public record OtherInfo(String priority, String sphereOfPromulgation, String typerNotation,
                            String promulgationAmount, String pageAmount, String direction, List<String> appendixes) {

        public OtherInfo {
            appendixes = appendixes == null ? List.of() : List.copyOf(appendixes);
        }
    }

    /**
     * The exchange operation (spelled as in the standard).
     *
     * @param documentId            the document an update, replace or revoke acts on
     * @param bussinessDocType      0 new, 1 revoke, 2 update, 3 replace
     * @param bussinessDocumentInfo what an update changes (2022 amendment), or {@code null}
     * @param replacementInfoList   the documents a replace replaces and at which organs (2022 amendment)
     */
    public record Bussiness(String documentId, int bussinessDocType, String bussinessDocReason, String paper,
                            StaffInfo staffInfo, BussinessDocumentInfo bussinessDocumentInfo,
                            List<ReplacementInfo> replacementInfoList) {

        public Bussiness {
            replacementInfoList = replacementInfoList == null ? List.of() : List.copyOf(replacementInfoList);
        }

        public Bussiness(String documentId, int bussinessDocType, String bussinessDocReason, String paper,
                         StaffInfo staffInfo) {
            this(documentId, bussinessDocType, bussinessDocReason, paper, staffInfo, null, List.of());
        }
    }

    /**
     * @param documentInfo     whether the document's information changed (as written, "0" / "1")
     * @param documentReceiver whether its receivers changed (as written, "0" / "1")
     */
    public record BussinessDocumentInfo(String documentInfo, String documentReceiver, List<Receiver> receiverList) {

        public BussinessDocumentInfo {
            receiverList = receiverList == null ? List.of() : List.copyOf(receiverList);
        }
    }

    public record Receiver(String organId, String receiverType) {
    }

    public record ReplacementInfo(String documentId, List<String> organIdList) {

        public ReplacementInfo {
            organIdList = organIdList == null ? List.of() : List.copyOf(organIdList);
        }
    }
}
