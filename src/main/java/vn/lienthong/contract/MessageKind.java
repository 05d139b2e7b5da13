package vn.lienthong.contract;

/** What a message is about; names the schema file of each input format and whether a body may be a batch. */
public enum MessageKind {

    /** One dossier (hồ sơ), validated against {@code dossier.schema.json}. */
    DOSSIER("dossier", "dossier.schema.json", false),

    /** Processing progress (tiến độ xử lý): one item or a non-empty array, each checked by {@code progress-item.schema.json}. */
    PROGRESS("progress", "progress-item.schema.json", true);

    private final String fileStem;
    private final String schemaFile;
    private final boolean batch;

    MessageKind(String fileStem, String schemaFile, boolean batch) {
        this.fileStem = fileStem;
        this.schemaFile = schemaFile;
        this.batch = batch;
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
