package vn.lienthong.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Picks the DOM a received signature is verified on: an envelope-scoped signature on the streamed DOM (attachment
 * content left out, attachments from the spool files); a whole-document signature on a full DOM of the file, built only
 * when the file is within the configured size, otherwise INVALID with that reason.
 */
final class IncomingSignature {

    private final SecureXml xml;
    private final SignatureVerifier verifier;
    private final long wholeDocumentMaxBytes;
    private final int maxReferences;

    IncomingSignature(SecureXml xml, SignatureVerifier verifier, long wholeDocumentMaxBytes, int maxReferences) {
        this.xml = xml;
        this.verifier = verifier;
        this.wholeDocumentMaxBytes = wholeDocumentMaxBytes;
        this.maxReferences = maxReferences;
    }

    SignatureCheck check(ParsedEdxml parsed, Path file) {
        if (SignatureVerifier.findSignatures(parsed.skeleton()).isEmpty()) {
            boolean placeholder = Dom.path(parsed.skeleton(), EdxmlNames.ENVELOPE, EdxmlNames.HEADER)
                    .flatMap(h -> Dom.child(h, EdxmlNames.SIGNATURE)).isPresent();
            return placeholder ? new SignatureCheck(SignatureStatus.ABSENT, "no XML-DSig signature (the "
                    + "edXML-namespace Signature element is the axis SDK's placeholder, not a signature)", null, null)
                    : SignatureCheck.absent();
        }
        Map<String, Path> attachments = attachmentFiles(parsed);
        Optional<SignatureScope> scope = SignatureVerifier.claimedScope(parsed.skeleton(), attachments, maxReferences);
        if (scope.isEmpty() || scope.get() == SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS) {
            return verifier.verify(parsed.skeleton(), attachments); // also explains a refused shape
        }
        try {
            long size = Files.size(file);
            if (size > wholeDocumentMaxBytes) {
                return SignatureCheck.invalid("a whole-document signature over " + size + " bytes is not verified "
                        + "(limit lienthong.edxml.verification.whole-document-max-size = " + wholeDocumentMaxBytes
                        + " bytes)");
            }
            return verifier.verify(fullDom(file), attachments);
        } catch (IOException | SAXException e) {
            return SignatureCheck.invalid("the file could not be re-read to verify its signature: " + e.getMessage());
        }
    }

    private Document fullDom(Path file) throws IOException, SAXException {
        try (InputStream in = Files.newInputStream(file)) {
            return xml.newDocumentBuilder().parse(LeadingBytes.skip(in).stream());
        }
    }

    /** Decoded attachment files by normalized ContentId (the Attachment's own ContentId). */
    static Map<String, Path> attachmentFiles(ParsedEdxml parsed) {
        Map<String, Path> files = new LinkedHashMap<>();
        parsed.contents().forEach((content, spooled) -> {
            Element attachment = (Element) content.getParentNode();
            files.put(ContentIds.normalize(Dom.childText(attachment, "ContentId")), spooled.file());
        });
        return files;
    }
}
