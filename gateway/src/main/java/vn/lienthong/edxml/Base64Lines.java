package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encodes a file as base64 in 76-character lines separated by LF, chunk by chunk, computing the SHA-256 and size of
 * the file on the way. LF, not CRLF: a parser turns CRLF into LF, which would break a signature over the text.
 */
final class Base64Lines {

    /** Receives base64 text in pieces. */
    interface Sink {
        void write(char[] text, int offset, int length) throws Exception;
    }

    private static final int LINE_BYTES = 57; // 57 bytes = one 76-character line
    private static final int CHUNK = LINE_BYTES * 1024;
    private static final Base64.Encoder ENCODER = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII));

    private Base64Lines() {
    }

    static SpooledContent encode(Path file, Sink sink) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            boolean first = true;
            for (int n = in.readNBytes(buffer, 0, CHUNK); n > 0; n = in.readNBytes(buffer, 0, CHUNK)) {
                byte[] encoded = ENCODER.encode(n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n));
                char[] text = new String(encoded, StandardCharsets.US_ASCII).toCharArray();
                if (!first) {
                    sink.write(new char[] {'\n'}, 0, 1);
                }
                sink.write(text, 0, text.length);
                size += n;
                first = false;
            }
            return new SpooledContent(file, size, HexFormat.of().formatHex(in.getMessageDigest().digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + file, e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write attachment " + file + ": " + e.getMessage(), e);
        }
    }

    /** The whole file as one base64 string (only for files small enough to sign as a whole document). */
    static String encodeToString(Path file, SpooledContent[] digest) {
        StringBuilder text = new StringBuilder();
        digest[0] = encode(file, (chars, offset, length) -> text.append(chars, offset, length));
        return text.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
