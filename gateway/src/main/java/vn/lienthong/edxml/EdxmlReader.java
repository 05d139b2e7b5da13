package vn.lienthong.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.lienthong.contract.Problem;

/**
 * Reads edXML documents and status messages, safely and in bounded memory: stray leading bytes handled, DOCTYPEs
 * refused, one StAX pass that spools every attachment to disk with its SHA-256, the schema, every business check, then
 * the signature under the configured policy. Anything wrong throws {@link EdxmlRejectedException} with all problems,
 * and no spool file is left behind. On success the caller owns the spooled files
 * ({@link EdxmlDocument#deleteSpooledFiles()}).
 */
public final class EdxmlReader {

    private final EdxmlProperties properties;
    private final SecureXml xml;
    private final AttachmentSpool spool;
    private final EdxmlStreamParser parser;
    private final EdxmlSchema schema;
    private final EdxmlChecks checks = new EdxmlChecks();
    private final EdxmlMapper mapper = new EdxmlMapper();
    private final IncomingSignature signatures;

    public EdxmlReader(EdxmlProperties properties) {
        this(properties, SignatureVerifier.fromProperties(properties));
    }

    public EdxmlReader(EdxmlProperties properties, SignatureVerifier verifier) {
        this.properties = properties;
        this.xml = new SecureXml(properties.xmlLimits());
        this.spool = new AttachmentSpool(properties.spoolDirectory(), properties.maxAttachmentSize().toBytes());
        this.parser = new EdxmlStreamParser(xml, spool, properties.maxEnvelopeSize().toBytes(),
                properties.maxAttachments());
        this.schema = new EdxmlSchema(xml, properties.schema());
        this.signatures = new IncomingSignature(xml, verifier,
                properties.verification().wholeDocumentMaxSize().toBytes(), properties.maxAttachments() + 1);
    }

    /** A document or a status message from a file. */
    public EdxmlMessage read(Path file) {
        ParsedEdxml parsed = parse(file, false);
        try {
            return check(parsed, file);
        } catch (RuntimeException e) {
            parsed.deleteSpooled();
            throw e;
        }
    }

    /**
     * Reads a file the gateway may sign and send on: the message, and the sender's tree with each attachment's
     * base64 text as written. The caller closes the source and deletes the message's spooled files.
     */
    public SourcedEdxml readWithSource(Path file) {
        ParsedEdxml parsed = parse(file, true);
        try {
            EdxmlMessage message = check(parsed, file);
            return new SourcedEdxml(message, new EdxmlSource(parsed.skeleton(), parsed.contents()));
        } catch (RuntimeException e) {
            parsed.deleteSpooled();
            throw e;
        }
    }

    private ParsedEdxml parse(Path file, boolean keepEncodedText) {
        long size = size(file);
        if (size > properties.maxDocumentSize().toBytes()) {
            throw EdxmlRejectedException.of("/", "the document is " + size + " bytes, larger than the limit of "
                    + properties.maxDocumentSize().toBytes() + " bytes");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parser.parse(in, keepEncodedText);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A document or status message from a stream: copied to the spool folder (size-limited) first, then read. */
    public EdxmlMessage read(InputStream in) {
        Path raw = spool.newFile(".edxml");
        try {
            try (InputStream limited = xml.limit(in); OutputStream out = Files.newOutputStream(raw)) {
                limited.transferTo(out);
            } catch (XmlSizeLimitException e) {
                throw EdxmlRejectedException.of("/", e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spool the incoming edXML", e);
            }
            return read(raw);
        } finally {
            deleteQuietly(raw);
        }
    }

    public EdxmlDocument readDocument(Path file) {
        EdxmlMessage message = read(file);
        if (message instanceof EdxmlDocument document) {
            return document;
        }
        throw EdxmlRejectedException.of("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader/StatusCode",
                "this is a status message where a document was expected");
    }

    public EdxmlStatus readStatus(Path file) {
        EdxmlMessage message = read(file);
        if (message instanceof EdxmlStatus status) {
            return status;
        }
        ((EdxmlDocument) message).deleteSpooledFiles();
        throw EdxmlRejectedException.of("/edXML/edXMLEnvelope/edXMLHeader/MessageHeader",
                "this is a document where a status message (with a StatusCode) was expected");
    }

    private EdxmlMessage check(ParsedEdxml parsed, Path file) {
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(schema.validate(parsed.skeleton()));
        Findings findings = checks.check(parsed.skeleton());
        problems.addAll(findings.errors);
        if (!problems.isEmpty()) {
            throw new EdxmlRejectedException(problems);
        }
        List<Problem> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(findings.warnings);
        SignatureCheck signature = signatures.check(parsed, file);
        if (signature.status() == SignatureStatus.INVALID) {
            if (properties.verification().onInvalid() == EdxmlProperties.InvalidSignaturePolicy.REJECT) {
                throw EdxmlRejectedException.of(EdxmlNames.SIGNATURE_PATH, "the signature is invalid: "
                        + signature.reason());
            }
            warnings.add(new Problem(EdxmlNames.SIGNATURE_PATH, "the signature is invalid (flagged, not rejected): "
                    + signature.reason()));
        }
        return mapper.toMessage(parsed, signature, warnings);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // temporary copy
        }
    }
}
