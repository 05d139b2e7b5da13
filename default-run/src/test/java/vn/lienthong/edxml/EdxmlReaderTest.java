package vn.lienthong.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.edxml.EdxmlFixtures.resource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Given real-looking edXML files, when they are read, then every header field and attachment comes out. */
class EdxmlReaderTest {

    @TempDir
    Path spool;

    @Test
    void readsADocumentWithVietnameseTextAndTwoAttachments() throws Exception {
        EdxmlReader reader = new EdxmlReader(EdxmlFixtures.properties(spool));

        EdxmlDocument doc = reader.readDocument(resource("document.edxml"));
        assertThat(doc.from().organId()).isEqualTo("000.00.00.H31");
        assertThat(doc.from().organizationInCharge()).isEqualTo("Ủy ban nhân dân tỉnh Hưng Yên");
        assertThat(doc.from().fax()).as("an empty <Fax/> is absent").isNull();
        assertThat(doc.to()).extracting(Organ::organId).containsExactly("000.00.00.G22", "000.00.00.H41");
        assertThat(doc.documentId()).isEqualTo("000.00.00.H31,2025/07/15,1234/UBND-VP");
        assertThat(doc.code()).isEqualTo(new EdxmlDocument.Code("1234", "UBND-VP"));
        assertThat(doc.promulgationInfo()).isEqualTo(
                new EdxmlDocument.PromulgationInfo("Hưng Yên", LocalDate.of(2025, 7, 15)));
        assertThat(doc.documentType().typeName()).isEqualTo("Công văn");
        assertThat(doc.subject()).isEqualTo(
                "V/v triển khai liên thông văn bản điện tử sau sắp xếp đơn vị hành chính");
        assertThat(doc.content()).contains("mã định danh & danh bạ");
        assertThat(doc.signerInfo().fullName()).isEqualTo("Nguyễn Văn Bình");
        assertThat(doc.dueDate()).isEqualTo(LocalDate.of(2025, 7, 30));
        assertThat(doc.toPlaces()).containsExactly("Bộ Nội vụ", "UBND tỉnh Nghệ An");
        assertThat(doc.otherInfo().appendixes()).containsExactly("Phụ lục I: Danh sách đơn vị hành chính cấp xã");
        assertThat(doc.responseFor()).containsExactly(new ResponseFor("000.00.00.G22", "45/BNV-CCVC",
                LocalDate.of(2025, 7, 1), "000.00.00.G22,2025/07/01,45/BNV-CCVC"));
        assertThat(doc.steeringType()).isEqualTo("0");
        assertThat(doc.traceHeaders()).containsExactly(
                new TraceHeader("000.00.00.H31", LocalDateTime.of(2025, 7, 15, 9, 30, 12)));
        assertThat(doc.bussiness().bussinessDocType()).isZero();
        assertThat(doc.bussiness().staffInfo().staff()).isEqualTo("Trần Thị Hoa");

        assertThat(doc.attachments()).hasSize(2);
        EdxmlAttachment pdf = doc.attachments().get(0);
        assertThat(pdf.contentId()).isEqualTo(EdxmlFixtures.PDF_CONTENT_ID);
        assertThat(pdf.name()).isEqualTo("1234-UBND-VP.pdf");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.size()).isEqualTo(EdxmlFixtures.PDF_SIZE);
        assertThat(pdf.sha256()).isEqualTo(EdxmlFixtures.PDF_SHA256);
        assertThat(EdxmlFixtures.sha256(pdf.spooledFile())).isEqualTo(EdxmlFixtures.PDF_SHA256);
        assertThat(pdf.spooledFile().getParent()).isEqualTo(spool);
        EdxmlAttachment txt = doc.attachments().get(1);
        assertThat(txt.name()).isEqualTo("Phụ lục I - danh sách xã.txt");
        assertThat(txt.sha256()).isEqualTo(EdxmlFixtures.TXT_SHA256);
        assertThat(Files.readString(txt.spooledFile())).startsWith("PHỤ LỤC I");

        assertThat(doc.signature().status()).isEqualTo(SignatureStatus.ABSENT);
        assertThat(doc.warnings()).isEmpty();

        doc.deleteSpooledFiles();
        assertThat(EdxmlFixtures.spoolFiles(spool)).as("the spooled attachments are deleted").isZero();
    }

    @Test
    void readsAStatusMessage() {
        EdxmlStatus status = new EdxmlReader(EdxmlFixtures.properties(spool)).readStatus(resource("status.edxml"));

        assertThat(status.from().organId()).isEqualTo("000.00.00.H41");
        assertThat(status.responseFor().documentId()).isEqualTo("000.00.00.H31,2025/07/15,1234/UBND-VP");
        assertThat(status.staffInfo()).isEqualTo(new StaffInfo("Phòng Hành chính - Văn thư", "Lê Văn Cường",
                "0987654321", "cuonglv@nghean.gov.vn"));
        assertThat(status.statusCode()).isEqualTo(StatusCode.REGISTERED);
        assertThat(status.description()).isEqualTo("Đã vào sổ văn bản đến, số đến 5678");
        assertThat(status.timestamp()).isEqualTo(LocalDateTime.of(2025, 7, 15, 14, 5, 33));
        assertThat(status.traceHeaders()).hasSize(1);
        assertThat(status.signature().status()).isEqualTo(SignatureStatus.ABSENT);
    }

    @Test
    void aStatusMessageIsNotADocument() {
        EdxmlReader reader = new EdxmlReader(EdxmlFixtures.properties(spool));

        assertThatThrownBy(() -> reader.readDocument(resource("status.edxml")))
                .isInstanceOf(EdxmlRejectedException.class)
                .hasMessageContaining("this is a status message where a document was expected");
        assertThatThrownBy(() -> reader.readStatus(resource("document.edxml")))
                .isInstanceOf(EdxmlRejectedException.class)
                .hasMessageContaining("status message (with a StatusCode) was expected");
        assertThat(EdxmlFixtures.spoolFiles(spool)).isZero();
    }

    @Test
    void readsFromAStreamThroughATemporaryCopyThatIsRemoved() throws Exception {
        EdxmlReader reader = new EdxmlReader(EdxmlFixtures.properties(spool));

        try (InputStream in = Files.newInputStream(resource("document.edxml"))) {
            EdxmlDocument doc = (EdxmlDocument) reader.read(in);
            assertThat(doc.attachments()).extracting(EdxmlAttachment::sha256)
                    .containsExactly(EdxmlFixtures.PDF_SHA256, EdxmlFixtures.TXT_SHA256);
            assertThat(EdxmlFixtures.spoolFiles(spool)).as("only the two attachments remain").isEqualTo(2);
        }
    }

    @Test
    void aRejectedFileLeavesNoSpooledAttachmentBehind() {
        EdxmlReader reader = new EdxmlReader(EdxmlFixtures.properties(spool));

        assertThatThrownBy(() -> reader.read(resource("missing-attachment.edxml")))
                .isInstanceOf(EdxmlRejectedException.class);
        assertThat(EdxmlFixtures.spoolFiles(spool)).isZero();
    }
}
