package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.edxml.EdxmlFixtures.resource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.lienthong.contract.Problem;

/** Given signed, tampered, legacy and unsigned files, when read, then the signature status says so. */
class SignatureTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentSignedWithTheDevKeyVerifiesOverTheWholeDocument() throws Exception {
        Path file = signed(EdxmlFixtures.properties(dir));

        EdxmlDocument doc = reader(EdxmlFixtures.properties(dir)).readDocument(file);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(doc.signature().scope()).isEqualTo(SignatureScope.WHOLE_DOCUMENT);
        assertThat(doc.signature().signer()).contains("DEV ONLY");
        assertThat(doc.signature().reason()).isEqualTo(
                "verified over the whole document; signer not checked against a truststore");
        String xml = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(xml).as(xml.substring(xml.indexOf("<ds:Signature"), xml.indexOf("</ds:SignedInfo>")))
                .contains("<ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>")
                .contains("<ds:DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"/>")
                .contains("Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"")
                .contains("<ds:Reference URI=\"\">");
        assertThat(xml.indexOf("<ds:Signature")).isBetween(xml.indexOf("</TraceHeaderList>"), xml.indexOf("</edXMLHeader>"));
    }

    @Test
    void aTamperedDocumentIsRejectedByDefault() {
        Path file = tamper(signed(EdxmlFixtures.properties(dir)), "V/v triển khai", "V/v hủy bỏ");
        Path spool = dir.resolve("spool");

        EdxmlRejectedException e = EdxmlFixtures.rejected(() -> reader(EdxmlFixtures.properties(spool)).read(file));

        assertThat(e.problems()).containsExactly(new Problem(EdxmlNames.SIGNATURE_PATH, "the signature is invalid: "
                + "the digest of the signed document does not match: it was changed after signing"));
        assertThat(EdxmlFixtures.spoolFiles(spool)).as("no spooled attachment is left behind").isZero();
    }

    @Test
    void aTamperedDocumentPassesFlaggedWhenThePolicySaysFlag() {
        Path file = tamper(signed(EdxmlFixtures.properties(dir)), "V/v triển khai", "V/v hủy bỏ");

        EdxmlDocument doc = reader(EdxmlFixtures.flagging(dir)).readDocument(file);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(doc.warnings()).extracting(Problem::message).singleElement().asString()
                .startsWith("the signature is invalid (flagged, not rejected)");
    }

    @Test
    void aChangedAttachmentBreaksAWholeDocumentSignature() {
        Path file = signed(EdxmlFixtures.properties(dir));
        String xml = read(file);
        int at = xml.indexOf("<ContentTransferEncoded>") + "<ContentTransferEncoded>".length() + 8;
        char changed = xml.charAt(at) == 'A' ? 'B' : 'A';
        Path tampered = EdxmlFixtures.write(dir, "t.edxml", xml.substring(0, at) + changed + xml.substring(at + 1));

        EdxmlDocument doc = reader(EdxmlFixtures.flagging(dir)).readDocument(tampered);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void aLargeDocumentIsSignedOverTheEnvelopeAndEachAttachmentsDigest() {
        EdxmlProperties envelopeOnly = EdxmlFixtures.properties(dir).withSigning(
                new EdxmlProperties.Signing(null, null, null, DataSize.ofBytes(100)));
        Path file = signed(envelopeOnly);

        EdxmlDocument doc = reader(envelopeOnly).readDocument(file);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.VALID);
        assertThat(doc.signature().scope()).isEqualTo(SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS);
        assertThat(doc.signature().reason()).startsWith("verified over the envelope and 2 attachment digest(s)");
        assertThat(read(file)).contains("<ds:Reference URI=\"cid:a1\">").contains("<ds:Reference URI=\"cid:a2\">")
                .contains("not(ancestor-or-self::ed:ContentTransferEncoded)");
    }

    @Test
    void aChangedAttachmentBreaksAnEnvelopeSignatureAndIsNamed() {
        EdxmlProperties envelopeOnly = EdxmlFixtures.properties(dir).withSigning(
                new EdxmlProperties.Signing(null, null, null, DataSize.ofBytes(100)))
                .withVerification(new EdxmlProperties.Verification(EdxmlProperties.InvalidSignaturePolicy.FLAG,
                        null, null, null));
        String xml = read(signed(envelopeOnly));
        int at = xml.lastIndexOf("<ContentTransferEncoded>") + "<ContentTransferEncoded>".length();
        String original = xml.substring(at, at + 4);
        String replaced = Base64.getEncoder().encodeToString("ABC".getBytes(StandardCharsets.US_ASCII));
        assertThat(replaced).isNotEqualTo(original);
        Path tampered = EdxmlFixtures.write(dir, "t.edxml", xml.substring(0, at) + replaced + xml.substring(at + 4));

        EdxmlDocument doc = reader(envelopeOnly).readDocument(tampered);
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(doc.signature().reason()).isEqualTo(
                "the digest of attachment 'a2' does not match: it was changed after signing");
    }

    @Test
    void aLegacyVendorsSha1SignatureIsValidButFlaggedAsLegacy() {
        EdxmlDocument doc = reader(EdxmlFixtures.properties(dir)).readDocument(resource("signed-sha1-legacy.edxml"));
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.VALID_LEGACY_SHA1);
        assertThat(doc.signature().signer()).contains("CN=Phan mem QLVB cua nha cung cap");
        assertThat(doc.signature().reason()).contains("with SHA-1 (legacy)");
    }

    @Test
    void theSignerCanProduceALegacySha1SignatureForTests() {
        EdxmlSigner dev = EdxmlFixtures.devSigner();
        EdxmlSigner sha1 = new EdxmlSigner(devKey(), dev.certificate(), DsigAlgorithm.RSA_SHA1);
        Path file = dir.resolve("sha1.edxml");
        new EdxmlWriter(EdxmlFixtures.properties(dir)).write(EdxmlFixtures.sampleStatus(), file, sha1);

        EdxmlStatus status = reader(EdxmlFixtures.properties(dir)).readStatus(file);

        assertThat(status.signature().status()).isEqualTo(SignatureStatus.VALID_LEGACY_SHA1);
    }

    @Test
    void aVendorsSha256SignatureInsideDigitalSignatureIsValid() {
        EdxmlDocument doc = reader(EdxmlFixtures.properties(dir)).readDocument(resource("signed-vendor-sha256.edxml"));
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void anUnsignedDocumentIsAbsent() {
        EdxmlDocument doc = reader(EdxmlFixtures.properties(dir)).readDocument(resource("document.edxml"));
        assertThat(doc.signature()).isEqualTo(SignatureCheck.absent());
    }

    @Test
    void aSignedStatusMessageVerifies() {
        Path file = dir.resolve("status.edxml");
        new EdxmlWriter(EdxmlFixtures.properties(dir)).write(EdxmlFixtures.sampleStatus(), file,
                EdxmlFixtures.devSigner());

        assertThat(reader(EdxmlFixtures.properties(dir)).readStatus(file).signature().status())
                .isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void withATruststoreOnlyTrustedSignersAreValid() throws Exception {
        Path trusted = truststore("vendor", vendorCertificate());
        Path other = truststore("dev", EdxmlFixtures.devSigner().certificate());

        SignatureCheck withVendor = reader(withTruststore(trusted))
                .readDocument(resource("signed-vendor-sha256.edxml")).signature();
        SignatureCheck withDevOnly = reader(withTruststore(other))
                .readDocument(resource("signed-vendor-sha256.edxml")).signature();

        assertThat(withVendor.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(withVendor.reason()).endsWith("; signer trusted");
        assertThat(withDevOnly.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(withDevOnly.reason()).contains("is not trusted");
    }

    @Test
    void aReferenceToAnExternalUriIsRefusedWithoutFetchingIt() {
        Path file = tamper(signed(EdxmlFixtures.properties(dir)), "<ds:Reference URI=\"\">",
                "<ds:Reference URI=\"http://attacker.example/x\">");

        EdxmlDocument doc = reader(EdxmlFixtures.flagging(dir)).readDocument(file);
        assertThat(doc.signature().reason()).isEqualTo("reference URI 'http://attacker.example/x' is not "
                + "accepted (only \"\" and cid: attachment references without transforms)");
    }

    @Test
    void aWholeDocumentSignatureOverTheVerificationLimitIsNotVerified() {
        EdxmlProperties tight = EdxmlFixtures.flagging(dir).withVerification(new EdxmlProperties.Verification(
                EdxmlProperties.InvalidSignaturePolicy.FLAG, DataSize.ofKilobytes(1), null, null));

        EdxmlDocument doc = reader(tight).readDocument(signed(EdxmlFixtures.properties(dir)));
        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(doc.signature().reason()).contains("is not verified (limit");
    }

    private Path signed(EdxmlProperties properties) {
        Path file = dir.resolve("signed-" + System.nanoTime() + ".edxml");
        new EdxmlWriter(properties).write(EdxmlFixtures.sampleDocument(dir), file, EdxmlFixtures.devSigner());
        return file;
    }

    private Path tamper(Path file, String from, String to) {
        String xml = read(file);
        assertThat(xml).contains(from);
        return EdxmlFixtures.write(dir, "tampered.edxml", xml.replace(from, to));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static EdxmlReader reader(EdxmlProperties properties) {
        return new EdxmlReader(properties);
    }

    private EdxmlProperties withTruststore(Path truststore) {
        return EdxmlFixtures.properties(dir).withVerification(new EdxmlProperties.Verification(
                EdxmlProperties.InvalidSignaturePolicy.FLAG, null, truststore.toString(), "changeit"));
    }

    private Path truststore(String alias, X509Certificate certificate) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry(alias, certificate);
        Path file = dir.resolve(alias + "-trust.p12");
        try (var out = Files.newOutputStream(file)) {
            store.store(out, "changeit".toCharArray());
        }
        return file;
    }

    private static X509Certificate vendorCertificate() throws Exception {
        try (InputStream in = Files.newInputStream(resource("vendor-certificate.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey devKey() {
        KeyStore store = KeyStores.load(DevKey.LOCATION, DevKey.PASSWORD);
        try {
            return (PrivateKey) store.getKey(DevKey.ALIAS, DevKey.PASSWORD.toCharArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
