package vn.lienthong.edxml;

/** Namespaces and the element names the library navigates by. */
final class EdxmlNames {

    static final String NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";

    static final String ROOT = "edXML";
    static final String ENVELOPE = "edXMLEnvelope";
    static final String HEADER = "edXMLHeader";
    static final String BODY = "edXMLBody";
    static final String MANIFEST = "edXMLManifest";
    static final String MESSAGE_HEADER = "MessageHeader";
    static final String TRACE_HEADER_LIST = "TraceHeaderList";
    static final String ATTACHMENT_ENCODED = "AttachmentEncoded";
    static final String ATTACHMENT = "Attachment";
    static final String CONTENT = "ContentTransferEncoded";
    static final String DIGITAL_SIGNATURE = "DigitalSignature";
    static final String SIGNATURE = "Signature";

    /** Where problems about the signature point. */
    static final String SIGNATURE_PATH = "/edXML/edXMLEnvelope/edXMLHeader/Signature";

    private EdxmlNames() {
    }
}
