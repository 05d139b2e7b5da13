package vn.lienthong.edxml;

import java.util.Arrays;
import java.util.Optional;

/** StatusCode of an edXML status message (QCVN 102:2016, amended 2022). */
public enum StatusCode {
    ARRIVED("01"),
    REJECTED("02"),
    REGISTERED("03"),
    ASSIGNED("04"),
    PROCESSING("05"),
    FINISHED("06"),
    RECALLED_BY_SENDER("13"),
    CHANGE_ACCEPTED("15"),
    REFUSED("16");

    private final String code;

    StatusCode(String code) {
        this.code = code;
    }

    /** The code as written on the wire: two digits. */
    public String code() {
        return code;
    }

    public static Optional<StatusCode> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
