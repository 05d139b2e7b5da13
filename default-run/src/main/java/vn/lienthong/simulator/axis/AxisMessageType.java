package vn.lienthong.simulator.axis;

import java.util.Arrays;
import java.util.Optional;

/** What an edXML file on the axis is: {@code edoc} an official document, {@code status} a status message about one. */
public enum AxisMessageType {
    EDOC("edoc"),
    STATUS("status");

    private final String wire;

    AxisMessageType(String wire) {
        this.wire = wire;
    }

    /** As the axis spells it: {@code edoc}, {@code status}. */
    public String wire() {
        return wire;
    }

    public static Optional<AxisMessageType> fromWire(String text) {
        return Arrays.stream(values()).filter(t -> t.wire.equalsIgnoreCase(text)).findFirst();
    }
}
