package vn.lienthong.deadletter;

/**
 * Which dead letters an operator means; every part is optional (null or blank matches all).
 *
 * @param flow           {@code dossier} or {@code document}
 * @param kind           DOSSIER, PROGRESS, DOCUMENT, DOCUMENT_STATUS
 * @param key            one ordering key: a dossier's MaHoSo, a document's DocumentId
 * @param reasonContains text the reason must contain
 */
public record DeadLetterFilter(String flow, String kind, String key, String reasonContains) {

    boolean matchesFlow(String letterFlow) {
        return blank(flow) || flow.equalsIgnoreCase(letterFlow);
    }

    boolean matches(DeadLetter letter) {
        return matchesFlow(letter.flow())
                && (blank(kind) || kind.equalsIgnoreCase(letter.kind()))
                && (blank(key) || key.equals(letter.key()))
                && (blank(reasonContains) || (letter.reason() != null && letter.reason().contains(reasonContains)));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
