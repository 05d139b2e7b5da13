package vn.lienthong.simulator.axis;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where one recipient is with one file: {@code pending} (never acknowledged), then what its system said through
 * updateStatus. {@code pending} and {@code processing} stay in the received list (a receiver that crashes while
 * processing sees the file again); {@code done} and {@code fail} are final and leave it.
 */
public enum AxisAck {
    PENDING("pending"),
    PROCESSING("processing"),
    DONE("done"),
    FAIL("fail");

    private final String wire;

    AxisAck(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** Still offered by getReceivedEdocList / ReceiveKnobsticks. */
    public boolean listed() {
        return this == PENDING || this == PROCESSING;
    }

    public boolean isFinal() {
        return this == DONE || this == FAIL;
    }

    /** What a receiver may say: done, fail or processing (never pending). */
    public static Optional<AxisAck> fromUpdate(String text) {
        return Arrays.stream(values()).filter(a -> a != PENDING && a.wire.equalsIgnoreCase(text)).findFirst();
    }

    static AxisAck fromWire(String text) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ack '" + text + "'"));
    }
}
