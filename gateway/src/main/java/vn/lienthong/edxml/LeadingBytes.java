package vn.lienthong.edxml;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import vn.lienthong.contract.Problem;

/**
 * Stray bytes before the XML declaration (quirk 1 in docs/edxml-quirks.md). UTF-8 byte order marks and whitespace are
 * skipped with a warning: they carry no content and XML parsers choke on them ("processing instruction target matching
 * [xX][mM][lL] is not allowed"). Anything else is refused: a double-encoded BOM means the file was re-encoded and its
 * Vietnamese text is garbled, and other junk (multipart residue, logs, a truncated prefix) means we would be guessing.
 */
final class LeadingBytes {

    /** How far we look for the first {@code <}. */
    static final int MAX_SKIPPED = 1024;

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] DOUBLE_ENCODED_BOM =
            {(byte) 0xC3, (byte) 0xAF, (byte) 0xC2, (byte) 0xBB, (byte) 0xC2, (byte) 0xBF};

    /** The input positioned at the first {@code <}, and the warning if something was skipped. */
    record Skipped(InputStream stream, Optional<Problem> warning) {
    }

    private LeadingBytes() {
    }

    static Skipped skip(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 8192);
        in.mark(MAX_SKIPPED + 8);
        byte[] head = in.readNBytes(MAX_SKIPPED + 8);
        in.reset();
        if (head.length >= 2 && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
                || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
            return new Skipped(in, Optional.empty()); // UTF-16: the parser reads its BOM itself
        }
        int boms = 0;
        int spaces = 0;
        int i = 0;
        while (i < head.length && head[i] != '<') {
            if (startsWith(head, i, BOM)) {
                boms++;
                i += BOM.length;
            } else if (isXmlSpace(head[i])) {
                spaces++;
                i++;
            } else if (startsWith(head, i, DOUBLE_ENCODED_BOM)) {
                throw EdxmlRejectedException.of("/", "the file starts with a double-encoded byte order mark "
                        + "(C3 AF C2 BB C2 BF): it was re-encoded and its Vietnamese text is probably garbled");
            } else {
                throw EdxmlRejectedException.of("/", "the file has bytes before the XML declaration that are "
                        + "neither a byte order mark nor whitespace, starting at byte " + i + ": " + preview(head, i)
                        + "; it is refused rather than guessed at");
            }
            if (i > MAX_SKIPPED) {
                throw EdxmlRejectedException.of("/", "no '<' within the first " + MAX_SKIPPED + " bytes");
            }
        }
        if (i >= head.length) {
            throw EdxmlRejectedException.of("/", head.length == 0 ? "the file is empty" : "the file holds no XML");
        }
        in.skipNBytes(i);
        Optional<Problem> warning = i == 0 ? Optional.empty() : Optional.of(new Problem("/",
                "skipped " + describe(boms, spaces) + " before the XML declaration"));
        return new Skipped(in, warning);
    }

    private static String describe(int boms, int spaces) {
        String b = boms == 0 ? "" : boms == 1 ? "a UTF-8 byte order mark" : boms + " UTF-8 byte order marks";
        String s = spaces == 0 ? "" : spaces + " whitespace byte" + (spaces == 1 ? "" : "s");
        return b.isEmpty() ? s : s.isEmpty() ? b : b + " and " + s;
    }

    private static boolean isXmlSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        if (at + prefix.length > data.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (data[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    /** The first bytes as hex plus their printable ASCII, so the sender can see what their system added. */
    private static String preview(byte[] data, int from) {
        int to = Math.min(data.length, from + 16);
        StringBuilder hex = new StringBuilder();
        StringBuilder text = new StringBuilder();
        for (int k = from; k < to; k++) {
            int b = data[k] & 0xFF;
            hex.append(String.format("%02X ", b));
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return hex.toString().strip() + " (\"" + text + "\")";
    }
}
