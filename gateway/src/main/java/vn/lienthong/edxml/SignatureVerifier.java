package vn.lienthong.edxml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Verifies the enveloped XML-DSig signature of an edXML document with the JDK's {@code javax.xml.crypto.dsig}:
 * VALID (RSA-SHA256+), VALID_LEGACY_SHA1, INVALID (with the reason) or ABSENT. The signature is looked for in
 * edXMLHeader (or in the DigitalSignature element some SDKs write there). Its shape is inspected first
 * ({@link SignatureInspection}); references resolve only to the document and its attachments.
 */
public final class SignatureVerifier {

    private final SignerTrust trust;
    private final int maxAttachments;

    SignatureVerifier(SignerTrust trust, int maxAttachments) {
        this.trust = trust;
        this.maxAttachments = maxAttachments;
    }

    public static SignatureVerifier fromProperties(EdxmlProperties properties) {
        return new SignatureVerifier(SignerTrust.fromProperties(properties.verification()),
                properties.maxAttachments());
    }

    /**
     * @param document                the whole document as a DOM, or for an envelope-scoped signature the DOM with
     *                                attachment content left out
     * @param attachmentsByContentId  decoded attachment files by normalized ContentId
     */
    public SignatureCheck verify(Document document, Map<String, Path> attachmentsByContentId) {
        List<Element> signatures = findSignatures(document);
        if (signatures.isEmpty()) {
            return SignatureCheck.absent();
        }
        if (signatures.size() > 1) {
            return SignatureCheck.invalid("the header holds " + signatures.size() + " signatures; one is expected");
        }
        Element signature = signatures.get(0);
        SignatureInspection.Result shape = SignatureInspection.inspect(signature, attachmentsByContentId.keySet(),
                maxAttachments + 1);
        if (shape.refusal() != null) {
            return SignatureCheck.invalid(shape.refusal());
        }
        XMLSignatureFactory factory = DsigFactory.get();
        CertificateKeySelector keys = new CertificateKeySelector(
                shape.legacy() ? DsigShape.MIN_LEGACY_RSA_BITS : DsigShape.MIN_RSA_BITS);
        try (AttachmentDereferencer dereferencer = new AttachmentDereferencer(factory.getURIDereferencer(),
                attachmentsByContentId)) {
            DOMValidateContext context = new DOMValidateContext(keys, signature);
            context.setURIDereferencer(dereferencer);
            // the JDK's secure validation refuses SHA-1 and > 30 references; the inspection above enforces the rest
            context.setProperty(DsigFactory.SECURE_VALIDATION,
                    !shape.legacy() && shape.references() <= DsigFactory.JDK_MAX_REFERENCES);
            XMLSignature xmlSignature = factory.unmarshalXMLSignature(context);
            if (!xmlSignature.validate(context)) {
                return withSigner(SignatureCheck.invalid(whyInvalid(xmlSignature, context)), keys, shape);
            }
            Optional<String> untrusted = trust.problem(keys.certificate());
            if (untrusted.isPresent()) {
                return withSigner(SignatureCheck.invalid(untrusted.get()), keys, shape);
            }
            String what = shape.scope() == SignatureScope.WHOLE_DOCUMENT ? "the whole document"
                    : "the envelope and " + (shape.references() - 1) + " attachment digest(s)";
            String reason = "verified over " + what + (shape.legacy() ? " with SHA-1 (legacy)" : "")
                    + (trust.configured() ? "; signer trusted" : "; signer not checked against a truststore");
            return new SignatureCheck(shape.legacy() ? SignatureStatus.VALID_LEGACY_SHA1 : SignatureStatus.VALID,
                    reason, subject(keys), shape.scope());
        } catch (MarshalException | XMLSignatureException e) {
            return withSigner(SignatureCheck.invalid("the signature cannot be verified: " + rootMessage(e)), keys,
                    shape);
        }
    }

    /** ds:Signature elements of edXMLHeader (directly or inside edXML:DigitalSignature). */
    static List<Element> findSignatures(Document document) {
        List<Element> found = new ArrayList<>();
        Optional<Element> header = Dom.path(document, EdxmlNames.ENVELOPE, EdxmlNames.HEADER);
        if (header.isEmpty()) {
            return found;
        }
        found.addAll(SignatureInspection.dsChildren(header.get(), EdxmlNames.SIGNATURE));
        for (Element wrapper : Dom.children(header.get(), EdxmlNames.DIGITAL_SIGNATURE)) {
            found.addAll(SignatureInspection.dsChildren(wrapper, EdxmlNames.SIGNATURE));
        }
        return found;
    }

    /** The scope a present signature claims, without verifying it; empty when absent or not of an accepted shape. */
    static Optional<SignatureScope> claimedScope(Document document, Map<String, Path> attachmentsByContentId,
                                                 int maxReferences) {
        List<Element> signatures = findSignatures(document);
        if (signatures.size() != 1) {
            return Optional.empty();
        }
        return Optional.ofNullable(SignatureInspection.inspect(signatures.get(0), attachmentsByContentId.keySet(),
                maxReferences).scope());
    }

    private static String whyInvalid(XMLSignature signature, DOMValidateContext context) throws XMLSignatureException {
        for (Object item : signature.getSignedInfo().getReferences()) {
            Reference reference = (Reference) item;
            if (!reference.validate(context)) {
                String uri = reference.getURI();
                return uri == null || uri.isEmpty() ? "the digest of the signed document does not match: it was "
                        + "changed after signing"
                        : "the digest of attachment '" + ContentIds.fromUri(uri) + "' does not match: it was changed "
                        + "after signing";
            }
        }
        return "the signature value does not match SignedInfo (another key, or SignedInfo was changed)";
    }

    private static SignatureCheck withSigner(SignatureCheck check, CertificateKeySelector keys,
                                             SignatureInspection.Result shape) {
        return new SignatureCheck(check.status(), check.reason(), subject(keys), shape.scope());
    }

    private static String subject(CertificateKeySelector keys) {
        return keys.certificate() == null ? null : keys.certificate().getSubjectX500Principal().getName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : e.getMessage();
    }
}
