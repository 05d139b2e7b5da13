package vn.lienthong.edxml;

/**
 * The outcome of checking a signature.
 *
 * @param status  VALID, VALID_LEGACY_SHA1, INVALID or ABSENT
 * @param reason  why, in one sentence (which reference failed, which algorithm was refused, ...)
 * @param signer  subject of the signer's certificate, when there was one
 * @param scope   what the signature covers, when it was read
 */
public record SignatureCheck(SignatureStatus status, String reason, String signer, SignatureScope scope) {

    public static SignatureCheck absent() {
        return new SignatureCheck(SignatureStatus.ABSENT, "the document is not signed", null, null);
    }

    public static SignatureCheck invalid(String reason) {
        return new SignatureCheck(SignatureStatus.INVALID, reason, null, null);
    }

    public boolean verified() {
        return status == SignatureStatus.VALID || status == SignatureStatus.VALID_LEGACY_SHA1;
    }
}
