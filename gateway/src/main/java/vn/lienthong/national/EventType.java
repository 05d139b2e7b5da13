package vn.lienthong.national;

import vn.lienthong.contract.MessageKind;

/** What an entry from the national portal is: a dossier, or what the citizen did later about it. */
public enum EventType {
    DOSSIER("dossier"),
    /** Hồ sơ bổ sung: documents the citizen added, with their files. */
    SUPPLEMENT("supplement"),
    /** The citizen asks to withdraw the dossier (TrangThaiHoSo 7). */
    WITHDRAWAL("withdrawal"),
    /** The citizen paid (a payment notice). */
    PAYMENT("payment"),
    /** The citizen rated the service. */
    RATING("rating");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** As the portal and the one-stop name it. */
    public String wire() {
        return wire;
    }

    public MessageKind kind() {
        return this == DOSSIER ? MessageKind.NATIONAL_DOSSIER : MessageKind.NATIONAL_EVENT;
    }

    /** The type named {@code wire}, or null. */
    public static EventType of(String wire) {
        for (EventType type : values()) {
            if (type.wire.equalsIgnoreCase(wire)) {
                return type;
            }
        }
        return null;
    }
}
