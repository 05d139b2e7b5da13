package vn.lienthong.edxml;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Whether a signer's certificate is trusted: listed in the configured truststore, or issued directly by a certificate
 * there (PKIX, no revocation checking). Without a truststore every signer passes: the signature then proves the file
 * is unchanged, not who signed it.
 */
final class SignerTrust {

    private final KeyStore truststore;

    private SignerTrust(KeyStore truststore) {
        this.truststore = truststore;
    }

    static SignerTrust anySigner() {
        return new SignerTrust(null);
    }

    static SignerTrust fromProperties(EdxmlProperties.Verification verification) {
        return verification.truststore() == null || verification.truststore().isBlank() ? anySigner()
                : new SignerTrust(KeyStores.load(verification.truststore(), verification.truststorePassword()));
    }

    boolean configured() {
        return truststore != null;
    }

    /** Empty when trusted, otherwise why not. */
    Optional<String> problem(X509Certificate signer) {
        if (truststore == null) {
            return Optional.empty();
        }
        if (signer == null) {
            return Optional.of("the signature carries no certificate to check against the truststore");
        }
        try {
            if (truststore.getCertificateAlias(signer) != null) {
                signer.checkValidity();
                return Optional.empty();
            }
            PKIXParameters parameters = new PKIXParameters(truststore);
            parameters.setRevocationEnabled(false);
            var path = CertificateFactory.getInstance("X.509").generateCertPath(List.of(signer));
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            return Optional.of("the signer " + signer.getSubjectX500Principal().getName() + " is not trusted: "
                    + e.getMessage());
        }
    }
}
