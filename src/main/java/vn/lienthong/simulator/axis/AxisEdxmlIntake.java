package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.HashingCopy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import vn.lienthong.contract.Problem;
import vn.lienthong.edxml.EdxmlDocument;
import vn.lienthong.edxml.EdxmlMessage;
import vn.lienthong.edxml.EdxmlReader;
import vn.lienthong.edxml.EdxmlRejectedException;
import vn.lienthong.edxml.EdxmlStatus;
import vn.lienthong.edxml.Organ;

/**
 * Receives an edXML file for the axis: streamed to disk with its SHA-256, then read by the edXML library (secure
 * parser, schema, business checks) for what the axis routes by. Signatures are read but never refused here: the axis
 * carries files, the receiving system judges their signatures (so a test can put a badly signed file in a mailbox).
 */
public class AxisEdxmlIntake {

    private final EdxmlReader reader;
    private final AxisMailboxes mailboxes;
    private final long maxBytes;

    /** @param reader an edXML reader that flags invalid signatures instead of refusing them */
    public AxisEdxmlIntake(EdxmlReader reader, AxisMailboxes mailboxes, long maxBytes) {
        this.reader = reader;
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
            ReceivedFile received = inspect(file, copied, reader.read(file));
            kept = true;
            return received;
        } catch (HashingCopy.TooLargeException e) {
            throw AxisRefusal.invalid("Tệp edXML quá lớn (the edXML file is " + e.getMessage() + ")");
        } catch (EdxmlRejectedException e) {
            throw AxisRefusal.invalid("edXML không hợp lệ (invalid edXML): " + describe(e.problems()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot receive the edXML file", e);
        } finally {
            if (!kept) {
                AxisMailboxes.deleteQuietly(file);
            }
        }
    }

    private static ReceivedFile inspect(Path file, HashingCopy.Copied copied, EdxmlMessage message) {
        String signature = message.signature() == null ? null : message.signature().status().name();
        if (message instanceof EdxmlDocument document) {
            try (document) { // only the hashes are kept: the spooled attachment files go
                List<String> to = document.to().stream().map(Organ::organId).distinct().toList();
                List<AxisMessage.Attachment> attachments = document.attachments().stream()
                        .map(a -> new AxisMessage.Attachment(a.contentId(), a.name(), a.size(), a.sha256()))
                        .toList();
                return new ReceivedFile(file, copied.size(), copied.sha256(), AxisMessageType.EDOC,
                        organId(document.from()), to, document.documentId(), null, attachments, signature);
            }
        }
        EdxmlStatus status = (EdxmlStatus) message;
        List<String> to = status.responseFor() == null || status.responseFor().organId() == null ? List.of()
                : List.of(status.responseFor().organId());
        return new ReceivedFile(file, copied.size(), copied.sha256(), AxisMessageType.STATUS, organId(status.from()),
                to, status.responseFor() == null ? null : status.responseFor().documentId(),
                status.statusCode() == null ? null : status.statusCode().code(), List.of(), signature);
    }

    private static String organId(Organ organ) {
        return organ == null ? null : organ.organId();
    }

    private static String describe(List<Problem> problems) {
        return problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; "));
    }
}
