package vn.lienthong.simulator.eoffice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.HashingCopy;
import vn.lienthong.simulator.JsonLinesJournal;
import vn.lienthong.simulator.SimulatorFaults;

/**
 * What the simulated e-office was given, per organ, in the order received: documents (metadata as received, each file
 * streamed to {@code files/<id>/<n>} with its SHA-256) and statuses. The index is a JSON-lines journal replayed at
 * start; a document's files are in place before its record is journaled, and it is journaled before it is answered.
 */
public class EofficeInbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EofficeInbox.class);
    private static final String OP = "op";
    private static final String OP_DOCUMENT = "document";
    private static final String OP_STATUS = "status";

    /** One received file: its name and content type as sent, its size and SHA-256 (lowercase hex) as stored. */
    public record StoredFile(String name, String contentType, long size, String sha256) {
    }

    public record ReceivedDocument(String id, String organId, JsonNode metadata, List<StoredFile> files,
                                   Instant receivedAt) {
    }

    public record ReceivedStatus(String id, String organId, JsonNode status, Instant receivedAt) {
    }

    /** The files of one delivery while it is being received; closing it removes them unless it was stored. */
    public final class Upload implements AutoCloseable {

        private final String id = UUID.randomUUID().toString();
        private final Path folder = files.resolve(id);
        private final List<StoredFile> received = new ArrayList<>();
        private boolean stored;

        private Upload() {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + folder, e);
            }
        }

        /** Streams one file to disk, hashing it on the way. */
        public StoredFile add(String name, String contentType, InputStream in) throws IOException {
            HashingCopy.Copied copied = HashingCopy.copy(in, folder.resolve(String.valueOf(received.size())));
            StoredFile file = new StoredFile(name, contentType, copied.size(), copied.sha256());
            received.add(file);
            return file;
        }

        public List<StoredFile> files() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            if (!stored) {
                deleteTree(folder);
            }
        }
    }

    private final Path directory;
    private final Path files;
    private final JsonLinesJournal journal;
    private final SimulatorFaults faults;
    private final Clock clock;
    private final Map<String, ReceivedDocument> documents = new LinkedHashMap<>(); // guarded by this; arrival order
    private final List<ReceivedStatus> statuses = new ArrayList<>(); // guarded by this

    public EofficeInbox(Path directory, SimulatorFaults faults, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.files = this.directory.resolve("files");
        this.faults = faults;
        this.clock = clock;
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the e-office simulator store " + this.directory, e);
        }
        this.journal = new JsonLinesJournal("e-office simulator journal", this.directory.resolve("index.jsonl"));
        journal.replay(this::replay);
        removeLeftovers();
        if (!documents.isEmpty() || !statuses.isEmpty()) {
            log.info("e-office simulator: replayed {} documents and {} statuses", documents.size(), statuses.size());
        }
    }

    public Path directory() {
        return directory;
    }

    /** The faults the deliveries currently suffer (never the admin calls). */
    public SimulatorFaults faults() {
        return faults;
    }

    public Upload newUpload() {
        return new Upload();
    }

    public synchronized ReceivedDocument storeDocument(Upload upload, String organId, JsonNode metadata) {
        ReceivedDocument document = new ReceivedDocument(upload.id, organId, metadata, upload.files(),
                clock.instant());
        ObjectNode record = record(OP_DOCUMENT, document.id(), organId, document.receivedAt());
        record.set("metadata", metadata);
        ArrayNode list = record.putArray("files");
        document.files().forEach(f -> list.addObject().put("name", f.name()).put("contentType", f.contentType())
                .put("size", f.size()).put("sha256", f.sha256()));
        journal.append(record);
        upload.stored = true;
        documents.put(document.id(), document);
        return document;
    }

    public synchronized ReceivedStatus storeStatus(String organId, JsonNode status) {
        ReceivedStatus received = new ReceivedStatus(UUID.randomUUID().toString(), organId, status, clock.instant());
        ObjectNode record = record(OP_STATUS, received.id(), organId, received.receivedAt());
        record.set("status", status);
        journal.append(record);
        statuses.add(received);
        return received;
    }

    public synchronized List<ReceivedDocument> documents(String organId) {
        return documents.values().stream().filter(d -> d.organId().equals(organId)).toList();
    }

    public synchronized Optional<ReceivedDocument> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public synchronized List<ReceivedStatus> statuses(String organId) {
        return statuses.stream().filter(s -> s.organId().equals(organId)).toList();
    }

    /** The stored bytes of a document's {@code index}-th file. */
    public Path file(String id, int index) {
        return files.resolve(id).resolve(String.valueOf(index));
    }

    /** Forgets everything (files and journal); returns {documents, statuses} it had. */
    public synchronized int[] clear() {
        int[] counts = {documents.size(), statuses.size()};
        journal.truncate();
        documents.clear();
        statuses.clear();
        try (Stream<Path> folders = Files.list(files)) {
            folders.forEach(EofficeInbox::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + files, e);
        }
        return counts;
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void replay(JsonNode record) {
        String id = record.path("id").asText();
        String organId = record.path("organId").asText();
        Instant at;
        try {
            at = Instant.parse(record.path("receivedAt").asText());
        } catch (RuntimeException e) {
            log.warn("e-office simulator journal: record without a time skipped");
            return;
        }
        switch (record.path(OP).asText()) {
            case OP_DOCUMENT -> {
                List<StoredFile> stored = new ArrayList<>();
                record.path("files").forEach(f -> stored.add(new StoredFile(text(f, "name"), text(f, "contentType"),
                        f.path("size").asLong(), text(f, "sha256"))));
                documents.put(id, new ReceivedDocument(id, organId, record.path("metadata"), stored, at));
            }
            case OP_STATUS -> statuses.add(new ReceivedStatus(id, organId, record.path("status"), at));
            default -> log.warn("e-office simulator journal: unknown record op '{}' skipped", record.path(OP).asText());
        }
    }

    /** Folders of uploads a crash interrupted (never answered). */
    private void removeLeftovers() {
        try (Stream<Path> folders = Files.list(files)) {
            folders.filter(folder -> !documents.containsKey(folder.getFileName().toString()))
                    .forEach(EofficeInbox::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files, e);
        }
    }

    private static ObjectNode record(String op, String id, String organId, Instant at) {
        return JsonNodeFactory.instance.objectNode().put(OP, op).put("id", id).put("organId", organId)
                .put("receivedAt", at.toString());
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            tree.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    log.warn("cannot delete {}: {}", path, e.toString());
                }
            });
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", root, e.toString());
        }
    }
}
