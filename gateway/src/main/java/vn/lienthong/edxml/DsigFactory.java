package vn.lienthong.edxml;

import java.security.NoSuchProviderException;

import javax.xml.crypto.dsig.XMLSignatureFactory;

/** The JDK's own XML-DSig implementation, by name: Santuario (via CXF) would register another under "DOM". */
final class DsigFactory {

    /** JDK property: refuse weak algorithms, > 30 references, XSLT, file:/http: references, small keys. */
    static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";
    /** The JDK's secure-validation policy refuses more than this many references. */
    static final int JDK_MAX_REFERENCES = 30;

    private DsigFactory() {
    }

    static XMLSignatureFactory get() {
        try {
            return XMLSignatureFactory.getInstance("DOM", "XMLDSig");
        } catch (NoSuchProviderException e) {
            return XMLSignatureFactory.getInstance("DOM");
        }
    }
}
