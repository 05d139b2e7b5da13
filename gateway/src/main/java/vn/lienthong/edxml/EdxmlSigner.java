package vn.lienthong.edxml;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.crypto.dsig.spec.XPathFilterParameterSpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs outgoing edXML with the configured PKCS#12 key: an enveloped XML-DSig Signature, last child of edXMLHeader,
 * RSA-SHA256 with SHA-256 digests and exclusive canonicalisation, the certificate in KeyInfo. {@link EdxmlWriter}
 * chooses the {@link SignatureScope}.
 */
public final class EdxmlSigner {

    private static final Logger log = LoggerFactory.getLogger(EdxmlSigner.class);

    private final PrivateKey key;
    private final X509Certificate certificate;
    private final DsigAlgorithm algorithm;

    public EdxmlSigner(PrivateKey key, X509Certificate certificate) {
        this(key, certificate, DsigAlgorithm.RSA_SHA256);
    }

    /** RSA-SHA1 exists only so tests can produce what legacy vendors send. */
    EdxmlSigner(PrivateKey key, X509Certificate certificate, DsigAlgorithm algorithm) {
        this.key = key;
        this.certificate = certificate;
        this.algorithm = algorithm;
    }

    public static EdxmlSigner fromProperties(EdxmlProperties.Signing signing) {
        EdxmlSigner signer = load(signing.keystore(), signing.password(), signing.alias());
        if (signer.isDevKey()) {
            log.warn("edXML documents are signed with the shipped DEV key ({}); set lienthong.edxml.signing.keystore "
                    + "to the agency's key before production", signing.keystore());
        }
        return signer;
    }

    public static EdxmlSigner load(String keystore, String password, String alias) {
        KeyStore store = KeyStores.load(keystore, password);
        try {
            if (!(store.getKey(alias, password.toCharArray()) instanceof PrivateKey privateKey)
                    || !(store.getCertificate(alias) instanceof X509Certificate cert)) {
                throw new IllegalStateException("keystore " + keystore + " has no private key with certificate '"
                        + alias + "'");
            }
            return new EdxmlSigner(privateKey, cert);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read key '" + alias + "' from " + keystore, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** True for the shipped development key, which must never sign in production. */
    public boolean isDevKey() {
        return certificate.getSubjectX500Principal().getName().contains("(DEV ONLY)");
    }

    /**
     * Adds the Signature to {@code doc}'s edXMLHeader.
     *
     * @param attachments decoded attachment files by normalized ContentId; used with ENVELOPE_AND_ATTACHMENT_DIGESTS
     */
    void sign(Document doc, SignatureScope scope, Map<String, Path> attachments) {
        Element header = Dom.path(doc, EdxmlNames.ENVELOPE, EdxmlNames.HEADER)
                .orElseThrow(() -> new IllegalArgumentException("no edXMLHeader to sign"));
        XMLSignatureFactory factory = DsigFactory.get();
        try (AttachmentDereferencer dereferencer = new AttachmentDereferencer(factory.getURIDereferencer(),
                attachments)) {
            DigestMethod digest = factory.newDigestMethod(algorithm.digestMethod, null);
            List<Transform> transforms = new ArrayList<>();
            transforms.add(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
            if (scope == SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS) {
                transforms.add(factory.newTransform(Transform.XPATH, new XPathFilterParameterSpec(
                        DsigShape.WITHOUT_ATTACHMENT_CONTENT, DsigShape.XPATH_NAMESPACES)));
            }
            transforms.add(factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null));
            List<Reference> references = new ArrayList<>();
            references.add(factory.newReference("", digest, transforms, null, null));
            if (scope == SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS) {
                attachments.keySet().forEach(id -> references.add(factory.newReference(ContentIds.toUri(id), digest)));
            }
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(algorithm.signatureMethod, null), references);
            KeyInfoFactory keys = factory.getKeyInfoFactory();
            var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.of(certificate))));
            DOMSignContext context = new DOMSignContext(key, header);
            context.setDefaultNamespacePrefix("ds");
            context.setURIDereferencer(dereferencer);
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new IllegalStateException("cannot sign the edXML document: " + e.getMessage(), e);
        }
    }
}
