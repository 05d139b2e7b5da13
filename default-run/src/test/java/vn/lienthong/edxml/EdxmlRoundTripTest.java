package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given a document or status built in code, when it is written and read back, then nothing is lost or changed. */
class EdxmlRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentSurvivesWriteAndRead() throws Exception {
        EdxmlDocument sent = EdxmlFixtures.sampleDocument(dir);
        Path file = dir.resolve("out.edxml");
        EdxmlProperties properties = EdxmlFixtures.properties(dir.resolve("spool"));

        List<EdxmlAttachment> written = new EdxmlWriter(properties).write(sent, file, null);

        EdxmlDocument received = new EdxmlReader(properties).readDocument(file);
        assertThat(received).usingRecursiveComparison()
                .ignoringFields("attachments", "signature", "warnings")
                .isEqualTo(sent);
        assertThat(received.attachments()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            EdxmlAttachment in = received.attachments().get(i);
            EdxmlAttachment out = sent.attachments().get(i);
            assertThat(in.contentId()).isEqualTo(out.contentId());
            assertThat(in.name()).isEqualTo(out.name());
            assertThat(in.contentType()).isEqualTo(out.contentType());
            assertThat(in.description()).isEqualTo(out.description());
            assertThat(in.size()).isEqualTo(Files.size(out.spooledFile())).isEqualTo(written.get(i).size());
            assertThat(in.sha256()).isEqualTo(EdxmlFixtures.sha256(out.spooledFile()))
                    .isEqualTo(written.get(i).sha256());
        }
        assertThat(received.signature().status()).isEqualTo(SignatureStatus.ABSENT);
    }

    @Test
    void aStatusMessageSurvivesWriteAndRead() {
        EdxmlStatus sent = EdxmlFixtures.sampleStatus();
        Path file = dir.resolve("status.edxml");
        EdxmlProperties properties = EdxmlFixtures.properties(dir.resolve("spool"));

        new EdxmlWriter(properties).write(sent, file, null);
        EdxmlStatus received = new EdxmlReader(properties).readStatus(file);

        assertThat(received).usingRecursiveComparison().ignoringFields("signature").isEqualTo(sent);
    }

    @Test
    void theWrittenFileIsIndentedUtf8InTheDefaultNamespaceWithBase64InLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter(EdxmlProperties.defaults()).write(EdxmlFixtures.sampleDocument(dir), out);
        String xml = out.toString(StandardCharsets.UTF_8);

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXML xmlns=\"" + EdxmlNames.NS + "\">");
        assertThat(xml).contains("\n      <MessageHeader>\n        <From>\n          <OrganId>000.00.00.H31</OrganId>");
        assertThat(xml).contains("<Content>Nội dung có ký tự đặc biệt: &lt;, &gt;, &amp; và \"ngoặc kép\"</Content>");
        assertThat(xml).contains("<edXMLManifest version=\"1.0\">");
        String base64 = xml.substring(xml.indexOf("<ContentTransferEncoded>") + 24, xml.indexOf("</ContentTransferEncoded>"));
        assertThat(base64.lines()).allMatch(line -> line.length() <= 76);
        assertThat(base64).doesNotContain("\r");
    }

    @Test
    void aValueXmlCannotCarryIsRefusedWhenWriting() {
        EdxmlStatus status = EdxmlStatus.of(Organ.of("000.00.00.H41", "bad\u0001name"), null, null,
                StatusCode.ARRIVED, null, null);

        assertThatThrownBy(() -> new EdxmlWriter(EdxmlProperties.defaults()).write(status, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrganName contains a character XML cannot carry: U+0001");
    }
}
