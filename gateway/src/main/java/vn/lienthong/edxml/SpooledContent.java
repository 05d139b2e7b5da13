package vn.lienthong.edxml;

import java.nio.file.Path;

/**
 * Decoded attachment bytes on disk, with their size and SHA-256 (lowercase hex) computed while they streamed by.
 *
 * @param encodedText the base64 text exactly as the sender wrote it, when the reader was asked to keep it (to send
 *                    the sender's own file on, signed); {@code null} otherwise
 */
record SpooledContent(Path file, long size, String sha256, Path encodedText) {

    SpooledContent(Path file, long size, String sha256) {
        this(file, size, sha256, null);
    }
}
