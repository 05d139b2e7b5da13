package vn.lienthong.edxml;

import java.util.regex.Pattern;

/**
 * Organ ids (mã định danh, Decision 20/2020/QĐ-TTg): {@code V1V2V3.Z1Z2.Y1Y2.Hxx}, e.g. {@code 000.00.00.H31}; the
 * last part is a letter and two digits (H.. provinces, G.. central bodies). An id that breaks the pattern but is a
 * plain token (letters, digits, '.', '-', '_', at most 64) is accepted with a warning: old and vendor-made ids are in
 * circulation and the routing tables decide whether they exist. Anything else (blank, spaces, commas, other
 * characters) is refused: such a value cannot be a routing key and breaks DocumentId.
 */
final class OrganIds {

    static final String PATTERN_TEXT = "V1V2V3.Z1Z2.Y1Y2.Hxx, e.g. 000.00.00.H31";

    private static final Pattern STRICT = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    enum Verdict { STANDARD, ODD, INVALID }

    private OrganIds() {
    }

    static Verdict classify(String organId) {
        if (organId == null) {
            return Verdict.INVALID;
        }
        if (STRICT.matcher(organId).matches()) {
            return Verdict.STANDARD;
        }
        return TOKEN.matcher(organId).matches() ? Verdict.ODD : Verdict.INVALID;
    }
}
