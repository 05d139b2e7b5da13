package vn.lienthong.edxml;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads a Signature element before the XML-DSig API touches it and refuses every shape the gateway does not sign or
 * accept: other algorithms, transforms, reference URIs or counts, RetrievalMethod, a signature that does not cover the
 * document, or one that leaves an attachment uncovered. What passes is one of the two {@link SignatureScope}s, and is
 * marked legacy when it uses SHA-1 (the JDK's secure validation is then turned off, this inspection standing in).
 */
final class SignatureInspection {

    /** The scope of an accepted signature, whether it uses SHA-1, or why it is refused. */
    record Result(SignatureScope scope, boolean legacy, int references, String refusal) {

        static Result refused(String reason) {
            return new Result(null, false, 0, reason);
        }
    }

    private SignatureInspection() {
    }

    static Result inspect(Element signature, Set<String> attachmentIds, int maxReferences) {
        Element signedInfo = dsChild(signature, "SignedInfo");
        if (signedInfo == null) {
            return Result.refused("the Signature has no SignedInfo");
        }
        String c14n = algorithm(dsChild(signedInfo, "CanonicalizationMethod"));
        if (!DsigShape.CANONICALIZATIONS.contains(c14n)) {
            return Result.refused("canonicalization '" + c14n + "' is not accepted");
        }
        String method = algorithm(dsChild(signedInfo, "SignatureMethod"));
        boolean legacy = SignatureMethod.RSA_SHA1.equals(method);
        if (!legacy && !DsigShape.SIGNATURE_METHODS.contains(method)) {
            return Result.refused("signature algorithm '" + method + "' is not accepted (RSA-SHA256/384/512; "
                    + "RSA-SHA1 as legacy)");
        }
        Element keyInfo = dsChild(signature, "KeyInfo");
        if (keyInfo != null && dsChild(keyInfo, "RetrievalMethod") != null) {
            return Result.refused("KeyInfo/RetrievalMethod is not accepted");
        }
        List<Element> references = dsChildren(signedInfo, "Reference");
        if (references.isEmpty() || references.size() > maxReferences) {
            return Result.refused("the Signature has " + references.size() + " references (1 to " + maxReferences
                    + " accepted)");
        }
        Element whole = null;
        Set<String> covered = new HashSet<>();
        for (Element reference : references) {
            if (!reference.hasAttribute("URI")) {
                return Result.refused("a Reference without URI is not accepted");
            }
            String uri = reference.getAttribute("URI");
            String digest = algorithm(dsChild(reference, "DigestMethod"));
            if (DigestMethod.SHA1.equals(digest)) {
                legacy = true;
            } else if (!DsigShape.DIGEST_METHODS.contains(digest)) {
                return Result.refused("digest algorithm '" + digest + "' is not accepted (SHA-256/384/512; SHA-1 "
                        + "as legacy)");
            }
            List<Element> transforms = transforms(reference);
            if (transforms.size() > DsigShape.MAX_TRANSFORMS) {
                return Result.refused("a Reference has more than " + DsigShape.MAX_TRANSFORMS + " transforms");
            }
            for (Element transform : transforms) {
                String problem = transformProblem(transform);
                if (problem != null) {
                    return Result.refused(problem);
                }
            }
            if (uri.isEmpty()) {
                if (whole != null) {
                    return Result.refused("more than one Reference with URI \"\"");
                }
                whole = reference;
            } else if (ContentIds.fromUri(uri) != null && transforms.isEmpty()) {
                covered.add(ContentIds.fromUri(uri));
            } else {
                return Result.refused("reference URI '" + uri + "' is not accepted (only \"\" and cid: attachment "
                        + "references without transforms)");
            }
        }
        if (whole == null || !hasTransform(whole, Transform.ENVELOPED)) {
            return Result.refused("no Reference covers the document (URI \"\" with the enveloped-signature transform)");
        }
        if (!hasTransform(whole, Transform.XPATH)) {
            if (!covered.isEmpty()) {
                return Result.refused("a whole-document signature must not carry attachment references");
            }
            return new Result(SignatureScope.WHOLE_DOCUMENT, legacy, references.size(), null);
        }
        Set<String> uncovered = new HashSet<>(attachmentIds);
        uncovered.removeAll(covered);
        if (!uncovered.isEmpty()) {
            return Result.refused("the signature leaves attachment(s) " + uncovered + " uncovered");
        }
        covered.removeAll(attachmentIds);
        if (!covered.isEmpty()) {
            return Result.refused("the signature references attachment(s) " + covered + " the document does not have");
        }
        return new Result(SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS, legacy, references.size(), null);
    }

    private static String transformProblem(Element transform) {
        String algorithm = algorithm(transform);
        if (!DsigShape.TRANSFORMS.contains(algorithm)) {
            return "transform '" + algorithm + "' is not accepted";
        }
        if (Transform.XPATH.equals(algorithm)) {
            Element xpath = dsChild(transform, "XPath");
            if (xpath == null || !DsigShape.WITHOUT_ATTACHMENT_CONTENT.equals(xpath.getTextContent().strip())
                    || !EdxmlNames.NS.equals(xpath.lookupNamespaceURI("ed"))) {
                return "only the XPath filter '" + DsigShape.WITHOUT_ATTACHMENT_CONTENT + "' (ed = " + EdxmlNames.NS
                        + ") is accepted";
            }
        }
        return null;
    }

    private static boolean hasTransform(Element reference, String algorithm) {
        return transforms(reference).stream().anyMatch(t -> algorithm.equals(algorithm(t)));
    }

    private static List<Element> transforms(Element reference) {
        Element transforms = dsChild(reference, "Transforms");
        return transforms == null ? List.of() : dsChildren(transforms, "Transform");
    }

    private static String algorithm(Element element) {
        return element == null ? null : element.getAttribute("Algorithm");
    }

    static Element dsChild(Element parent, String name) {
        List<Element> found = dsChildren(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> dsChildren(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && EdxmlNames.DSIG_NS.equals(e.getNamespaceURI())) {
                found.add(e);
            }
        }
        return found;
    }
}
