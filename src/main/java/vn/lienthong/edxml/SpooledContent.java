package vn.lienthong.edxml;

import java.nio.file.Path;

/** Decoded attachment bytes on disk, with their size and SHA-256 (lowercase hex) computed while they streamed by. */
record SpooledContent(Path file, long size, String sha256) {
}
