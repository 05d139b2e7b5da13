package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.lienthong.edxml.EdxmlFixtures.resource;
import static vn.lienthong.edxml.EdxmlFixtures.text;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lienthong.contract.Problem;

/** Given files that break QCVN 102 business rules, when read, then every problem is reported at its element. */
class EdxmlChecksTest {

    private static final String HEADER = "/edXML/edXMLEnvelope/edXMLHeader/MessageHeader";

    @TempDir
    Path dir;

    private EdxmlReader reader;

    @BeforeEach
    void setUp() {
        reader = new EdxmlReader(EdxmlFixtures.properties(dir.resolve("spool")));
    }

    @Test
    void everyBadValueIsReportedAtOnce() {
        EdxmlRejectedException e = rejected(resource("bad-business-values.edxml"));

        assertThat(e.problems()).extracting(Problem::path, Problem::message).containsExactlyInAnyOrder(
                tuple(HEADER + "/To[2]/OrganId",
                        "'UBND Nghệ An' is not an organ id (V1V2V3.Z1Z2.Y1Y2.Hxx, e.g. 000.00.00.H31)"),
                tuple(HEADER + "/PromulgationInfo/PromulgationDate",
                        "'2025/02/30' is not a real date in the form yyyy/MM/dd"),
                tuple(HEADER + "/DueDate", "'30/07/2025' is not a real date in the form yyyy/MM/dd"),
                tuple(HEADER + "/DocumentId", "'000.00.00.H31-2025-1234' does not have three comma-separated parts; "
                        + "a DocumentId is OrganId,yyyy/MM/dd,Number/Notation (e.g. 000.00.00.H31,2025/07/01,12/QĐ-UBND)"),
                tuple("/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/TraceHeader/Timestamp",
                        "'2025/07/15 25:30:12' is not a real time in the form yyyy/MM/dd HH:mm:ss"),
                tuple("/edXML/edXMLEnvelope/edXMLHeader/TraceHeaderList/Bussiness/BussinessDocType",
                        "'4' is not a BussinessDocType (0 new, 1 revoke, 2 update, 3 replace)"));
    }

    @Test
    void anOddButPlainOrganIdIsAcceptedWithAWarning() {
        Path file = EdxmlFixtures.write(dir, "odd.edxml", text("document.edxml")
                .replace("<edXML:OrganId>000.00.00.H41</edXML:OrganId>", "<edXML:OrganId>000.00.00.h41</edXML:OrganId>"));

        EdxmlDocument doc = reader.readDocument(file);
        assertThat(doc.to().get(1).organId()).isEqualTo("000.00.00.h41");
        assertThat(doc.warnings()).containsExactly(new Problem(HEADER + "/To[2]/OrganId",
                "'000.00.00.h41' does not follow the organ id pattern V1V2V3.Z1Z2.Y1Y2.Hxx, e.g. 000.00.00.H31; "
                        + "accepted"));
    }

    @Test
    void aStatusCodeOutsideTheListIsRefused() {
        EdxmlRejectedException e = rejected(status("<StatusCode>03</StatusCode>", "<StatusCode>07</StatusCode>"));

        assertThat(e.problems()).containsExactly(new Problem(HEADER + "/StatusCode",
                "'07' is not a status code (01, 02, 03, 04, 05, 06, 13, 15, 16)"));
    }

    @Test
    void aStatusTimestampInDayFirstFormIsRefused() {
        EdxmlRejectedException e = rejected(status("<Timestamp>2025/07/15 14:05:33</Timestamp>",
                "<Timestamp>15/07/2025 14:05:33</Timestamp>"));

        assertThat(e.problems()).containsExactly(new Problem(HEADER + "/Timestamp",
                "'15/07/2025 14:05:33' is not a real time in the form yyyy/MM/dd HH:mm:ss"));
    }

    @Test
    void aManifestReferenceWithoutItsAttachmentIsRefused() {
        EdxmlRejectedException e = rejected(resource("missing-attachment.edxml"));

        assertThat(e.problems()).containsExactly(new Problem(
                "/edXML/edXMLEnvelope/edXMLBody/edXMLManifest/Reference[2]/ContentId",
                "the manifest Reference '" + EdxmlFixtures.TXT_CONTENT_ID + "' has no Attachment with that ContentId"));
    }

    @Test
    void anAttachmentMissingFromTheManifestIsRefused() {
        EdxmlRejectedException e = rejected(resource("extra-attachment.edxml"));

        assertThat(e.problems()).containsExactly(new Problem("/edXML/AttachmentEncoded/Attachment[2]/ContentId",
                "the Attachment '" + EdxmlFixtures.TXT_CONTENT_ID
                        + "' is not listed in edXMLManifest (no Reference with that ContentId)"));
    }

    @Test
    void aRepeatedContentIdIsRefused() {
        EdxmlRejectedException e = rejected(EdxmlFixtures.write(dir, "dup.edxml", text("document.edxml")
                .replace(EdxmlFixtures.TXT_CONTENT_ID, EdxmlFixtures.PDF_CONTENT_ID)));

        assertThat(e.problems()).extracting(Problem::message).containsExactly(
                "ContentId '" + EdxmlFixtures.PDF_CONTENT_ID + "' is used by more than one Reference",
                "ContentId '" + EdxmlFixtures.PDF_CONTENT_ID + "' is used by more than one Attachment");
    }

    @Test
    void aDocumentWithoutRecipientAndSubjectIsRefused() {
        String xml = text("document.edxml");
        xml = xml.substring(0, xml.indexOf("        <edXML:To>")) + xml.substring(xml.indexOf("        <edXML:Code>"));
        xml = xml.replaceAll("<edXML:Subject>[^<]*</edXML:Subject>", "");

        EdxmlRejectedException e = rejected(EdxmlFixtures.write(dir, "no-to.edxml", xml));

        assertThat(e.problems()).containsExactlyInAnyOrder(
                new Problem(HEADER + "/Subject", "is required in a document"),
                new Problem(HEADER + "/To", "is required in a document"));
    }

    @Test
    void aStatusMessageCarryingDocumentPartsIsRefused() {
        EdxmlRejectedException e = rejected(status("<StatusCode>03</StatusCode>",
                "<StatusCode>03</StatusCode><Subject>lạc chỗ</Subject>"));

        assertThat(e.problems()).containsExactly(new Problem(HEADER + "/Subject",
                "belongs to a document, not to a status message"));
    }

    @Test
    void documentIdsAreCheckedPartByPart() {
        Path file = EdxmlFixtures.write(dir, "ids.edxml", text("document.edxml")
                .replace("<edXML:DocumentId>000.00.00.H31,2025/07/15,1234/UBND-VP</edXML:DocumentId>",
                        "<edXML:DocumentId>000.00.00.H31,2025/13/15,1234</edXML:DocumentId>")
                .replace("000.00.00.G22,2025/07/01,45/BNV-CCVC", "BNV,2025/07/01,45/BNV-CCVC"));

        EdxmlRejectedException e = rejected(file);

        assertThat(e.problems()).extracting(Problem::message).hasSize(2).allMatch(m -> m.startsWith("'2025/13/15'")
                || m.startsWith("'1234' in '000.00.00.H31,2025/13/15,1234' is not Number/Notation"));
    }

    @Test
    void theSchemaReportsStructureAtTheOffendingElement() {
        Path file = EdxmlFixtures.write(dir, "schema.edxml", text("status.edxml")
                .replace("<StatusCode>03</StatusCode>", "<StatusCode>03</StatusCode><Priority>1</Priority>")
                .replace("<OrganId>000.00.00.H31</OrganId>\n          <Code>", "<Code>"));

        EdxmlRejectedException e = rejected(file);

        assertThat(e.problems()).as(EdxmlFixtures.describe(e)).containsExactly(
                new Problem(HEADER + "/Priority", "Invalid content was found starting with element '{Priority}'. "
                        + "One of '{From, ResponseFor, To, Code, PromulgationInfo, DocumentType, Subject, Content, "
                        + "SignerInfo, DueDate, ToPlaces, OtherInfo, SteeringType, DocumentId, StaffInfo, StatusCode, "
                        + "Description, Timestamp}' is expected."),
                new Problem(HEADER + "/ResponseFor/OrganId", "is required in a ResponseFor that names a document"));
    }

    private Path status(String from, String to) {
        return EdxmlFixtures.write(dir, "status.edxml", text("status.edxml").replace(from, to));
    }

    private EdxmlRejectedException rejected(Path file) {
        return EdxmlFixtures.rejected(() -> reader.read(file));
    }
}
