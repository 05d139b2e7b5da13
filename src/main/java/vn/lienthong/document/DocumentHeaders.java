package vn.lienthong.document;

/** JMS/Camel headers a document carries besides the shared ones in {@link vn.lienthong.delivery.MessageHeaders}. */
public final class DocumentHeaders {

    /** The edXML DocumentId (for a status: the document it is about). Also the message group: one document's messages stay in order. */
    public static final String DOCUMENT_ID = "LienthongDocumentId";
    /** {@code edoc} or {@code status} (the axis's message type). */
    public static final String AXIS_KIND = "LienthongAxisKind";
    /** The axis's id of a received message (what is acknowledged). */
    public static final String AXIS_DOC_ID = "LienthongAxisDocId";
    /** The province's organ a received message is addressed to, as the axis listed it. */
    public static final String TO_ORGAN_ID = "LienthongToOrganId";

    private DocumentHeaders() {
    }
}
