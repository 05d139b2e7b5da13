package vn.lienthong.edxml;

import java.nio.file.Path;

/**
 * An attachment. Read: {@code spooledFile} holds the decoded bytes (the caller moves or deletes it), with their size
 * and SHA-256 (lowercase hex). To write: {@code spooledFile} is the source file; size and sha256 may be unknown
 * (-1 / null) and are computed while it is encoded.
 *
 * @param contentId   as in the manifest Reference and the Attachment (matched without a "cid:" prefix)
 */
public record EdxmlAttachment(String contentId, String name, String contentType, String description,
                              Path spooledFile, long size, String sha256) {

    /** An attachment to send, read from {@code file} when the document is written. */
    public static EdxmlAttachment ofFile(String contentId, String name, String contentType, String description,
                                         Path file) {
        return new EdxmlAttachment(contentId, name, contentType, description, file, -1, null);
    }
}
