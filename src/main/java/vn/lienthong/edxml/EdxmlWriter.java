package vn.lienthong.edxml;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Element;

/**
 * Writes documents and status messages as edXML (StAX, UTF-8), streaming attachments from their files as base64.
 * Signed output: when the attachments total at most {@code lienthong.edxml.signing.whole-document-max-size} the
 * whole document is signed (they are inlined in the DOM for that); larger ones are signed over the envelope plus one
 * SHA-256 reference per attachment, and still streamed.
 */
public final class EdxmlWriter {

    private final EdxmlDomBuilder builder;
    private final EdxmlSerializer serializer;
    private final long wholeDocumentMaxBytes;

    public EdxmlWriter(EdxmlProperties properties) {
        SecureXml xml = new SecureXml(properties.xmlLimits());
        this.builder = new EdxmlDomBuilder(xml);
        this.serializer = new EdxmlSerializer(xml);
        this.wholeDocumentMaxBytes = properties.signing().wholeDocumentMaxSize().toBytes();
    }

    /**
     * Writes the message unsigned.
     *
     * @return the message's attachments with their size and SHA-256, as written
     */
    public List<EdxmlAttachment> write(EdxmlMessage message, OutputStream out) {
        return write(message, out, null);
    }

    /**
     * Writes the message signed with {@code signer} ({@code null}: unsigned).
     *
     * @return the message's attachments with their size and SHA-256, as written
     */
    public List<EdxmlAttachment> write(EdxmlMessage message, OutputStream out, EdxmlSigner signer) {
        BuiltEdxml built = builder.build(message);
        Map<Element, SpooledContent> inlined = new LinkedHashMap<>();
        Map<Element, EdxmlAttachment> streamed = new LinkedHashMap<>(built.contents());
        if (signer != null) {
            SignatureScope scope = scopeFor(built);
            if (scope == SignatureScope.WHOLE_DOCUMENT) {
                inline(built, inlined);
                streamed.clear();
            }
            signer.sign(built.document(), scope, filesByContentId(built));
        }
        Map<Element, SpooledContent> written = new LinkedHashMap<>(inlined);
        written.putAll(serializer.write(built.document(), streamed, out));
        List<EdxmlAttachment> result = new ArrayList<>();
        built.contents().forEach((element, a) -> {
            SpooledContent c = written.get(element);
            result.add(new EdxmlAttachment(a.contentId(), a.name(), a.contentType(), a.description(),
                    a.spooledFile(), c.size(), c.sha256()));
        });
        return result;
    }

    /** Writes to a file (replacing it). */
    public List<EdxmlAttachment> write(EdxmlMessage message, Path target, EdxmlSigner signer) {
        try (OutputStream out = Files.newOutputStream(target)) {
            return write(message, out, signer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    private SignatureScope scopeFor(BuiltEdxml built) {
        long total = 0;
        for (EdxmlAttachment attachment : built.contents().values()) {
            try {
                total += Files.size(attachment.spooledFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read attachment " + attachment.spooledFile(), e);
            }
        }
        return total <= wholeDocumentMaxBytes ? SignatureScope.WHOLE_DOCUMENT
                : SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS;
    }

    private static void inline(BuiltEdxml built, Map<Element, SpooledContent> inlined) {
        built.contents().forEach((element, attachment) -> {
            SpooledContent[] digest = new SpooledContent[1];
            element.setTextContent(Base64Lines.encodeToString(attachment.spooledFile(), digest));
            inlined.put(element, digest[0]);
        });
    }

    private static Map<String, Path> filesByContentId(BuiltEdxml built) {
        Map<String, Path> files = new LinkedHashMap<>();
        built.contents().values().forEach(a -> files.put(ContentIds.normalize(a.contentId()), a.spooledFile()));
        return files;
    }
}
