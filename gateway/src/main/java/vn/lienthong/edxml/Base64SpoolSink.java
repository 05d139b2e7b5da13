package vn.lienthong.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Decodes base64 text as it arrives, in chunks of any length, into a spool file while computing its SHA-256: the
 * attachment is never whole in memory. Line breaks and other whitespace are skipped (vendors wrap at 76 or not at all);
 * a missing final padding is accepted; any other character, or data after the padding, is an error. After an error
 * the sink discards everything and keeps only the first reason. Asked to, it also keeps the text as written (a valid
 * text is ASCII), so the sender's own file can be sent on unchanged.
 */
final class Base64SpoolSink {

    private static final int CHUNK = 64 * 1024; // a multiple of 4, so every full chunk decodes on its own

    private final Path file;
    private final Path textFile;
    private final long maxBytes;
    private final byte[] pending = new byte[CHUNK];
    private final MessageDigest sha256;
    private OutputStream out;
    private Writer text;
    private int pendingLength;
    private long charsSeen;
    private long size;
    private boolean padded;
    private String failure;

    Base64SpoolSink(Path file, long maxBytes) {
        this(file, null, maxBytes);
    }

    /** @param textFile where the text goes as written, or {@code null} to keep only the decoded bytes */
    Base64SpoolSink(Path file, Path textFile, long maxBytes) {
        this.file = file;
        this.textFile = textFile;
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
            this.out = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file), CHUNK), sha256);
            this.text = textFile == null ? null
                    : new OutputStreamWriter(Files.newOutputStream(textFile), StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
    }

    void write(char[] text, int offset, int length) {
        if (failure != null) {
            return;
        }
        if (this.text != null) {
            try {
                this.text.write(text, offset, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write spool file " + textFile, e);
            }
        }
        for (int i = offset; i < offset + length; i++) {
            char c = text[i];
            charsSeen++;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (!isBase64(c)) {
                fail("is not valid base64: character " + printable(c) + " at position " + charsSeen);
                return;
            }
            if (padded && c != '=') {
                fail("is not valid base64: data after the '=' padding at position " + charsSeen);
                return;
            }
            padded |= c == '=';
            pending[pendingLength++] = (byte) c;
            if (pendingLength == CHUNK) {
                flush(CHUNK);
                if (failure != null) {
                    return; // e.g. over the size limit: the rest is not read
                }
            }
        }
    }

    /** The spooled content, or {@code null} with {@link #failure()} set. */
    SpooledContent finish() {
        if (failure == null && pendingLength % 4 == 1) {
            fail("is not valid base64: it ends with a lone character (truncated?)");
        }
        if (failure == null && pendingLength > 0) {
            flush(pendingLength);
        }
        if (failure != null) {
            return null;
        }
        try {
            out.close();
            if (text != null) {
                text.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
        return new SpooledContent(file, size, HexFormat.of().formatHex(sha256.digest()), textFile);
    }

    String failure() {
        return failure;
    }

    void discard() {
        closeQuietly();
        try {
            Files.deleteIfExists(file);
            if (textFile != null) {
                Files.deleteIfExists(textFile);
            }
        } catch (IOException ignored) {
            // a leftover spool file is cleaned with the folder; the rejection matters more
        }
    }

    private void flush(int length) {
        try {
            byte[] decoded = Base64.getDecoder().decode(length == CHUNK ? pending : java.util.Arrays.copyOf(pending, length));
            size += decoded.length;
            if (size > maxBytes) {
                fail("decodes to more than the attachment limit of " + maxBytes + " bytes");
                return;
            }
            out.write(decoded);
            pendingLength = 0;
        } catch (IllegalArgumentException e) {
            fail("is not valid base64: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write spool file " + file, e);
        }
    }

    private void fail(String reason) {
        failure = reason;
        discard();
    }

    private void closeQuietly() {
        try {
            out.close();
            if (text != null) {
                text.close();
            }
        } catch (IOException ignored) {
            // nothing more to save
        }
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
