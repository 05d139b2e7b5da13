package vn.lienthong.edxml;

/**
 * Makes a value safe to write as XML text: line breaks become LF (a parser would do the same, and a signature must
 * see what the receiver will see); characters XML 1.0 cannot carry are refused.
 */
final class XmlText {

    private XmlText() {
    }

    static String clean(String field, String value) {
        String text = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || Character.isSurrogate(c)
                    || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed) {
                throw new IllegalArgumentException(field + " contains a character XML cannot carry: "
                        + String.format("U+%04X", (int) c));
            }
        }
        return text;
    }
}
