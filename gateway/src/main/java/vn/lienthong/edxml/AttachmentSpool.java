package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The folder decoded attachments are spooled to; each file readable by the gateway's user only. */
final class AttachmentSpool {

    private final Path directory;
    private final long maxAttachmentBytes;

    AttachmentSpool(Path directory, long maxAttachmentBytes) {
        this.directory = directory;
        this.maxAttachmentBytes = maxAttachmentBytes;
    }

    Path directory() {
        return directory;
    }

    /** A sink that decodes base64 text into a new spool file (and keeps the text as written, when asked). */
    Base64SpoolSink open(boolean keepText) {
        return new Base64SpoolSink(newFile(".bin"), keepText ? newFile(".b64") : null, maxAttachmentBytes);
    }

    /** An empty spool file, e.g. for a raw upload copied before it is parsed. */
    Path newFile(String suffix) {
        try {
            Files.createDirectories(directory);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return Files.createTempFile(directory, "edxml-", suffix,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            return Files.createTempFile(directory, "edxml-", suffix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + directory, e);
        }
    }
}
