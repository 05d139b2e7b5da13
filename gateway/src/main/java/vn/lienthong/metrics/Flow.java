package vn.lienthong.metrics;

import vn.lienthong.contract.MessageKind;

/**
 * The gateway's flows, as metrics name them: a kind of message belongs to one. {@code national}: the national
 * portal's dossiers coming down to the province's one-stop systems.
 */
public enum Flow {
    DOSSIER, DOCUMENT, NATIONAL;

    private final String tag = name().toLowerCase(java.util.Locale.ROOT);

    public String tag() {
        return tag;
    }

    public static Flow of(MessageKind kind) {
        return switch (kind) {
            case DOSSIER, PROGRESS -> DOSSIER;
            case DOCUMENT, DOCUMENT_STATUS -> DOCUMENT;
            case NATIONAL_DOSSIER, NATIONAL_EVENT -> NATIONAL;
        };
    }

    /** The kinds of this flow, as the database names them ({@code 'DOSSIER', 'PROGRESS'}), for a query. */
    public String sqlKinds() {
        return java.util.Arrays.stream(MessageKind.values()).filter(kind -> of(kind) == this)
                .map(kind -> "'" + kind.name() + "'").collect(java.util.stream.Collectors.joining(", "));
    }
}
