package vn.lienthong.axis;

/** What an axis message carries: an official document or a status message about one. */
public enum AxisMessageKind {
    EDOC("edoc"), STATUS("status");

    private final String wire;

    AxisMessageKind(String wire) {
        this.wire = wire;
    }

    /** As the JSON transport spells it ({@code messagetype}). */
    public String wire() {
        return wire;
    }

    public static AxisMessageKind fromWire(String value) {
        for (AxisMessageKind kind : values()) {
            if (kind.wire.equalsIgnoreCase(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown axis message type '" + value + "'");
    }
}
