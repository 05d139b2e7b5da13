package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.lienthong.support.EdxmlTree;

/**
 * The gateway signs the sender's own tree: what comes out is what went in plus one ds:Signature, whichever scope the
 * attachments' size picks, and the signature verifies.
 */
class SenderTreeSigningTest {

    @TempDir
    Path dir;

    @Test
    void aSmallDocumentIsSignedWholeAndKeepsEveryNodeAndTheAttachmentTextAsWritten() throws Exception {
        byte[] signed = signAndCheck(EdxmlFixtures.properties(dir.resolve("spool")), SignatureScope.WHOLE_DOCUMENT);

        assertThat(new String(signed, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<edXML:DigitalSignature/>"); // the SDK's empty wrapper stays where the sender put it
    }

    @Test
    void aLargeDocumentIsSignedOverTheEnvelopeAndDigestsAndStillKeepsEveryNode() throws Exception {
        EdxmlProperties properties = EdxmlFixtures.properties(dir.resolve("spool")).withSigning(
                new EdxmlProperties.Signing(null, null, null, DataSize.ofBytes(1000)));

        signAndCheck(properties, SignatureScope.ENVELOPE_AND_ATTACHMENT_DIGESTS);
    }

    @Test
    void readingWithTheSourceLeavesNothingInTheSpoolOnceClosed() {
        Path spool = dir.resolve("spool");
        EdxmlReader reader = new EdxmlReader(EdxmlFixtures.properties(spool));

        SourcedEdxml read = reader.readWithSource(EdxmlFixtures.resource("document.edxml"));
        ((EdxmlDocument) read.message()).deleteSpooledFiles();
        read.source().close();

        assertThat(EdxmlFixtures.spoolFiles(spool)).isZero();
    }

    private byte[] signAndCheck(EdxmlProperties properties, SignatureScope expected) throws Exception {
        byte[] original = Files.readAllBytes(EdxmlFixtures.resource("document.edxml"));
        EdxmlReader reader = new EdxmlReader(properties);
        SourcedEdxml read = reader.readWithSource(EdxmlFixtures.resource("document.edxml"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EdxmlSource source = read.source()) {
            new EdxmlWriter(properties).sign(source, out, EdxmlFixtures.devSigner());
        } finally {
            ((EdxmlDocument) read.message()).deleteSpooledFiles();
        }
        byte[] signed = out.toByteArray();

        assertThat(EdxmlTree.withoutSignature(signed)).containsExactlyElementsOf(EdxmlTree.of(original));
        try (EdxmlDocument again = reader.readDocument(EdxmlFixtures.write(dir, "signed.edxml", signed))) {
            assertThat(again.signature().status()).isEqualTo(SignatureStatus.VALID);
            assertThat(again.signature().scope()).isEqualTo(expected);
            assertThat(again.attachments()).extracting(EdxmlAttachment::sha256)
                    .containsExactly(EdxmlFixtures.PDF_SHA256, EdxmlFixtures.TXT_SHA256);
        }
        return signed;
    }
}
