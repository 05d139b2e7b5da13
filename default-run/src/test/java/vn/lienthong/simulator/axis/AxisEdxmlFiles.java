package vn.lienthong.simulator.axis;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.TraceHeader;

/** edXML files for the axis tests, written by the edXML library (unsigned). */
final class AxisEdxmlFiles {

    static final String HUNG_YEN = "000.00.00.H31";
    static final String THAI_BINH = "000.00.00.H54";
    static final String NGHE_AN = "000.00.00.H41";
    static final String THANH_HOA = "000.00.00.H56";
    static final String BO_NOI_VU = "000.00.00.G22";

    private static final EdxmlWriter WRITER = new EdxmlWriter(EdxmlProperties.defaults());

    private AxisEdxmlFiles() {
    }

    /** A document numbered {@code number} from {@code from} to {@code to}, with one attachment {@code content}. */
    static byte[] document(Path dir, String from, List<String> to, int number, String content) {
        Path attachment = write(dir.resolve("attachment-" + number + ".txt"),
                content.getBytes(StandardCharsets.UTF_8));
        return bytes(document(from, to, number, attachment));
    }

    static EdxmlDocument document(String from, List<String> to, int number, Path attachment) {
        LocalDate date = LocalDate.of(2025, 7, 15);
        String notation = "UBND-VP";
        return new EdxmlDocument(
                new Organ(from, "Ủy ban nhân dân", "Văn phòng Ủy ban nhân dân", null, "vanthu@example.gov.vn",
                        null, null, null),
                to.stream().map(organ -> Organ.of(organ, "Cơ quan nhận " + organ)).toList(),
                documentId(from, number),
                new EdxmlDocument.Code(String.valueOf(number), notation),
                new EdxmlDocument.PromulgationInfo("Hưng Yên", date),
                new EdxmlDocument.DocumentType("1", "0", "Công văn"),
                "V/v liên thông văn bản số " + number,
                "Nội dung công văn số " + number,
                new EdxmlDocument.SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Bình"),
                LocalDate.of(2025, 7, 30),
                List.of(),
                null,
                null,
                List.of(),
                List.of(new TraceHeader(from, LocalDateTime.of(2025, 7, 15, 9, 30, 12))),
                new EdxmlDocument.Bussiness(null, 0, null, "0",
                        new StaffInfo("Văn thư", "Trần Thị Hoa", null, null)),
                List.of(EdxmlAttachment.ofFile("cid:a1", "Công văn " + number + ".txt", "text/plain", "Công văn",
                        attachment)),
                null,
                List.of());
    }

    static String documentId(String from, int number) {
        return from + ",2025/07/15," + number + "/UBND-VP";
    }

    /** A status message from {@code from} about document {@code number} that {@code original} sent. */
    static byte[] status(String from, String original, int number, StatusCode code) {
        return bytes(EdxmlStatus.of(Organ.of(from, "Văn thư " + from),
                new ResponseFor(original, number + "/UBND-VP", LocalDate.of(2025, 7, 15),
                        documentId(original, number)),
                new StaffInfo("Văn thư", "Lê Văn Cường", null, null), code, "Đã tiếp nhận",
                LocalDateTime.of(2025, 7, 16, 8, 0, 5)));
    }

    static byte[] bytes(EdxmlMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(message, out);
        return out.toByteArray();
    }

    static void write(EdxmlMessage message, Path file) {
        WRITER.write(message, file, null);
    }

    static Path write(Path file, byte[] content) {
        try {
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path file) {
        try (var in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
