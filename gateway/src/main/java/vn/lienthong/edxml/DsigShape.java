package vn.lienthong.edxml;

import java.util.Map;
import java.util.Set;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;

/** The algorithms and transforms an edXML signature may use, and the XPath that leaves attachment content out. */
final class DsigShape {

    /** Selects everything except the base64 text of attachments (and the element holding it). */
    static final String WITHOUT_ATTACHMENT_CONTENT = "not(ancestor-or-self::ed:" + EdxmlNames.CONTENT + ")";
    static final Map<String, String> XPATH_NAMESPACES = Map.of("ed", EdxmlNames.NS);

    static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");
    static final Set<String> SIGNATURE_METHODS = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512);
    static final Set<String> DIGEST_METHODS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);
    static final Set<String> TRANSFORMS;

    static {
        var transforms = new java.util.HashSet<>(CANONICALIZATIONS);
        transforms.add(Transform.ENVELOPED);
        transforms.add(Transform.XPATH);
        TRANSFORMS = Set.copyOf(transforms);
    }

    static final int MAX_TRANSFORMS = 5;
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_LEGACY_RSA_BITS = 1024;

    private DsigShape() {
    }
}
