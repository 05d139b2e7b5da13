package vn.lienthong.axis;

/** A receiver's answer about a received message ({@code updateStatus}). */
public enum AxisAck {
    DONE("done"), FAIL("fail"), PROCESSING("processing");

    private final String wire;

    AxisAck(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
