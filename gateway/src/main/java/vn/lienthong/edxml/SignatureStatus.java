package vn.lienthong.edxml;

/** What the XML-DSig signature of an incoming document says. */
public enum SignatureStatus {
    /** Verified with RSA-SHA256 (or stronger) and SHA-256 (or stronger) digests. */
    VALID,
    /** Verified, but it uses RSA-SHA1 or SHA-1 digests: accepted from legacy vendors, flagged. */
    VALID_LEGACY_SHA1,
    /** Present but it does not verify, uses a refused algorithm or shape, or cannot be checked; see the reason. */
    INVALID,
    /** No signature. */
    ABSENT
}
