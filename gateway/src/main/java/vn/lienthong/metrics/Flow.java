package vn.lienthong.metrics;

import vn.lienthong.contract.MessageKind;

/** The gateway's two flows, as metrics name them: a kind of message belongs to one. */
public enum Flow {
    DOSSIER, DOCUMENT;

    private final String tag = name().toLowerCase(java.util.Locale.ROOT);

    public String tag() {
        return tag;
    }

    public static Flow of(MessageKind kind) {
        return switch (kind) {
            case DOSSIER, PROGRESS -> DOSSIER;
            case DOCUMENT, DOCUMENT_STATUS -> DOCUMENT;
        };
    }
}
