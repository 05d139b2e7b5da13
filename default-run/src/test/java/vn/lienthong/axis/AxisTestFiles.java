package vn.lienthong.axis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.TraceHeader;

/** Signed edXML files for the transport tests, written by the edXML library with the shipped DEV key. */
final class AxisTestFiles {

    static final String HUNG_YEN = "000.00.00.H31";
    static final String THAI_BINH = "000.00.00.H54";
    static final String NGHE_AN = "000.00.00.H41";

    private static final EdxmlProperties EDXML = EdxmlProperties.defaults();
    private static final EdxmlWriter WRITER = new EdxmlWriter(EDXML);
    private static EdxmlSigner signer;

    private AxisTestFiles() {
    }

    /** {@code size} random bytes (the same for the same seed) in a file. */
    static Path randomFile(Path dir, String name, int size, long seed) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Document {@code number} from {@code from} to {@code to} with one attachment, signed, in {@code dir}. */
    static Path document(Path dir, String from, String to, int number, Path attachment) {
        EdxmlDocument document = new EdxmlDocument(
                new Organ(from, "Ủy ban nhân dân", "Văn phòng Ủy ban nhân dân", null, "vanthu@example.gov.vn",
                        null, null, null),
                List.of(Organ.of(to, "Ủy ban nhân dân " + to)),
                documentId(from, number),
                new EdxmlDocument.Code(String.valueOf(number), "UBND-VP"),
                new EdxmlDocument.PromulgationInfo("Hưng Yên", LocalDate.of(2025, 7, 15)),
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
                List.of(EdxmlAttachment.ofFile("cid:a1", "Công văn " + number + ".bin", "application/octet-stream",
                        "Công văn", attachment)),
                null,
                List.of());
        Path file = dir.resolve("document-" + number + ".edxml");
        WRITER.write(document, file, signer());
        return file;
    }

    /** A status message from {@code from} about document {@code number} that {@code original} sent, signed. */
    static Path status(Path dir, String from, String original, int number, StatusCode code) {
        EdxmlStatus status = EdxmlStatus.of(Organ.of(from, "Văn thư " + from),
                new ResponseFor(original, number + "/UBND-VP", LocalDate.of(2025, 7, 15), documentId(original, number)),
                new StaffInfo("Văn thư", "Lê Văn Cường", null, null), code, "Đã tiếp nhận",
                LocalDateTime.of(2025, 7, 16, 8, 0, 5));
        Path file = dir.resolve("status-" + number + "-" + code.code() + ".edxml");
        WRITER.write(status, file, signer());
        return file;
    }

    static String documentId(String from, int number) {
        return from + ",2025/07/15," + number + "/UBND-VP";
    }

    static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized EdxmlSigner signer() {
        if (signer == null) {
            signer = EdxmlSigner.fromProperties(EDXML.signing());
        }
        return signer;
    }
}
