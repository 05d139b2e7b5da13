package vn.lienthong.contract;

/**
 * What a message is about; names its schema file and whether a body may be a batch. Dossier messages have one schema
 * per input format ({@code mappings/<format>/}); documents have one contract for every client ({@code mappings/documents/}).
 */
public enum MessageKind {

    /** Dossiers (hồ sơ): one, or a non-empty array of them (as one-stop systems send), each checked by {@code dossier.schema.json}. */
    DOSSIER("dossier", "dossier.schema.json", true, null),

    /** Processing progress (tiến độ xử lý): one item or a non-empty array, each checked by {@code progress-item.schema.json}. */
    PROGRESS("progress", "progress-item.schema.json", true, null),

    /** The metadata of an outgoing document (văn bản), {@code mappings/documents/document.schema.json}. */
    DOCUMENT("document", "document.schema.json", false, "documents"),

    /** A status about a document, {@code mappings/documents/document-status.schema.json}. */
    DOCUMENT_STATUS("document-status", "document-status.schema.json", false, "documents"),

    /**
     * A dossier filed online at the national portal, coming down to the province's one-stop system
     * ({@code mappings/national/dossier.schema.json}); its client kind is {@code national-dossier}.
     */
    NATIONAL_DOSSIER("national-dossier", "dossier.schema.json", false, "national"),

    /**
     * What a citizen did later on the portal about such a dossier (a supplement, a withdrawal request, a payment, a
     * rating), delivered to the one-stop after the dossier ({@code mappings/national/event.schema.json}).
     */
    NATIONAL_EVENT("national-event", "event.schema.json", false, "national");

    private final String fileStem;
    private final String schemaFile;
    private final boolean batch;
    private final String contractFolder;

    MessageKind(String fileStem, String schemaFile, boolean batch, String contractFolder) {
        this.fileStem = fileStem;
        this.schemaFile = schemaFile;
        this.batch = batch;
        this.contractFolder = contractFolder;
    }

    /** Whether each input format has its own schema (and mapping) for this kind. */
    public boolean perInputFormat() {
        return contractFolder == null;
    }

    /** The folder under {@code mappings/} that holds this kind's schema for a client of {@code inputFormat}. */
    public String schemaFolder(String inputFormat) {
        return contractFolder == null ? inputFormat : contractFolder;
    }

    /** {@code dossier} / {@code progress}: the stem of the mapping files ({@code <stem>-to-canonical.jsonata}). */
    public String fileStem() {
        return fileStem;
    }

    /** The JSON Schema file of one message (or one batch item) in an input format's folder. */
    public String schemaFile() {
        return schemaFile;
    }

    /** Whether a body may also be a non-empty array of items. */
    public boolean batch() {
        return batch;
    }
}
