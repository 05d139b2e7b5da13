package vn.lienthong.edxml;

import java.security.Key;
import java.security.KeyException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;

import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.XMLStructure;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;

/**
 * Takes the verification key from the signature's own KeyInfo (X509Certificate, else RSAKeyValue) and remembers the
 * certificate for the trust check. Only RSA keys, of at least 2048 bits (1024 for legacy SHA-1 signatures).
 */
final class CertificateKeySelector extends KeySelector {

    private final int minBits;
    private X509Certificate certificate;

    CertificateKeySelector(int minBits) {
        this.minBits = minBits;
    }

    X509Certificate certificate() {
        return certificate;
    }

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                    XMLCryptoContext context) throws KeySelectorException {
        if (keyInfo == null) {
            throw new KeySelectorException("the Signature has no KeyInfo");
        }
        PublicKey key = null;
        for (XMLStructure item : keyInfo.getContent()) {
            if (item instanceof X509Data data) {
                for (Object content : data.getContent()) {
                    if (content instanceof X509Certificate cert && key == null) {
                        certificate = cert;
                        key = cert.getPublicKey();
                    }
                }
            } else if (item instanceof KeyValue value && key == null) {
                try {
                    key = value.getPublicKey();
                } catch (KeyException e) {
                    throw new KeySelectorException("unreadable KeyValue", e);
                }
            }
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new KeySelectorException(key == null ? "KeyInfo holds no certificate or key" : "only RSA keys are accepted");
        }
        if (rsa.getModulus().bitLength() < minBits) {
            throw new KeySelectorException("the RSA key has " + rsa.getModulus().bitLength() + " bits; at least "
                    + minBits + " are required");
        }
        Key selected = key;
        return () -> selected;
    }
}
