package vn.lienthong.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.http.common.HttpMessage;
import org.springframework.stereotype.Component;

import vn.lienthong.axis.AxisMessageKind;
import vn.lienthong.client.ClientProperties.ClientSystem;
import vn.lienthong.contract.ContractValidator;
import vn.lienthong.contract.InvalidMessageException;
import vn.lienthong.contract.MessageKind;
import vn.lienthong.contract.Problem;
import vn.lienthong.edxml.EdxmlAttachment;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlProperties;
import vn.lienthong.edxml.EdxmlReader;
import vn.lienthong.edxml.EdxmlSource;
import vn.lienthong.edxml.SourcedEdxml;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.HeaderValues;
import vn.lienthong.ingress.ClientGate;
import vn.lienthong.ingress.IngressChecks;
import vn.lienthong.ingress.IngressRefusedException;
import vn.lienthong.ingress.JsonRequestBody;
import vn.lienthong.message.ExchangeNames.Header;
import vn.lienthong.message.ExchangeNames.Property;

/**
 * Where a document or a status from the e-office enters: who sends (401), in which shape (415: raw edXML,
 * multipart metadata + files, or a JSON status), how big (413), is it a well-formed, safe and valid edXML or contract
 * (400 with every problem), may the client send as its From organ (403). The result is an {@link OutgoingDocument}
 * on disk, signed by its sender or by the gateway, ready for {@code direct:accept-document}.
 */
@Component("documentIngress")
public class DocumentIngress {

    private static final long MAX_METADATA_BYTES = 1024 * 1024;

    enum Input { EDXML, MULTIPART, JSON }

    private final ClientGate clientGate;
    private final ContractValidator validator;
    private final EdxmlReader reader;
    private final EdxmlProperties edxml;
    private final DocumentSpool spool;
    private final OutgoingDocuments outgoing;
    private final ObjectMapper json;

    public DocumentIngress(ClientGate clientGate, ContractValidator validator, EdxmlReader reader,
                           EdxmlProperties edxml, DocumentSpool spool, OutgoingDocuments outgoing, ObjectMapper json) {
        this.json = json;
        this.clientGate = clientGate;
        this.validator = validator;
        this.reader = reader;
        this.edxml = edxml;
        this.spool = spool;
        this.outgoing = outgoing;
    }

    /** Who is calling, and a body shape this operation takes. */
    public void admit(Exchange exchange) {
        clientGate.authenticate(exchange);
        Message in = exchange.getIn();
        boolean status = MessageKind.DOCUMENT_STATUS.name().equals(in.getHeader(Header.KIND, String.class));
        Input input = input(in.getHeader(Exchange.CONTENT_TYPE, String.class), status);
        boolean gzip = JsonRequestBody.gzipEncoded(exchange);
        if (gzip && input == Input.MULTIPART) {
            // the container splits a multipart body into parts as it arrives: it cannot be compressed as a whole
            throw new IngressRefusedException(415, "", "a multipart/form-data body is read as it is sent: no "
                    + "Content-Encoding (gzip is taken for raw edXML and JSON)");
        }
        Long declared = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        long limit = input == Input.JSON ? MAX_METADATA_BYTES : edxml.maxDocumentSize().toBytes();
        if (input == Input.EDXML && !gzip && declared != null && declared > limit) {
            throw new IngressRefusedException(413, "", "the document is " + declared
                    + " bytes, larger than the limit of " + limit + " bytes");
        }
        exchange.setProperty(Property.DOCUMENT_INPUT, input);
    }

    /** {@code POST /documents}: raw edXML or multipart metadata + files. */
    public void readDocument(Exchange exchange) {
        Input input = exchange.getProperty(Property.DOCUMENT_INPUT, Input.class);
        OutgoingDocument document = switch (input) {
            case EDXML -> fromEdxml(exchange, AxisMessageKind.EDOC);
            case MULTIPART -> fromMultipart(exchange);
            case JSON -> throw new IllegalStateException("admit refuses JSON documents");
        };
        exchange.getIn().setBody(document);
    }

    /** {@code POST /documents/status}: a JSON status or a raw edXML status message. */
    public void readStatus(Exchange exchange) {
        Input input = exchange.getProperty(Property.DOCUMENT_INPUT, Input.class);
        OutgoingDocument status = input == Input.EDXML ? fromEdxml(exchange, AxisMessageKind.STATUS)
                : fromJson(exchange);
        exchange.getIn().setBody(status);
    }

    private OutgoingDocument fromEdxml(Exchange exchange, AxisMessageKind expected) {
        SpooledFile raw = spool.copy(body(exchange), edxml.maxDocumentSize().toBytes(), ".edxml");
        spool.deleteWhenDone(exchange, List.of(raw.file()));
        exchange.setProperty(Property.BODY_SHA256, raw.sha256());
        SourcedEdxml read = reader.readWithSource(raw.file());
        EdxmlMessage message = read.message();
        try (EdxmlSource source = read.source()) {
            if (expected == AxisMessageKind.EDOC && !(message instanceof EdxmlDocument)) {
                throw new InvalidMessageException(List.of(new Problem("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                        "this is a status message: send it to /api/v1/documents/status")));
            }
            if (expected == AxisMessageKind.STATUS && !(message instanceof EdxmlStatus)) {
                throw new InvalidMessageException(List.of(new Problem("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                        "this is a document, not a status message: send it to /api/v1/documents")));
            }
            return outgoing.prepare(exchange, ClientGate.client(exchange), message, raw, source);
        } finally {
            if (message instanceof EdxmlDocument document) {
                document.deleteSpooledFiles();
            }
        }
    }

    private OutgoingDocument fromJson(Exchange exchange) {
        ClientSystem client = ClientGate.client(exchange);
        byte[] received = bounded(body(exchange));
        exchange.setProperty(Property.BODY_SHA256, IngressChecks.sha256(received));
        JsonNode json = validator.parseAndValidate(received, client.inputFormat(), MessageKind.DOCUMENT_STATUS);
        EdxmlStatus status = DocumentContract.status(json, LocalDateTime.now(DocumentContract.ZONE));
        return outgoing.prepare(exchange, client, status, null, null);
    }

    private OutgoingDocument fromMultipart(Exchange exchange) {
        ClientSystem client = ClientGate.client(exchange);
        Collection<Part> parts = parts(exchange);
        List<Path> files = new ArrayList<>();
        spool.deleteWhenDone(exchange, files);
        JsonNode metadata = null;
        String metadataSha256 = null;
        JsonNode described = null;
        List<Problem> problems = new ArrayList<>();
        List<Part> fileParts = new ArrayList<>();
        for (Part part : parts) {
            if ("metadata".equals(part.getName())) {
                if (metadata != null) {
                    problems.add(new Problem("metadata", "send one metadata part, not several"));
                    continue;
                }
                byte[] raw = bounded(stream(part));
                metadataSha256 = IngressChecks.sha256(raw);
                try {
                    metadata = validator.parseAndValidate(raw, client.inputFormat(), MessageKind.DOCUMENT);
                    described = metadata.get("attachments");
                } catch (InvalidMessageException invalid) {
                    invalid.problems().forEach(p -> problems.add(new Problem("metadata" + p.path(), p.message())));
                    described = attachmentsOfInvalid(raw);
                }
            } else if ("file".equals(part.getName())) {
                fileParts.add(part);
            } else {
                problems.add(new Problem(part.getName(), "unknown part: send 'metadata' and one 'file' part per "
                        + "attachment"));
            }
        }
        if (metadata == null && problems.isEmpty()) {
            problems.add(new Problem("metadata", "the metadata part (the document's JSON) is missing"));
        }
        // The files are checked against the metadata even when it has problems: the client hears about all of them.
        List<String> fileDigests = new ArrayList<>();
        List<EdxmlAttachment> attachments = attachments(described, fileParts, files, fileDigests, problems);
        if (!problems.isEmpty()) {
            throw new InvalidMessageException(problems);
        }
        exchange.setProperty(Property.BODY_SHA256, multipartSha256(metadataSha256, fileDigests));
        EdxmlDocument document = DocumentContract.document(metadata, attachments,
                LocalDateTime.now(DocumentContract.ZONE));
        return outgoing.prepare(exchange, client, document, null, null);
    }

    /** Each file part spooled, described by its metadata entry (matched by file name) or by the part itself. */
    private List<EdxmlAttachment> attachments(JsonNode described, List<Part> fileParts, List<Path> files,
                                              List<String> fileDigests, List<Problem> problems) {
        List<EdxmlAttachment> attachments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fileParts.size(); i++) {
            Part part = fileParts.get(i);
            String submitted = part.getSubmittedFileName();
            String name = HeaderValues.fileName(submitted);
            if (name == null || name.isBlank()) {
                problems.add(new Problem("file[" + i + "]", "a file part needs a file name (Content-Disposition "
                        + "filename)"));
                continue;
            }
            String control = HeaderValues.controlProblem(name);
            String contentTypeProblem = HeaderValues.controlProblem(part.getContentType());
            if (control != null || contentTypeProblem != null) {
                problems.add(new Problem("file[" + i + "]", control != null ? "the file name " + control
                        : "the Content-Type " + contentTypeProblem));
                continue;
            }
            JsonNode entry = entry(described, name);
            SpooledFile spooled = spool.copy(stream(part), edxml.maxAttachmentSize().toBytes(), ".part");
            Path file = spooled.file();
            files.add(file);
            fileDigests.add(name + " " + spooled.sha256());
            String contentType = entry != null && DocumentContract.text(entry.get("contentType")) != null
                    ? entry.get("contentType").asText() : part.getContentType();
            if (HeaderValues.controlProblem(contentType) != null) {
                problems.add(new Problem("file[" + i + "]", "the content type "
                        + HeaderValues.controlProblem(contentType)));
                continue;
            }
            String description = entry == null ? null : DocumentContract.text(entry.get("description"));
            attachments.add(EdxmlAttachment.ofFile(UUID.randomUUID().toString(), name,
                    contentType == null ? "application/octet-stream" : contentType, description, file));
            names.add(name);
        }
        if (described != null && described.isArray()) {
            for (int i = 0; i < described.size(); i++) {
                String name = described.get(i).path("name").asText();
                if (!names.contains(name)) {
                    problems.add(new Problem("metadata/attachments/" + i + "/name", "no file part named '" + name
                            + "' was sent"));
                }
            }
        }
        return attachments;
    }

    /**
     * "The body as received" of a multipart document (the audit's and the Idempotency-Key's): the SHA-256 of the lines
     * {@code <SHA-256 of the metadata part>} and {@code <file name> <SHA-256 of the file>} per file part, in the order
     * sent. The multipart framing (a boundary each client picks anew) is not part of it; a changed file is.
     */
    static String multipartSha256(String metadataSha256, List<String> fileDigests) {
        StringBuilder lines = new StringBuilder(metadataSha256).append('\n');
        fileDigests.forEach(digest -> lines.append(digest).append('\n'));
        return IngressChecks.sha256(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The attachments entry of metadata that failed validation, when it is JSON at all. */
    private JsonNode attachmentsOfInvalid(byte[] raw) {
        try {
            JsonNode tree = json.readTree(raw);
            return tree == null ? null : tree.get("attachments");
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode entry(JsonNode described, String name) {
        if (described == null || !described.isArray()) {
            return null;
        }
        for (JsonNode entry : described) {
            if (name.equals(entry.path("name").asText())) {
                return entry;
            }
        }
        return null;
    }

    private static Collection<Part> parts(Exchange exchange) {
        HttpServletRequest request = exchange.getIn() instanceof HttpMessage http ? http.getRequest() : null;
        if (request == null) {
            throw new IngressRefusedException(415, "", "multipart/form-data is taken over HTTP only");
        }
        Object failed = request.getAttribute(MultipartFirst.FAILURE);
        if (failed instanceof IllegalStateException tooLarge) {
            throw new IngressRefusedException(413, "", "the request or one of its files is larger than the limit ("
                    + printable(tooLarge.getMessage()) + ")");
        }
        if (failed instanceof Exception unreadable) {
            throw new IngressRefusedException(400, "", "the multipart body cannot be read: "
                    + printable(unreadable.getMessage()));
        }
        try {
            return request.getParts();
        } catch (IllegalStateException tooLarge) {
            throw new IngressRefusedException(413, "", "the request or one of its files is larger than the limit ("
                    + tooLarge.getMessage() + ")");
        } catch (IOException | ServletException e) {
            throw new IngressRefusedException(400, "", "the multipart body cannot be read: " + e.getMessage());
        }
    }

    /** The request body, gunzipped on the way when the client said so ({@link JsonRequestBody#decoded}). */
    private static InputStream body(Exchange exchange) {
        InputStream in = exchange.getIn().getBody(InputStream.class);
        try {
            return in != null ? JsonRequestBody.decoded(exchange, in) : InputStream.nullInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    /** A container's message quoted back to the client: control characters (a NUL in a file name...) as '?'. */
    private static String printable(String message) {
        return message == null ? "" : message.replaceAll("\\p{Cntrl}", "?");
    }

    private static InputStream stream(Part part) {
        try {
            return part.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the part " + part.getName(), e);
        }
    }

    private static byte[] bounded(InputStream in) {
        try (in) {
            byte[] bytes = in.readNBytes((int) MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
                throw new IngressRefusedException(413, "", "the JSON is larger than " + MAX_METADATA_BYTES + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    static Input input(String contentType, boolean status) {
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType.equals("application/xml") || mediaType.equals("text/xml") || mediaType.endsWith("+xml")) {
            return Input.EDXML;
        }
        if (!status && mediaType.equals("multipart/form-data")) {
            return Input.MULTIPART;
        }
        if (status && (mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
            return Input.JSON;
        }
        throw new IngressRefusedException(415, "", "Content-Type must be "
                + (status ? "application/json or application/xml (an edXML status)"
                          : "application/xml (an edXML document) or multipart/form-data (metadata + files)")
                + ", not " + (contentType == null ? "absent" : contentType));
    }
}
