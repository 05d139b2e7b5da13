package vn.lienthong.edxml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.w3c.dom.Element;

/**
 * What fills one attachment's ContentTransferEncoded when a tree is written: the decoded file (which attachment
 * digests cover) and the base64 text, either the sender's own as written or encoded from the file by the gateway.
 */
final class AttachmentText {

    private static final int CHUNK = 16 * 1024;

    private final Path decoded;
    private final SpooledContent asWritten;

    private AttachmentText(Path decoded, SpooledContent asWritten) {
        this.decoded = decoded;
        this.asWritten = asWritten;
    }

    /** A file the gateway encodes (76-character lines). */
    static AttachmentText encode(Path file) {
        return new AttachmentText(file, null);
    }

    /** The sender's base64 text, written back as it came. */
    static AttachmentText asWritten(SpooledContent content) {
        if (content.encodedText() == null) {
            throw new IllegalArgumentException("the attachment's text was not kept when it was read");
        }
        return new AttachmentText(content.file(), content);
    }

    Path decoded() {
        return decoded;
    }

    long decodedSize() {
        try {
            return Files.size(decoded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + decoded, e);
        }
    }

    /** Streams the text to {@code sink}; returns the decoded file's size and SHA-256. */
    SpooledContent writeTo(Base64Lines.Sink sink) {
        if (asWritten == null) {
            return Base64Lines.encode(decoded, sink);
        }
        try (Reader in = Files.newBufferedReader(asWritten.encodedText(), StandardCharsets.US_ASCII)) {
            char[] buffer = new char[CHUNK];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sink.write(buffer, 0, n);
            }
            return asWritten;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment text " + asWritten.encodedText(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot write attachment " + decoded + ": " + e.getMessage(), e);
        }
    }

    /** Puts the whole text into {@code element} (only for attachments small enough to sign as a whole document). */
    SpooledContent inline(Element element) {
        StringBuilder text = new StringBuilder();
        SpooledContent content = writeTo((chars, offset, length) -> text.append(chars, offset, length));
        element.setTextContent(text.toString());
        return content;
    }
}
