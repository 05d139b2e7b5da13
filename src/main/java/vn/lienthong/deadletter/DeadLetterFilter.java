package vn.lienthong.deadletter;

/**
 * Which dead letters an operator means; every part is optional.
 *
 * @param kind           DOSSIER, PROGRESS, ...
 * @param maHoSo         one dossier
 * @param reasonContains text the reason must contain
 */
public record DeadLetterFilter(String kind, String maHoSo, String reasonContains) {

    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null);

    boolean matches(String messageKind, String messageMaHoSo, String reason) {
        return (kind == null || kind.isBlank() || kind.equalsIgnoreCase(messageKind))
                && (maHoSo == null || maHoSo.isBlank() || maHoSo.equals(messageMaHoSo))
                && (reasonContains == null || reasonContains.isBlank()
                        || (reason != null && reason.contains(reasonContains)));
    }
}
