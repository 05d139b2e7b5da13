package vn.lienthong.edxml;

/**
 * Values a document carries that the gateway copies into HTTP or multipart headers (an attachment's ContentType and
 * file name, towards the e-office and the axis): a control character there would split or forge a header, so it is
 * refused; a file name's path parts ({@code ../}, {@code C:\dir\}) are stripped, so a receiver that saves the file
 * by its name cannot be led out of its folder.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The first control character (U+0000-U+001F, U+007F-U+009F, tab and line breaks included), or -1. */
    public static int controlCharacter(String value) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** A problem message when {@code value} has a control character, else {@code null}. */
    public static String controlProblem(String value) {
        int at = controlCharacter(value);
        return at < 0 ? null : String.format("contains the control character U+%04X at position %d; refused: the "
                + "value goes into an HTTP header", (int) value.charAt(at), at + 1);
    }

    /** The file name without any directory part: {@code ../../etc/passwd} → {@code passwd}, {@code C:\a\b.pdf} → {@code b.pdf}. */
    public static String fileName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.equals("..") || base.equals(".") ? "" : base;
    }
}
