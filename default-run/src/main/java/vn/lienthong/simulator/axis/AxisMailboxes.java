package vn.lienthong.simulator.axis;

import vn.lienthong.simulator.JsonLinesJournal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One mailbox per agency: every edXML file the axis carries, stored once under {@code files/<DocID>.edxml}, with where
 * each recipient is with it. The index is a JSON-lines journal ({@code index.jsonl}) replayed at start: a file is in
 * place before its record is journaled, and its record is journaled before the sender is answered, so an answered
 * DocID survives a crash. Files a crash left without a record are removed at start; they were never answered.
 */
public class AxisMailboxes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AxisMailboxes.class);
    private static final String OP = "op";
    private static final String OP_MESSAGE = "message";
    private static final String OP_ACK = "ack";
    private static final String SUFFIX = ".edxml";

    /** Where one recipient is with one file. */
    public record Delivery(String organId, AxisAck ack, String reason, Instant at) {
    }

    /** One file as one recipient's mailbox holds it. */
    public record MailItem(AxisMessage message, Delivery delivery) {
    }

    /** One file with every recipient's state, in the order of its To organs. */
    public record Tracked(AxisMessage message, List<Delivery> deliveries) {
    }

    private static final class Entry {
        final AxisMessage message;
        final Map<String, Delivery> deliveries = new LinkedHashMap<>();

        Entry(AxisMessage message) {
            this.message = message;
            message.toOrganIds().forEach(organ -> deliveries.put(organ, new Delivery(organ, AxisAck.PENDING, null,
                    null)));
        }
    }

    private final Path directory;
    private final Path files;
    private final Path incoming;
    private final JsonLinesJournal journal;
    private final Map<String, Entry> messages = new LinkedHashMap<>(); // guarded by this; arrival order

    public AxisMailboxes(Path directory) {
        this.directory = directory.toAbsolutePath();
        this.files = this.directory.resolve("files");
        this.incoming = this.directory.resolve("incoming");
        try {
            Files.createDirectories(files);
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the axis simulator store " + this.directory, e);
        }
        this.journal = new JsonLinesJournal("axis simulator journal", this.directory.resolve("index.jsonl"));
        journal.replay(this::replay);
        removeLeftovers();
        if (!messages.isEmpty()) {
            log.info("axis simulator: replayed {} files from {}", messages.size(), this.directory);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A new file to receive an upload into, on the same disk as the store so that depositing it is a rename. */
    public Path newIncomingFile() {
        return incoming.resolve(UUID.randomUUID() + ".part");
    }

    /**
     * Stores the received file (moved, not copied) for every recipient of {@code message}.
     *
     * @return the message
     */
    public synchronized AxisMessage deposit(Path received, AxisMessage message) {
        Path target = file(message.docId());
        try {
            Files.move(received, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + message.docId(), e);
        }
        try {
            ObjectNode record = record(OP_MESSAGE);
            record.set(OP_MESSAGE, message.toJournal());
            journal.append(record);
        } catch (RuntimeException e) {
            deleteQuietly(target);
            throw e;
        }
        messages.put(message.docId(), new Entry(message));
        return message;
    }

    /** The stored edXML file of a DocID (it exists when {@link #tracked} finds the DocID). */
    public Path file(String docId) {
        return files.resolve(docId + SUFFIX);
    }

    public synchronized Optional<Tracked> tracked(String docId) {
        Entry entry = docId == null ? null : messages.get(docId);
        return entry == null ? Optional.empty()
                : Optional.of(new Tracked(entry.message, List.copyOf(entry.deliveries.values())));
    }

    /** Everything addressed to these organs, oldest first, whatever its state. */
    public synchronized List<MailItem> received(Collection<String> organIds) {
        List<MailItem> items = new ArrayList<>();
        for (Entry entry : messages.values()) {
            entry.deliveries.values().stream().filter(d -> organIds.contains(d.organId()))
                    .forEach(d -> items.add(new MailItem(entry.message, d)));
        }
        return items;
    }

    /** Everything these organs sent, one item per recipient, oldest first. */
    public synchronized List<MailItem> sent(Collection<String> organIds) {
        List<MailItem> items = new ArrayList<>();
        for (Entry entry : messages.values()) {
            if (organIds.contains(entry.message.fromOrganId())) {
                entry.deliveries.values().forEach(d -> items.add(new MailItem(entry.message, d)));
            }
        }
        return items;
    }

    /**
     * Records what the recipients say about a file, all or none. Saying again what a recipient already said is
     * accepted and changes nothing; changing a final state (done, fail) is refused.
     *
     * @throws AxisRefusal 409 when one of them already acknowledged it done or fail with another state
     */
    public synchronized List<Delivery> acknowledge(String docId, List<String> organIds, AxisAck ack, String reason,
            Instant at) {
        Entry entry = messages.get(docId);
        if (entry == null) {
            throw AxisRefusal.notFound("Không tìm thấy DocID " + docId + " (unknown DocID)");
        }
        for (String organ : organIds) {
            Delivery delivery = entry.deliveries.get(organ);
            if (delivery.ack().isFinal() && delivery.ack() != ack) {
                throw new AxisRefusal(AxisRefusal.ALREADY_ACKNOWLEDGED, "DocID " + docId + " đã được " + organ
                        + " xác nhận '" + delivery.ack().wire() + "' (already acknowledged)");
            }
        }
        List<Delivery> result = new ArrayList<>();
        for (String organ : organIds) {
            Delivery delivery = entry.deliveries.get(organ);
            if (delivery.ack().isFinal()) {
                result.add(delivery); // the same final state again: nothing to record
                continue;
            }
            ObjectNode record = record(OP_ACK).put("docId", docId).put("organId", organ).put("ack", ack.wire())
                    .put("reason", reason).put("at", at.toString());
            journal.append(record);
            Delivery updated = new Delivery(organ, ack, reason, at);
            entry.deliveries.put(organ, updated);
            result.add(updated);
        }
        return result;
    }

    public synchronized int size() {
        return messages.size();
    }

    /** Forgets every file and record; returns how many files there were. */
    public synchronized int clear() {
        int count = messages.size();
        journal.truncate();
        messages.clear();
        deleteAll(files);
        return count;
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void replay(JsonNode record) {
        switch (record.path(OP).asText()) {
            case OP_MESSAGE -> {
                AxisMessage message;
                try {
                    message = AxisMessage.fromJournal(record.path(OP_MESSAGE));
                } catch (RuntimeException e) {
                    log.warn("axis simulator journal: unreadable message record skipped: {}", e.getMessage());
                    return;
                }
                if (!Files.isRegularFile(file(message.docId()))) {
                    log.warn("axis simulator journal: the file of DocID {} is missing; record skipped",
                            message.docId());
                    return;
                }
                messages.put(message.docId(), new Entry(message));
            }
            case OP_ACK -> {
                Entry entry = messages.get(record.path("docId").asText());
                String organ = record.path("organId").asText();
                if (entry == null || !entry.deliveries.containsKey(organ)) {
                    log.warn("axis simulator journal: ack for an unknown DocID or recipient skipped");
                    return;
                }
                JsonNode reason = record.get("reason");
                entry.deliveries.put(organ, new Delivery(organ, AxisAck.fromWire(record.path("ack").asText()),
                        reason == null || reason.isNull() ? null : reason.asText(),
                        Instant.parse(record.path("at").asText())));
            }
            default -> log.warn("axis simulator journal: unknown record op '{}' skipped", record.path(OP).asText());
        }
    }

    /**
     * Uploads a crash interrupted, attachments the edXML reader was spooling then, and files stored but never
     * journaled (their sender was never answered OK).
     */
    private void removeLeftovers() {
        deleteAll(incoming);
        if (Files.isDirectory(directory.resolve("spool"))) {
            deleteAll(directory.resolve("spool"));
        }
        try (Stream<Path> stored = Files.list(files)) {
            stored.filter(file -> !messages.containsKey(docIdOf(file))).forEach(file -> {
                log.warn("axis simulator: {} has no journal record (never answered); removed", file.getFileName());
                deleteQuietly(file);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files, e);
        }
    }

    private static String docIdOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
    }

    private static ObjectNode record(String op) {
        return JsonNodeFactory.instance.objectNode().put(OP, op);
    }

    private static void deleteAll(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            entries.forEach(AxisMailboxes::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + folder, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", file, e.toString());
        }
    }
}
