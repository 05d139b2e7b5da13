package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.edxml.EdxmlFixtures.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.contract.Problem;

/** The quirks of real files, each accepted or refused as docs/edxml-quirks.md decides. */
class QuirksTest {

    @TempDir
    Path dir;

    private EdxmlReader reader;

    @BeforeEach
    void setUp() {
        reader = new EdxmlReader(EdxmlFixtures.properties(dir.resolve("spool")));
    }

    @Test
    void aByteOrderMarkBeforeTheDeclarationIsSkippedWithAWarning() {
        EdxmlStatus status = readStatus(bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text("status.edxml")));

        assertThat(status.warnings()).containsExactly(
                new Problem("/", "skipped a UTF-8 byte order mark before the XML declaration"));
    }

    @Test
    void whitespaceAndAByteOrderMarkBeforeTheDeclarationAreSkipped() {
        EdxmlStatus status = readStatus(bytes(new byte[] {'\r', '\n', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' '},
                text("status.edxml")));

        assertThat(status.warnings()).containsExactly(new Problem("/",
                "skipped a UTF-8 byte order mark and 3 whitespace bytes before the XML declaration"));
    }

    @Test
    void otherJunkBeforeTheDeclarationIsRefusedAndShown() {
        EdxmlRejectedException e = rejected(bytes("--boundary\r\n".getBytes(StandardCharsets.US_ASCII),
                text("status.edxml")));

        assertThat(e.problems()).containsExactly(new Problem("/", "the file has bytes before the XML declaration "
                + "that are neither a byte order mark nor whitespace, starting at byte 0: "
                + "2D 2D 62 6F 75 6E 64 61 72 79 0D 0A 3C 3F 78 6D (\"--boundary..<?xm\"); "
                + "it is refused rather than guessed at"));
    }

    @Test
    void nulBytesBeforeTheDeclarationAreRefused() {
        EdxmlRejectedException e = rejected(bytes(new byte[] {0, 0, 0}, text("status.edxml")));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("the file has bytes before the XML declaration that are neither");
    }

    @Test
    void aDoubleEncodedByteOrderMarkIsRefusedAsGarbledText() {
        EdxmlRejectedException e = rejected(bytes("\u00EF\u00BB\u00BF".getBytes(StandardCharsets.UTF_8),
                text("status.edxml")));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .contains("double-encoded byte order mark").contains("garbled");
    }

    @Test
    void contentAfterTheRootElementIsRefused() {
        EdxmlRejectedException e = rejected(bytes(new byte[0], text("status.edxml") + "<edXML/>\u0000"));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("not well-formed XML at line");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(rejected(new byte[0]).problems()).containsExactly(new Problem("/", "the file is empty"));
    }

    @Test
    void aWrongNamespaceIsRefusedNamingBoth() {
        EdxmlRejectedException e = EdxmlFixtures.rejected(() -> reader.read(EdxmlFixtures.resource("wrong-namespace.edxml")));

        assertThat(e.problems()).containsExactly(new Problem("/edXML", "edXML is in namespace "
                + "'http://www.mic.gov.vn/TBT/QCVN_102_2016/'; QCVN 102:2016 requires " + EdxmlNames.NS));
    }

    @Test
    void aMissingNamespaceIsRefused() {
        EdxmlRejectedException e = rejected(text("status.edxml").replace(" xmlns=\"" + EdxmlNames.NS + "\"", "")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(e.problems()).containsExactly(new Problem("/edXML",
                "edXML has no namespace; QCVN 102:2016 requires " + EdxmlNames.NS));
    }

    @Test
    void anEnvelopeWithoutTheEdxmlRootIsRefused() {
        String xml = text("status.edxml");
        xml = xml.substring(xml.indexOf("<edXMLEnvelope>"), xml.indexOf("</edXML>"))
                .replace("<edXMLEnvelope>", "<edXMLEnvelope xmlns=\"" + EdxmlNames.NS + "\">");

        EdxmlRejectedException e = rejected(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith("the root element is 'edXMLEnvelope'");
    }

    @Test
    void aFourHundredKilobyteAttachmentWithCrlfLineBreaksIsAccepted() {
        byte[] content = new byte[300 * 1024];
        new Random(7).nextBytes(content);
        String base64 = Base64.getMimeEncoder().encodeToString(content); // 76 characters + CRLF
        String xml = text("document.edxml");
        int start = xml.indexOf("<ContentTransferEncoded>") + "<ContentTransferEncoded>".length();
        xml = xml.substring(0, start) + base64 + xml.substring(xml.indexOf("</ContentTransferEncoded>"));
        assertThat(base64.length()).isGreaterThan(400_000);

        EdxmlDocument doc = reader.readDocument(EdxmlFixtures.write(dir, "big.edxml", xml));
        EdxmlAttachment pdf = doc.attachments().get(0);
        assertThat(pdf.size()).isEqualTo(content.length);
        assertThat(pdf.sha256()).isEqualTo(EdxmlFixtures.sha256(EdxmlFixtures.write(dir, "expected", content)));
    }

    @Test
    void invalidBase64IsRefusedAtItsAttachment() {
        String xml = text("document.edxml").replaceFirst("<ContentTransferEncoded>(.{10})",
                "<ContentTransferEncoded>$1%");

        EdxmlRejectedException e = rejected(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(e.problems()).containsExactly(new Problem("/edXML/AttachmentEncoded/Attachment[1]/ContentTransferEncoded",
                "is not valid base64: character '%' at position 11"));
    }

    @Test
    void statusPartsInAnotherVendorsOrderAreAccepted() {
        String xml = text("status.edxml");
        String staff = xml.substring(xml.indexOf("        <StaffInfo>"), xml.indexOf("        <StatusCode>"));
        String from = xml.substring(xml.indexOf("        <From>"), xml.indexOf("        <ResponseFor>"));
        xml = xml.replace(staff, "").replace(from, "").replace("      </MessageHeader>", from + staff
                + "      </MessageHeader>");

        EdxmlStatus status = readStatus(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(status.from().organId()).isEqualTo("000.00.00.H41");
        assertThat(status.staffInfo().staff()).isEqualTo("Lê Văn Cường");
    }

    @Test
    void theSdksEdxmlSignaturePlaceholderIsReadAsNoSignatureWithAWarningNamingIt() {
        try (EdxmlDocument doc = readDocument(text("document.edxml").replace("<edXML:DigitalSignature />",
                "<edXML:Signature>MIIC...placeholder</edXML:Signature>"))) {
            assertThat(doc.signature().status()).isEqualTo(SignatureStatus.ABSENT);
            assertThat(doc.signature().reason()).contains("placeholder");
            assertThat(doc.warnings()).contains(new Problem("/edXML/edXMLEnvelope/edXMLHeader/Signature",
                    "an edXML-namespace Signature ('MIIC...placeholder') is the axis SDK's placeholder, not an "
                            + "XML-DSig signature: read as no XML-DSig signature"));
        }
    }

    @Test
    void aUuidDocumentIdIsAcceptedWithAWarning() {
        try (EdxmlDocument doc = readDocument(text("document.edxml").replace(
                "<edXML:DocumentId>000.00.00.H31,2025/07/15,1234/UBND-VP</edXML:DocumentId>",
                "<edXML:DocumentId>5b0f7c9e-1d2a-4e3b-8c4d-5e6f7a8b9c0d</edXML:DocumentId>"))) {
            assertThat(doc.documentId()).isEqualTo("5b0f7c9e-1d2a-4e3b-8c4d-5e6f7a8b9c0d");
            assertThat(doc.warnings()).extracting(Problem::message)
                    .contains("'5b0f7c9e-1d2a-4e3b-8c4d-5e6f7a8b9c0d' is a UUID, not OrganId,yyyy/MM/dd,"
                            + "Number/Notation; accepted");
        }
    }

    @Test
    void aTraceHeaderWithOnlyATimestampIsAcceptedWithAWarning() {
        try (EdxmlDocument doc = readDocument(text("document.edxml").replace(
                "<edXML:OrganId>000.00.00.H31</edXML:OrganId>\n          <edXML:Timestamp>", "<edXML:Timestamp>"))) {
            assertThat(doc.traceHeaders()).singleElement().satisfies(t -> assertThat(t.organId()).isNull());
            assertThat(doc.warnings()).contains(new Problem(
                    "/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader",
                    "has only a Timestamp (no OrganId); accepted"));
        }
    }

    @Test
    void anEmptyResponseForIsAbsentInADocumentAndRefusedInAStatus() {
        String xml = text("document.edxml");
        String responseFor = xml.substring(xml.indexOf("<edXML:ResponseFor>"),
                xml.indexOf("</edXML:ResponseFor>") + "</edXML:ResponseFor>".length());
        try (EdxmlDocument doc = readDocument(xml.replace(responseFor, "<edXML:ResponseFor/><edXML:ResponseFor>"
                + "<edXML:OrganId /><edXML:DocumentId> </edXML:DocumentId></edXML:ResponseFor>"))) {
            assertThat(doc.responseFor()).isEmpty();
            assertThat(doc.warnings()).extracting(Problem::message)
                    .filteredOn(m -> m.equals("is empty (or has only empty children): read as absent")).hasSize(2);
        }
        String status = text("status.edxml");
        EdxmlRejectedException e = rejected(status.substring(0, status.indexOf("<ResponseFor>"))
                + "<ResponseFor><OrganId/></ResponseFor>"
                + status.substring(status.indexOf("</ResponseFor>") + "</ResponseFor>".length()));
        assertThat(e.problems()).extracting(Problem::message).singleElement().asString()
                .startsWith("is empty; a status message says which document it is about");
    }

    @Test
    void anImpossibleDateIsAcceptedInAReferencedIdButNotInTheDocumentsOwn() {
        String xml = text("document.edxml").replace("<edXML:BussinessDocType>0</edXML:BussinessDocType>",
                "<edXML:BussinessDocType>2</edXML:BussinessDocType>"
                        + "<edXML:DocumentId>000.00.00.H31,2014/02/30,7806/UBND-VP</edXML:DocumentId>");
        try (EdxmlDocument doc = readDocument(xml)) {
            assertThat(doc.bussiness().documentId()).isEqualTo("000.00.00.H31,2014/02/30,7806/UBND-VP");
            assertThat(doc.warnings()).extracting(Problem::path)
                    .contains("/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/DocumentId");
        }
        EdxmlRejectedException e = rejected(xml.replace("000.00.00.H31,2025/07/15,1234/UBND-VP",
                "000.00.00.H31,2025/02/30,1234/UBND-VP"));
        assertThat(e.problems()).extracting(Problem::path)
                .containsExactly("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/DocumentId");
    }

    @Test
    void anUndeclaredPrefixIsNotWellFormedAndRefusedWithItsReason() {
        EdxmlRejectedException e = rejected(text("document.edxml").replace(
                "<edXML:Reference xmlns:xlink=\"http://www.w3.org/1999/xlink\" ", "<edXML:Reference "));

        assertThat(e.problems()).singleElement().extracting(Problem::message).asString().contains("xlink");
    }

    private EdxmlDocument readDocument(String xml) {
        return reader.readDocument(EdxmlFixtures.write(dir, "quirk.edxml", xml));
    }

    private EdxmlRejectedException rejected(String xml) {
        return rejected(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(byte[] prefix, String xml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(xml.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private EdxmlStatus readStatus(byte[] file) {
        return reader.readStatus(EdxmlFixtures.write(dir, "quirk.edxml", file));
    }

    private EdxmlRejectedException rejected(byte[] file) {
        Path path = EdxmlFixtures.write(dir, "quirk.edxml", file);
        return EdxmlFixtures.rejected(() -> reader.read(path));
    }
}
