package vn.lienthong.simulator.dvcqg;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

/**
 * What the simulated portal holds for the province: the dossiers citizens filed online and their later actions
 * (supplements, withdrawal requests), each an <em>entry</em> in arrival order, with its files streamed to
 * {@code files/<file id>} (SHA-256 and size kept); which entries the province marked received, which were pushed to
 * it, and the statuses it sent back. The index is a JSON-lines journal replayed at start: an entry's files are in
 * place before it is journaled, and it is journaled before it is answered.
 */
public class DvcqgInbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DvcqgInbox.class);
    private static final String OP = "op";
    private static final String OP_ENTRY = "entry";
    private static final String OP_RECEIVED = "received";
    private static final String OP_PUSHED = "pushed";
    private static final String OP_STATUS = "status";

    public static final String DOSSIER = "dossier";
    public static final String SUPPLEMENT = "supplement";
    public static final String WITHDRAWAL = "withdrawal";

    /** One file a citizen attached: its id (for getfile), name (TenTepDinhKem), content type, size and SHA-256. */
    public record StoredFile(String id, String name, String contentType, long size, String sha256) {
    }

    /**
     * One thing waiting for the province: a dossier, a supplement or a withdrawal request, with what the citizen sent
     * (completed by the portal) and its files. {@code data} is never modified after storing.
     */
    public record Entry(String id, String type, String maHoSo, Instant filedAt, ObjectNode data,
                        List<StoredFile> files) {
    }

    /** One status the province sent (DongBoTrangThaiHoSo), as received. */
    public record Status(JsonNode status, Instant receivedAt) {
    }

    /** A consistent copy of one dossier's state at the portal. */
    public record DossierView(Entry dossier, List<Entry> actions, Map<String, Instant> received,
                              Map<String, Instant> pushed, List<Status> statuses) {
    }

    /** A mark of "received": when it was first made, and whether this call only repeated it. */
    public record Marked(Entry entry, Instant receivedAt, boolean alreadyReceived) {
    }

    /** The files of one citizen's submission while they are received; closing it removes them unless stored. */
    public final class Upload implements AutoCloseable {

        private final List<StoredFile> received = new ArrayList<>();
        private boolean stored;

        private Upload() {
        }

        /** Streams one file to disk, hashing it on the way; more than {@code maxBytes}: TooLargeException. */
        public StoredFile add(String name, String contentType, InputStream in, long maxBytes) throws IOException {
            String id = UUID.randomUUID().toString();
            Path target = files.resolve(id);
            try {
                HashingCopy.Copied copied = HashingCopy.copy(in, target, maxBytes);
                StoredFile file = new StoredFile(id, name, contentType, copied.size(), copied.sha256());
                received.add(file);
                return file;
            } catch (IOException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        }

        public List<StoredFile> files() {
            return List.copyOf(received);
        }

        @Override
        public void close() {
            if (!stored) {
                received.forEach(file -> delete(files.resolve(file.id())));
            }
        }
    }

    private static final class DossierState {
        final String entryId;
        final List<String> actionIds = new ArrayList<>();
        final List<Status> statuses = new ArrayList<>();

        DossierState(String entryId) {
            this.entryId = entryId;
        }
    }

    private final Path directory;
    private final Path files;
    private final JsonLinesJournal journal;
    private final Clock clock;
    // all guarded by this
    private final Map<String, Entry> entries = new LinkedHashMap<>(); // arrival order
    private final Map<String, DossierState> dossiers = new LinkedHashMap<>();
    private final Map<String, StoredFile> filesById = new LinkedHashMap<>();
    private final Map<String, Instant> received = new LinkedHashMap<>();
    private final Map<String, Instant> pushed = new LinkedHashMap<>();

    public DvcqgInbox(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.files = this.directory.resolve("files");
        this.clock = clock;
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the DVCQG simulator's citizen store " + this.directory, e);
        }
        this.journal = new JsonLinesJournal("DVCQG simulator citizen journal", this.directory.resolve("index.jsonl"));
        journal.replay(this::replay);
        removeLeftovers();
        if (!entries.isEmpty()) {
            log.info("DVCQG simulator: replayed {} citizen entries ({} dossiers, {} received)", entries.size(),
                    dossiers.size(), received.size());
        }
    }

    public Path directory() {
        return directory;
    }

    public Clock clock() {
        return clock;
    }

    public Upload newUpload() {
        return new Upload();
    }

    public synchronized boolean hasDossier(String maHoSo) {
        return dossiers.containsKey(maHoSo);
    }

    /** Stores a new dossier; empty (nothing stored) when its MaHoSo is already filed. */
    public synchronized Optional<Entry> fileDossier(Upload upload, String maHoSo, ObjectNode dossier) {
        if (dossiers.containsKey(maHoSo)) {
            return Optional.empty();
        }
        return Optional.of(store(upload, DOSSIER, maHoSo, dossier));
    }

    /** Stores a supplement or a withdrawal request of a filed dossier; empty when the dossier is unknown. */
    public synchronized Optional<Entry> fileAction(Upload upload, String type, String maHoSo, ObjectNode data) {
        if (!dossiers.containsKey(maHoSo)) {
            return Optional.empty();
        }
        return Optional.of(store(upload, type, maHoSo, data));
    }

    /** Entries not marked received yet, oldest first, at most {@code limit}. */
    public synchronized List<Entry> waiting(int limit) {
        return entries.values().stream().filter(entry -> !received.containsKey(entry.id())).limit(limit).toList();
    }

    /** Entries not pushed and not received yet, oldest first. */
    public synchronized List<Entry> notPushed() {
        return entries.values().stream()
                .filter(entry -> !pushed.containsKey(entry.id()) && !received.containsKey(entry.id())).toList();
    }

    public synchronized Optional<Entry> entry(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** The dossier entry of a MaHoSo. */
    public synchronized Optional<Entry> dossierEntry(String maHoSo) {
        DossierState state = dossiers.get(maHoSo);
        return state == null ? Optional.empty() : Optional.of(entries.get(state.entryId));
    }

    /** A dossier's supplements and withdrawal requests, in arrival order. */
    public synchronized List<Entry> actions(String maHoSo) {
        DossierState state = dossiers.get(maHoSo);
        return state == null ? List.of() : state.actionIds.stream().map(entries::get).toList();
    }

    public synchronized Optional<StoredFile> file(String id) {
        return Optional.ofNullable(filesById.get(id));
    }

    /** Where a stored file's bytes are. */
    public Path path(StoredFile file) {
        return files.resolve(file.id());
    }

    /**
     * Marks the entries received (all known: the caller checked), idempotently: a repeated mark keeps the first time.
     */
    public synchronized List<Marked> markReceived(List<String> ids) {
        List<Marked> marks = new ArrayList<>();
        Instant now = clock.instant();
        for (String id : ids) {
            Entry entry = entries.get(id);
            Instant first = received.get(id);
            if (first != null) {
                marks.add(new Marked(entry, first, true));
                continue;
            }
            journal.append(JsonNodeFactory.instance.objectNode().put(OP, OP_RECEIVED).put("id", id)
                    .put("at", now.toString()));
            received.put(id, now);
            marks.add(new Marked(entry, now, false));
        }
        return marks;
    }

    public synchronized void markPushed(String id) {
        if (pushed.containsKey(id) || !entries.containsKey(id)) {
            return;
        }
        Instant now = clock.instant();
        journal.append(JsonNodeFactory.instance.objectNode().put(OP, OP_PUSHED).put("id", id).put("at", now.toString()));
        pushed.put(id, now);
    }

    /** Appends statuses (each with a filed MaHoSo: the caller checked) in the given order. */
    public synchronized void addStatuses(List<ObjectNode> statuses) {
        Instant now = clock.instant();
        for (ObjectNode status : statuses) {
            String maHoSo = status.get("MaHoSo").textValue();
            ObjectNode record = JsonNodeFactory.instance.objectNode().put(OP, OP_STATUS).put("MaHoSo", maHoSo)
                    .put("at", now.toString());
            record.set("status", status);
            journal.append(record);
            dossiers.get(maHoSo).statuses.add(new Status(status, now));
        }
    }

    public synchronized Optional<DossierView> view(String maHoSo) {
        DossierState state = dossiers.get(maHoSo);
        if (state == null) {
            return Optional.empty();
        }
        Map<String, Instant> marks = new LinkedHashMap<>();
        Map<String, Instant> pushes = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        ids.add(state.entryId);
        ids.addAll(state.actionIds);
        for (String id : ids) {
            if (received.containsKey(id)) {
                marks.put(id, received.get(id));
            }
            if (pushed.containsKey(id)) {
                pushes.put(id, pushed.get(id));
            }
        }
        return Optional.of(new DossierView(entries.get(state.entryId),
                state.actionIds.stream().map(entries::get).toList(), marks, pushes, List.copyOf(state.statuses)));
    }

    public synchronized int dossierCount() {
        return dossiers.size();
    }

    public synchronized int entryCount() {
        return entries.size();
    }

    public synchronized int waitingCount() {
        return (int) entries.keySet().stream().filter(id -> !received.containsKey(id)).count();
    }

    /** Forgets every entry, file and status; returns how many dossiers there were. */
    public synchronized int clear() {
        int count = dossiers.size();
        journal.truncate();
        entries.clear();
        dossiers.clear();
        filesById.clear();
        received.clear();
        pushed.clear();
        try (Stream<Path> stored = Files.list(files)) {
            stored.forEach(DvcqgInbox::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + files, e);
        }
        return count;
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private Entry store(Upload upload, String type, String maHoSo, ObjectNode data) {
        Entry entry = new Entry(UUID.randomUUID().toString(), type, maHoSo, clock.instant(), data, upload.files());
        ObjectNode record = JsonNodeFactory.instance.objectNode().put(OP, OP_ENTRY).put("id", entry.id())
                .put("type", type).put("MaHoSo", maHoSo).put("filedAt", entry.filedAt().toString());
        record.set("data", data);
        ArrayNode list = record.putArray("files");
        entry.files().forEach(f -> list.addObject().put("id", f.id()).put("name", f.name())
                .put("contentType", f.contentType()).put("size", f.size()).put("sha256", f.sha256()));
        journal.append(record);
        upload.stored = true;
        apply(entry);
        return entry;
    }

    private void apply(Entry entry) {
        entries.put(entry.id(), entry);
        entry.files().forEach(file -> filesById.put(file.id(), file));
        if (DOSSIER.equals(entry.type())) {
            dossiers.put(entry.maHoSo(), new DossierState(entry.id()));
        } else {
            dossiers.get(entry.maHoSo()).actionIds.add(entry.id());
        }
    }

    private void replay(JsonNode record) {
        try {
            String id = record.path("id").asText();
            switch (record.path(OP).asText()) {
                case OP_ENTRY -> {
                    List<StoredFile> stored = new ArrayList<>();
                    record.path("files").forEach(f -> stored.add(new StoredFile(text(f, "id"), text(f, "name"),
                            text(f, "contentType"), f.path("size").asLong(), text(f, "sha256"))));
                    String type = record.path("type").asText();
                    String maHoSo = record.path("MaHoSo").asText();
                    if (!DOSSIER.equals(type) && !dossiers.containsKey(maHoSo)) {
                        log.warn("DVCQG simulator citizen journal: {} of unknown dossier {} skipped", type, maHoSo);
                        return;
                    }
                    apply(new Entry(id, type, maHoSo, Instant.parse(record.path("filedAt").asText()),
                            (ObjectNode) record.get("data"), List.copyOf(stored)));
                }
                case OP_RECEIVED -> {
                    if (entries.containsKey(id)) {
                        received.putIfAbsent(id, Instant.parse(record.path("at").asText()));
                    }
                }
                case OP_PUSHED -> {
                    if (entries.containsKey(id)) {
                        pushed.putIfAbsent(id, Instant.parse(record.path("at").asText()));
                    }
                }
                case OP_STATUS -> {
                    DossierState state = dossiers.get(record.path("MaHoSo").asText());
                    if (state != null) {
                        state.statuses.add(new Status(record.get("status"), Instant.parse(record.path("at").asText())));
                    }
                }
                default -> log.warn("DVCQG simulator citizen journal: unknown record op '{}' skipped",
                        record.path(OP).asText());
            }
        } catch (RuntimeException e) {
            log.warn("DVCQG simulator citizen journal: unreadable record skipped: {}", e.toString());
        }
    }

    /** Files of submissions a crash interrupted (never answered). */
    private void removeLeftovers() {
        try (Stream<Path> stored = Files.list(files)) {
            stored.filter(path -> !filesById.containsKey(path.getFileName().toString())).forEach(DvcqgInbox::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files, e);
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("cannot delete {}: {}", path, e.toString());
        }
    }
}
