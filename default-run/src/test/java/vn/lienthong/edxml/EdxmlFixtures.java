package vn.lienthong.edxml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;

/** Sample files under src/test/resources/edxml/ and a sample document model, for the edXML tests. */
final class EdxmlFixtures {

    static final String NS = EdxmlNames.NS;

    /** The attachments of document.edxml, as generated (size, SHA-256 of the decoded bytes). */
    static final long PDF_SIZE = 6058;
    static final String PDF_SHA256 = "66a4b15a021455d554a9eb9308ab7e35dcdec2f9ef1c7ba1e43fc638ed49a215";
    static final long TXT_SIZE = 2355;
    static final String TXT_SHA256 = "3249b41cca111d45c37b817fed0051766c669dc446107cd5947c8ac13be037ab";
    static final String PDF_CONTENT_ID = "3f1c2b9e-5d4a-4c1e-9a77-0b2d6e8f1a01";
    static final String TXT_CONTENT_ID = "3f1c2b9e-5d4a-4c1e-9a77-0b2d6e8f1a02";

    private EdxmlFixtures() {
    }

    static Path resource(String name) {
        try {
            return Path.of(EdxmlFixtures.class.getResource("/edxml/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(resource(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static EdxmlProperties properties(Path spool) {
        return EdxmlProperties.defaults().withSpoolDirectory(spool);
    }

    static EdxmlProperties flagging(Path spool) {
        return properties(spool).withVerification(
                new EdxmlProperties.Verification(EdxmlProperties.InvalidSignaturePolicy.FLAG, null, null, null));
    }

    private static EdxmlSigner devSigner;

    static synchronized EdxmlSigner devSigner() {
        if (devSigner == null) {
            devSigner = EdxmlSigner.fromProperties(EdxmlProperties.defaults().signing());
        }
        return devSigner;
    }

    static String sha256(Path file) {
        try (var in = new java.security.DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static long spoolFiles(Path spool) {
        try (var files = Files.list(spool)) {
            return files.count();
        } catch (IOException e) {
            return 0; // not created
        }
    }

    /** A document as an agency would send it, with two attachment files written to {@code dir}. */
    static EdxmlDocument sampleDocument(Path dir) {
        Path pdf = write(dir, "cong-van.pdf", "%PDF-1.4 công văn 1234/UBND-VP\n".repeat(200));
        Path txt = write(dir, "phu-luc.txt", "Phụ lục I: danh sách xã, phường\r\nDòng hai\n");
        return new EdxmlDocument(
                new Organ("000.00.00.H31", "Ủy ban nhân dân tỉnh Hưng Yên", "Văn phòng UBND tỉnh Hưng Yên",
                        "Phố Hiến, Hưng Yên", "vanphong@hungyen.gov.vn", "0221 3862 345", null, "https://hungyen.gov.vn"),
                List.of(Organ.of("000.00.00.H41", "UBND tỉnh Nghệ An"), Organ.of("000.00.00.G22", "Bộ Nội vụ")),
                "000.00.00.H31,2025/07/15,1234/UBND-VP",
                new EdxmlDocument.Code("1234", "UBND-VP"),
                new EdxmlDocument.PromulgationInfo("Hưng Yên", LocalDate.of(2025, 7, 15)),
                new EdxmlDocument.DocumentType("1", "0", "Công văn"),
                "V/v triển khai liên thông văn bản điện tử",
                "Nội dung có ký tự đặc biệt: <, >, & và \"ngoặc kép\"",
                new EdxmlDocument.SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Bình"),
                LocalDate.of(2025, 7, 30),
                List.of("Bộ Nội vụ", "UBND tỉnh Nghệ An"),
                new EdxmlDocument.OtherInfo("0", "Liên thông văn bản quốc gia", "NTH", "5", "2", null,
                        List.of("Phụ lục I")),
                "0",
                List.of(new ResponseFor("000.00.00.G22", "45/BNV-CCVC", LocalDate.of(2025, 7, 1),
                        "000.00.00.G22,2025/07/01,45/BNV-CCVC")),
                List.of(new TraceHeader("000.00.00.H31", LocalDateTime.of(2025, 7, 15, 9, 30, 12))),
                new EdxmlDocument.Bussiness(null, 0, "Văn bản điện tử mới", "0",
                        new StaffInfo("Phòng Hành chính", "Trần Thị Hoa", "0912345678", "hoatt@hungyen.gov.vn")),
                List.of(EdxmlAttachment.ofFile("cid:a1", "1234-UBND-VP.pdf", "application/pdf", "Công văn", pdf),
                        EdxmlAttachment.ofFile("cid:a2", "Phụ lục I.txt", "text/plain", "Phụ lục", txt)),
                null,
                List.of());
    }

    static EdxmlStatus sampleStatus() {
        return EdxmlStatus.of(Organ.of("000.00.00.H41", "Văn phòng UBND tỉnh Nghệ An"),
                new ResponseFor("000.00.00.H31", "1234/UBND-VP", LocalDate.of(2025, 7, 15),
                        "000.00.00.H31,2025/07/15,1234/UBND-VP"),
                new StaffInfo("Văn thư", "Lê Văn Cường", "0987654321", "cuonglv@nghean.gov.vn"),
                StatusCode.ASSIGNED, "Đã phân công xử lý cho Sở Nội vụ", LocalDateTime.of(2025, 7, 16, 8, 0, 5));
    }

    /** The rejection {@code read} throws; fails the test when it reads fine. */
    static EdxmlRejectedException rejected(Runnable read) {
        try {
            read.run();
        } catch (EdxmlRejectedException e) {
            return e;
        }
        throw new AssertionError("expected the file to be rejected");
    }

    static String describe(EdxmlRejectedException e) {
        return String.join("\n", e.problems().stream().map(p -> p.path() + "  " + p.message()).toList());
    }
}
