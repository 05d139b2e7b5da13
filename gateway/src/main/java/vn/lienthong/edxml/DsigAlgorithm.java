package vn.lienthong.edxml;

import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;

/** Signature + digest pairs the signer can write: RSA-SHA256 in production; RSA-SHA1 only to produce legacy samples. */
enum DsigAlgorithm {
    RSA_SHA256(SignatureMethod.RSA_SHA256, DigestMethod.SHA256),
    RSA_SHA1(SignatureMethod.RSA_SHA1, DigestMethod.SHA1);

    final String signatureMethod;
    final String digestMethod;

    DsigAlgorithm(String signatureMethod, String digestMethod) {
        this.signatureMethod = signatureMethod;
        this.digestMethod = digestMethod;
    }
}
