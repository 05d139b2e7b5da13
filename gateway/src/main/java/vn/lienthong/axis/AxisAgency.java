package vn.lienthong.axis;

/** An agency in the axis directory; a closed code (merged in the 2025 reorganisation) is not active. */
public record AxisAgency(String organId, String organName, boolean active) {
}
