package vn.lienthong.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.http.MultipartBody;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlSigner;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.EdxmlWriter;
import vn.lienthong.edxml.Organ;
import vn.lienthong.edxml.ResponseFor;
import vn.lienthong.edxml.StaffInfo;
import vn.lienthong.edxml.StatusCode;
import vn.lienthong.edxml.TraceHeader;
import vn.lienthong.support.Http;

/** Documents, statuses and files for the document tests; every document gets its own number. */
final class DocumentFixtures {

    static final String H31 = "000.00.00.H31";
    static final String H41 = "000.00.00.H41";
    static final String H54 = "000.00.00.H54";
    static final String EOFFICE_KEY = "demo-eoffice-key";
    static final String OPERATOR_KEY = "demo-operator-key";

    private static final AtomicInteger NUMBER = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static EdxmlSigner signer;

    private DocumentFixtures() {
    }

    static String nextNumber() {
        return String.valueOf(NUMBER.incrementAndGet());
    }

    static synchronized EdxmlSigner devSigner() {
        if (signer == null) {
            signer = EdxmlSigner.fromProperties(EdxmlProperties.defaults().signing());
        }
        return signer;
    }

    static Path randomFile(Path dir, String name, int bytes) {
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(Path file) {
        return FileDigest.sha256(file);
    }

    /** The multipart metadata of a document from {@code from} to {@code to}. */
    static ObjectNode metadata(String from, String number, String... to) {
        ObjectNode m = Http.JSON.createObjectNode();
        m.putObject("from").put("organId", from).put("organName", "UBND tỉnh Hưng Yên");
        ArrayNode recipients = m.putArray("to");
        for (String organ : to) {
            recipients.addObject().put("organId", organ);
        }
        m.putObject("code").put("codeNumber", number).put("codeNotation", "UBND-VP");
        m.putObject("promulgationInfo").put("place", "Hưng Yên").put("promulgationDate", "2026-11-27");
        m.putObject("documentType").put("type", "1").put("typeName", "Công văn");
        m.put("subject", "V/v liên thông văn bản điện tử số " + number);
        m.putObject("signerInfo").put("position", "Phó Chủ tịch").put("fullName", "Nguyễn Văn Bình");
        return m;
    }

    static String documentId(String from, String number) {
        return from + ",2026/11/27," + number + "/UBND-VP";
    }

    /** A document as an agency's system would write it, with its files. */
    static EdxmlDocument document(String from, String number, List<String> to, List<Path> files) {
        List<EdxmlAttachment> attachments = files.stream().map(f -> EdxmlAttachment.ofFile(
                "cid:" + f.getFileName(), f.getFileName().toString(), "application/pdf", "Văn bản", f)).toList();
        return new EdxmlDocument(Organ.of(from, "Văn phòng UBND"), to.stream().map(o -> Organ.of(o, "UBND")).toList(),
                documentId(from, number), new EdxmlDocument.Code(number, "UBND-VP"),
                new EdxmlDocument.PromulgationInfo("Hưng Yên", LocalDate.of(2026, 11, 27)),
                new EdxmlDocument.DocumentType("1", "0", "Công văn"), "Về việc liên thông số " + number, null,
                new EdxmlDocument.SignerInfo("KT. CHỦ TỊCH", "Phó Chủ tịch", "Nguyễn Văn Bình"), null, List.of(), null,
                "0", List.of(), List.of(new TraceHeader(from, LocalDateTime.of(2026, 11, 27, 9, 30))),
                new EdxmlDocument.Bussiness(null, 0, null, "0", null), attachments, null, List.of());
    }

    static EdxmlStatus status(String from, String aboutOrgan, String aboutDocumentId, StatusCode code) {
        return EdxmlStatus.of(Organ.of(from, "Văn phòng UBND"),
                new ResponseFor(aboutOrgan, "1/UBND-VP", LocalDate.of(2026, 11, 27), aboutDocumentId),
                new StaffInfo("Văn thư", "Lê Văn Cường", null, null), code, "trạng thái " + code.code(),
                LocalDateTime.of(2026, 11, 27, 10, 0));
    }

    static byte[] edxml(EdxmlMessage message, boolean signed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EdxmlWriter(EdxmlProperties.defaults()).write(message, out, signed ? devSigner() : null);
        return out.toByteArray();
    }

    static Path edxmlFile(Path dir, EdxmlMessage message, boolean signed) {
        Path file = dir.resolve("doc-" + System.nanoTime() + ".edxml");
        try (OutputStream out = Files.newOutputStream(file)) {
            new EdxmlWriter(EdxmlProperties.defaults()).write(message, out, signed ? devSigner() : null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** POST multipart metadata + files; the answer as JSON with its status. */
    static Http.Reply postMultipart(String url, String apiKey, JsonNode metadata, List<Path> files) {
        return postMultipart(url, apiKey, metadata, files, null);
    }

    /** The same, with an {@code Idempotency-Key} (null: none). */
    static Http.Reply postMultipart(String url, String apiKey, JsonNode metadata, List<Path> files,
                                    String idempotencyKey) {
        MultipartBody body = new MultipartBody().text("metadata", "application/json; charset=UTF-8",
                metadata.toString());
        files.forEach(f -> body.file("file", f.getFileName().toString(), "application/pdf", f));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", apiKey)
                .header("Content-Type", body.contentType());
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.POST(body.publisher()).build());
    }

    /** A file of src/test/resources, e.g. {@code /edxml/document.edxml}. */
    static byte[] read(String resource) {
        try (var in = DocumentFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Http.Reply postXml(String url, String apiKey, byte[] edxml) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("X-API-Key", apiKey)
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(edxml)).build());
    }

    static Http.Reply send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Http.Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> key(String apiKey) {
        return Map.of("X-API-Key", apiKey);
    }
}
