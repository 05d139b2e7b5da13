package vn.lienthong.document;

import java.nio.file.Path;

/** A file in the spool folder with its size and SHA-256, computed while it was written (no second read). */
record SpooledFile(Path file, long size, String sha256) {
}
