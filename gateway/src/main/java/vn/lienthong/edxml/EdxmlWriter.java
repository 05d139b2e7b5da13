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

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes edXML (StAX, UTF-8), streaming attachments as base64: a message the gateway built from its model
 * ({@link #write}), or the sender's own tree with the gateway's signature added ({@link #sign}). Signed output: when
 * the attachments total at most {@code lienthong.edxml.signing.whole-document-max-size} the whole document is signed
 * (they are inlined in the DOM for that); larger ones are signed over the envelope plus one SHA-256 reference per
 * attachment, and still streamed.
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
        Map<Element, AttachmentText> texts = new LinkedHashMap<>();
        built.contents().forEach((element, a) -> texts.put(element, AttachmentText.encode(a.spooledFile())));
        Map<Element, SpooledContent> written = write(built.document(), texts, out, signer);
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

    /**
     * Writes the sender's tree with an XML-DSig signature added as the last child of edXMLHeader: every element,
     * attribute and text the sender wrote, in order, attachment text as written. Nothing is rebuilt from a model.
     */
    public void sign(EdxmlSource source, OutputStream out, EdxmlSigner signer) {
        Map<Element, AttachmentText> texts = new LinkedHashMap<>();
        source.contents().forEach((element, content) -> texts.put(element, AttachmentText.asWritten(content)));
        write(source.tree(), texts, out, signer);
    }

    private Map<Element, SpooledContent> write(Document doc, Map<Element, AttachmentText> texts, OutputStream out,
                                               EdxmlSigner signer) {
        Map<Element, SpooledContent> written = new LinkedHashMap<>();
        Map<Element, AttachmentText> streamed = new LinkedHashMap<>(texts);
        if (signer != null) {
            SignatureScope scope = scopeFor(texts);
            if (scope == SignatureScope.WHOLE_DOCUMENT) {
                texts.forEach((element, text) -> written.put(element, text.inline(element)));
                streamed.clear();
            }
            signer.sign(doc, scope, filesByContentId(texts));
        }
        written.putAll(serializer.write(doc, streamed, out));
        return written;
    }

    private SignatureScope scopeFor(Map<Element, AttachmentText> texts) {
        long total = 0;
        for (AttachmentText text : texts.values()) {
            total += text.decodedSize();
        }
        return total <= wholeDocumentMaxBytes ? SignatureScope.WHOLE_DOCUMENT
                : SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS;
    }

    /** Decoded files by the normalized ContentId of the Attachment holding each content element. */
    private static Map<String, Path> filesByContentId(Map<Element, AttachmentText> texts) {
        Map<String, Path> files = new LinkedHashMap<>();
        texts.forEach((element, text) -> files.put(
                ContentIds.normalize(Dom.childText((Element) element.getParentNode(), "ContentId")), text.decoded()));
        return files;
    }
}
