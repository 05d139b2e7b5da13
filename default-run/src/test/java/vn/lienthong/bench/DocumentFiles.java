package vn.lienthong.bench;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.TraceHeader;

/**
 * The files of the documents memory run, all on disk and streamed, never whole in the test JVM's memory: random
 * attachments, their SHA-256, signed edXML documents (as {@code vn.lienthong.document.DocumentFixtures} writes them)
 * and multipart bodies (as {@code vn.lienthong.http.MultipartBody} sends them).
 */
final class DocumentFiles {

    static final String H31 = "000.00.00.H31";
    static final String H41 = "000.00.00.H41";
    static final String EOFFICE_KEY = "demo-eoffice-key";

    private DocumentFiles() {
    }

    /** {@code bytes} random bytes (seeded: reproducible), written 1 MiB at a time. */
    static Path randomFile(Path file, long bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DocumentId the gateway gives a document of these metadata (and the fixtures their edXML documents). */
    static String documentId(String from, String number) {
        return from + ",2026/11/27," + number + "/UBND-VP";
    }

    /** The multipart metadata of a document from {@code from} to {@code to} with one attachment. */
    static ObjectNode metadata(String from, String to, String number) {
        ObjectNode m = BenchHttp.JSON.createObjectNode();
        m.putObject("from").put("organId", from).put("organName", "UBND tỉnh Hưng Yên");
        ArrayNode recipients = m.putArray("to");
        recipients.addObject().put("organId", to);
        m.putObject("code").put("codeNumber", number).put("codeNotation", "UBND-VP");
        m.putObject("promulgationInfo").put("place", "Hưng Yên").put("promulgationDate", "2026-11-27");
        m.putObject("documentType").put("type", "1").put("typeName", "Công văn");
        m.put("subject", "V/v liên thông văn bản điện tử số " + number + " (đo bộ nhớ)");
        m.putObject("signerInfo").put("position", "Phó Chủ tịch").put("fullName", "Nguyễn Văn Bình");
        return m;
    }

    /** A multipart/form-data body: the metadata part, then the file streamed from disk. */
    record Multipart(String contentType, BodyPublisher publisher) {
    }

    static Multipart multipart(String metadataJson, Path file) {
        String boundary = "lienthong-bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n" + metadataJson + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/pdf\r\n\r\n";
        try {
            return new Multipart("multipart/form-data; boundary=" + boundary, BodyPublishers.concat(
                    BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    BodyPublishers.ofFile(file),
                    BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8)));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A signed edXML document from {@code from} to {@code to} with {@code attachment}, written to {@code target} with
     * the DEV signer (attachments over 16 MiB: signed over the envelope and the attachments' digests, streamed).
     */
    static Path signedEdxml(Path target, String from, String to, String number, Path attachment) {
        EdxmlProperties properties = EdxmlProperties.defaults();
        EdxmlSigner signer = EdxmlSigner.fromProperties(properties.signing());
        EdxmlAttachment file = EdxmlAttachment.ofFile("cid:" + attachment.getFileName(),
                attachment.getFileName().toString(), "application/pdf", "Văn bản", attachment);
        EdxmlDocument document = new EdxmlDocument(Organ.of(from, "Văn phòng UBND"), List.of(Organ.of(to, "UBND")),
                documentId(from, number), new EdxmlDocument.Code(number, "UBND-VP"),
                new EdxmlDocument.PromulgationInfo("Hưng Yên", LocalDate.of(2026, 11, 27)),
                new EdxmlDocument.DocumentType("1", "0", "Công văn"), "Về việc liên thông số " + number, null,
                new EdxmlDocument.SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Bình"), null, List.of(), null,
                "0", List.of(), List.of(new TraceHeader(from, LocalDateTime.of(2026, 11, 27, 9, 30))),
                new EdxmlDocument.Bussiness(null, 0, null, "0", null), List.of(file), null, List.of());
        new EdxmlWriter(properties).write(document, target, signer);
        return target;
    }
}
