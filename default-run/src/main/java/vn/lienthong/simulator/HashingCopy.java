package vn.lienthong.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies a stream to a file in one pass, with the SHA-256 of the bytes computed on the way: the simulators store
 * files of tens of MiB and never hold one whole in memory. Shared by the axis and e-office simulators.
 */
public final class HashingCopy {

    private static final int BUFFER = 64 * 1024;

    /** What was written: how many bytes, and their SHA-256 in lowercase hex. */
    public record Copied(long size, String sha256) {
    }

    /** Thrown when the stream holds more than the allowed bytes; the partial file is left for the caller to delete. */
    public static final class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("larger than the limit of " + maxBytes + " bytes");
        }
    }

    private HashingCopy() {
    }

    /** Writes {@code in} to {@code target} (replacing it), refusing more than {@code maxBytes} (negative: no limit). */
    public static Copied copy(InputStream in, Path target, long maxBytes) throws IOException {
        MessageDigest sha256 = sha256();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                size += read;
                if (maxBytes >= 0 && size > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        return new Copied(size, HexFormat.of().formatHex(sha256.digest()));
    }

    public static Copied copy(InputStream in, Path target) throws IOException {
        return copy(in, target, -1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
