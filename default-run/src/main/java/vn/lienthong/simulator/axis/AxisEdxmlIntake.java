package vn.lienthong.simulator.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lienthong.contract.Problem;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlReader;
import vn.lienthong.edxml.EdxmlRejectedException;
import vn.lienthong.edxml.SecureXml;
import vn.lienthong.simulator.HashingCopy;

/**
 * Receives an edXML file for the axis: streamed to disk with its SHA-256; stored when it is well-formed XML whose root
 * is edXML in the QCVN 102 namespace ({@link AxisEnvelope}, which also gives what the axis routes by). Whether it is
 * good edXML is for the receiving system to decide, as on the real axis: the gateway's reader only adds, when it can
 * read the file, the attachments' hashes and the signature status (signatures flagged, never refused), so real files,
 * quirks and bad signatures alike can be placed in a mailbox.
 */
public class AxisEdxmlIntake {

    private static final Logger log = LoggerFactory.getLogger(AxisEdxmlIntake.class);

    private final EdxmlReader reader;
    private final SecureXml xml;
    private final AxisMailboxes mailboxes;
    private final long maxBytes;

    /** @param reader an edXML reader that flags invalid signatures instead of refusing them */
    public AxisEdxmlIntake(EdxmlReader reader, SecureXml xml, AxisMailboxes mailboxes, long maxBytes) {
        this.reader = reader;
        this.xml = xml;
        this.mailboxes = mailboxes;
        this.maxBytes = maxBytes;
    }

    /**
     * A received and readable edXML file, waiting in the store's incoming folder; closing it deletes the file unless
     * it was deposited (moved) first.
     *
     * @param toOrganIds of a document its To organs (distinct, in order); of a status message ResponseFor/OrganId
     */
    public record ReceivedFile(Path file, long size, String sha256, AxisMessageType type, String fromOrganId,
                               List<String> toOrganIds, String documentId, String statusCode,
                               List<AxisMessage.Attachment> attachments, String signature) implements AutoCloseable {

        @Override
        public void close() {
            AxisMailboxes.deleteQuietly(file);
        }
    }

    /**
     * @throws AxisRefusal 400 with every problem when the file is empty, too large or not acceptable edXML
     */
    public ReceivedFile receive(InputStream in) {
        Path file = mailboxes.newIncomingFile();
        boolean kept = false;
        try {
            HashingCopy.Copied copied = HashingCopy.copy(in, file, maxBytes);
            if (copied.size() == 0) {
                throw AxisRefusal.invalid("Tệp edXML rỗng (the edXML file is empty)");
            }
            AxisEnvelope envelope = AxisEnvelope.read(file, xml);
            ReceivedFile received = inspect(file, copied, envelope, readable(file));
            kept = true;
            return received;
        } catch (HashingCopy.TooLargeException e) {
            throw AxisRefusal.invalid("Tệp edXML quá lớn (the edXML file is " + e.getMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the edXML file", e);
        } finally {
            if (!kept) {
                AxisMailboxes.deleteQuietly(file);
            }
        }
    }

    /** The file as the gateway's reader sees it, or {@code null} when it refuses it (the receiver will too). */
    private EdxmlMessage readable(Path file) {
        try {
            return reader.read(file);
        } catch (EdxmlRejectedException e) {
            log.info("axis simulator: stored a file the edXML reader refuses ({})", describe(e.problems()));
            return null;
        }
    }

    private static ReceivedFile inspect(Path file, HashingCopy.Copied copied, AxisEnvelope envelope,
                                        EdxmlMessage message) {
        String signature = message == null || message.signature() == null ? null
                : message.signature().status().name();
        List<AxisMessage.Attachment> attachments = List.of();
        if (message instanceof EdxmlDocument document) {
            try (document) { // only the hashes are kept: the spooled attachment files go
                attachments = document.attachments().stream()
                        .map(a -> new AxisMessage.Attachment(a.contentId(), a.name(), a.size(), a.sha256()))
                        .toList();
            }
        }
        if (envelope.type() == AxisMessageType.EDOC) {
            return new ReceivedFile(file, copied.size(), copied.sha256(), AxisMessageType.EDOC,
                    envelope.fromOrganId(), envelope.toOrganIds().stream().distinct().toList(), envelope.documentId(),
                    null, attachments, signature);
        }
        List<String> to = envelope.responseForOrganId() == null ? List.of() : List.of(envelope.responseForOrganId());
        return new ReceivedFile(file, copied.size(), copied.sha256(), AxisMessageType.STATUS, envelope.fromOrganId(),
                to, envelope.responseForDocumentId(), envelope.statusCode(), List.of(), signature);
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }
}
