package vn.lienthong.edxml;

/** What an edXML signature covers (see docs/edxml-quirks.md, "Signatures"). */
public enum SignatureScope {
    /** Reference URI "" with the enveloped transform and exclusive c14n: the whole file, attachments included. */
    WHOLE_DOCUMENT,
    /**
     * Reference URI "" that also leaves out the base64 text of every attachment (XPath filter), plus one reference
     * {@code cid:<ContentId>} per attachment whose SHA-256 digest covers its decoded bytes: for files too large for a DOM.
     */
    ENVELOPE_AND_ATTACHMENT_DIGESTS
}
