package vn.lienthong.simulator.motcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lienthong.simulator.HashingCopy;
import vn.lienthong.simulator.JsonLinesJournal;

/**
 * What the simulated one-stop systems received, per unit code, in arrival order: dossiers (the body as delivered, each
 * file streamed to {@code files/<id>/<n>} with its SHA-256) and, per dossier, events (supplement, withdrawal, payment,
 * rating) in arrival order. A dossier delivered again (same MaHoSo to the same unit) or an event delivered again (same
 * type, body and files) is counted, not listed twice. The index is a JSON-lines journal replayed at start: files are
 * in place before their record is journaled, and it is journaled before it is answered.
 */
public class MotcuaOffice implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MotcuaOffice.class);
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
    private static final String OP = "op";
    private static final String OP_DOSSIER = "dossier";
    private static final String OP_EVENT = "event";
    private static final String OP_AGAIN = "again";

    public static final Set<String> EVENT_TYPES = Set.of("supplement", "withdrawal", "payment", "rating");

    /** One received file: its name (TenTepDinhKem) and content type as sent, its size and SHA-256 as stored. */
    public record StoredFile(String name, String contentType, long size, String sha256) {
    }

    /** A received dossier or event, as it stands: how many times it was delivered. */
    public static final class Received {
        private final String id;
        private final String unit;
        private final String maHoSo;
        private final String type;
        private final JsonNode body;
        private final List<StoredFile> files;
        private final Instant receivedAt;
        private final String key;
        private final String maHoSoDonVi;
        private final List<Received> events = new ArrayList<>();
        private int deliveries = 1;

        Received(String id, String unit, String maHoSo, String type, JsonNode body, List<StoredFile> files,
                Instant receivedAt, String key, String maHoSoDonVi) {
            this.id = id;
            this.unit = unit;
            this.maHoSo = maHoSo;
            this.type = type;
            this.body = body;
            this.files = files;
            this.receivedAt = receivedAt;
            this.key = key;
            this.maHoSoDonVi = maHoSoDonVi;
        }

        public String id() {
            return id;
        }

        public String maHoSo() {
            return maHoSo;
        }

        /** {@code dossier}, or the event's type. */
        public String type() {
            return type;
        }

        public JsonNode body() {
            return body;
        }

        public List<StoredFile> files() {
            return files;
        }

        public Instant receivedAt() {
            return receivedAt;
        }

        /** The one-stop's own id of a dossier (null for an event). */
        public String maHoSoDonVi() {
            return maHoSoDonVi;
        }

        public int deliveries() {
            return deliveries;
        }
    }

    /** A copy of one dossier (or event) and its events, read under the office's lock. */
    public record View(Received item, int deliveries, List<View> events) {
    }

    /** What a delivery did: stored new, or counted again. */
    public record Outcome(Received item, boolean repeated, int deliveries) {
    }

    /** The files of one delivery while it is received; closing it removes them unless they were stored. */
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
    private final MotcuaFaults faults;
    private final Clock clock;
    // guarded by this: unit -> MaHoSo -> dossier, in arrival order
    private final Map<String, Map<String, Received>> units = new LinkedHashMap<>();
    private long sequence; // guarded by this: the one-stop's own ids

    public MotcuaOffice(Path directory, MotcuaFaults faults, Clock clock) {
        this.directory = directory.toAbsolutePath();
        this.files = this.directory.resolve("files");
        this.faults = faults;
        this.clock = clock;
        try {
            Files.createDirectories(files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the one-stop simulator store " + this.directory, e);
        }
        this.journal = new JsonLinesJournal("one-stop simulator journal", this.directory.resolve("index.jsonl"));
        journal.replay(this::replay);
        removeLeftovers();
        if (sequence > 0) {
            log.info("one-stop simulator: replayed {} dossiers", sequence);
        }
    }

    public MotcuaFaults faults() {
        return faults;
    }

    public Upload newUpload() {
        return new Upload();
    }

    /** Stores a dossier delivered to {@code unit}, or counts it again when that unit has its MaHoSo. */
    public synchronized Outcome deliverDossier(Upload upload, String unit, String maHoSo, JsonNode body) {
        Map<String, Received> dossiers = units.computeIfAbsent(unit, u -> new LinkedHashMap<>());
        Received existing = dossiers.get(maHoSo);
        if (existing != null) {
            journal.append(again(unit, maHoSo, null));
            existing.deliveries++;
            return new Outcome(existing, true, existing.deliveries);
        }
        String own = String.format("MC-%06d", sequence + 1);
        Received dossier = new Received(upload.id, unit, maHoSo, OP_DOSSIER, body, upload.files(), clock.instant(),
                null, own);
        journal.append(record(OP_DOSSIER, dossier));
        upload.stored = true;
        apply(dossier);
        return new Outcome(dossier, false, 1);
    }

    /**
     * Stores an event about a dossier {@code unit} has, or counts it again when the same event (type, body, files)
     * came before; empty when the unit has no such dossier.
     */
    public synchronized Optional<Outcome> deliverEvent(Upload upload, String unit, String maHoSo, String type,
            JsonNode body) {
        Received dossier = units.getOrDefault(unit, Map.of()).get(maHoSo);
        if (dossier == null) {
            return Optional.empty();
        }
        String key = key(type, body, upload.files());
        for (Received event : dossier.events) {
            if (event.key.equals(key)) {
                journal.append(again(unit, maHoSo, key));
                event.deliveries++;
                return Optional.of(new Outcome(event, true, event.deliveries));
            }
        }
        Received event = new Received(upload.id, unit, maHoSo, type, body, upload.files(), clock.instant(), key, null);
        journal.append(record(OP_EVENT, event));
        upload.stored = true;
        dossier.events.add(event);
        return Optional.of(new Outcome(event, false, 1));
    }

    /** The dossiers {@code unit} received, in arrival order, each with its events in arrival order. */
    public synchronized List<View> dossiers(String unit) {
        return units.getOrDefault(unit, Map.of()).values().stream().map(MotcuaOffice::view).toList();
    }

    public synchronized Optional<View> dossier(String unit, String maHoSo) {
        return Optional.ofNullable(units.getOrDefault(unit, Map.of()).get(maHoSo)).map(MotcuaOffice::view);
    }

    /** The stored bytes of a received item's {@code index}-th file. */
    public Path file(Received item, int index) {
        return files.resolve(item.id).resolve(String.valueOf(index));
    }

    /** Forgets everything (files and journal); returns how many dossiers there were. */
    public synchronized int clear() {
        int count = units.values().stream().mapToInt(Map::size).sum();
        journal.truncate();
        units.clear();
        try (Stream<Path> folders = Files.list(files)) {
            folders.forEach(MotcuaOffice::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty " + files, e);
        }
        return count;
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private void apply(Received dossier) {
        units.computeIfAbsent(dossier.unit, u -> new LinkedHashMap<>()).put(dossier.maHoSo, dossier);
        sequence++;
    }

    private static View view(Received item) {
        return new View(item, item.deliveries, item.events.stream().map(MotcuaOffice::view).toList());
    }

    private static ObjectNode record(String op, Received item) {
        ObjectNode record = JsonNodeFactory.instance.objectNode().put(OP, op).put("id", item.id).put("unit", item.unit)
                .put("MaHoSo", item.maHoSo).put("type", item.type).put("receivedAt", item.receivedAt.toString())
                .put("key", item.key).put("MaHoSoDonVi", item.maHoSoDonVi);
        record.set("body", item.body);
        ArrayNode list = record.putArray("files");
        item.files.forEach(f -> list.addObject().put("name", f.name()).put("contentType", f.contentType())
                .put("size", f.size()).put("sha256", f.sha256()));
        return record;
    }

    private static ObjectNode again(String unit, String maHoSo, String key) {
        return JsonNodeFactory.instance.objectNode().put(OP, OP_AGAIN).put("unit", unit).put("MaHoSo", maHoSo)
                .put("key", key);
    }

    private void replay(JsonNode record) {
        try {
            String unit = record.path("unit").asText();
            String maHoSo = record.path("MaHoSo").asText();
            Received dossier = units.getOrDefault(unit, Map.of()).get(maHoSo);
            switch (record.path(OP).asText()) {
                case OP_DOSSIER -> {
                    if (dossier == null) {
                        apply(read(record));
                    }
                }
                case OP_EVENT -> {
                    if (dossier != null) {
                        dossier.events.add(read(record));
                    }
                }
                case OP_AGAIN -> {
                    if (dossier == null) {
                        return;
                    }
                    String key = text(record, "key");
                    if (key == null) {
                        dossier.deliveries++;
                    } else {
                        dossier.events.stream().filter(e -> e.key.equals(key)).findFirst()
                                .ifPresent(e -> e.deliveries++);
                    }
                }
                default -> log.warn("one-stop simulator journal: unknown record op '{}' skipped",
                        record.path(OP).asText());
            }
        } catch (RuntimeException e) {
            log.warn("one-stop simulator journal: unreadable record skipped: {}", e.toString());
        }
    }

    private static Received read(JsonNode record) {
        List<StoredFile> stored = new ArrayList<>();
        record.path("files").forEach(f -> stored.add(new StoredFile(text(f, "name"), text(f, "contentType"),
                f.path("size").asLong(), text(f, "sha256"))));
        return new Received(text(record, "id"), text(record, "unit"), text(record, "MaHoSo"), text(record, "type"),
                record.get("body"), List.copyOf(stored), Instant.parse(record.path("receivedAt").asText()),
                text(record, "key"), text(record, "MaHoSoDonVi"));
    }

    /** The same event delivered again has the same type, the same JSON (bytes) and the same files. */
    private static String key(String type, JsonNode body, List<StoredFile> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(type.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(JSON.writeValueAsBytes(body));
            for (StoredFile file : files) {
                digest.update((byte) 0);
                digest.update(file.sha256().getBytes(StandardCharsets.US_ASCII));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException("cannot compute an event's key", e);
        }
    }

    /** Folders of deliveries a crash interrupted, or repeats (their files were not kept). */
    private void removeLeftovers() {
        Set<String> kept = new HashSet<>();
        units.values().forEach(dossiers -> dossiers.values().forEach(d -> {
            kept.add(d.id);
            d.events.forEach(e -> kept.add(e.id));
        }));
        try (Stream<Path> folders = Files.list(files)) {
            folders.filter(folder -> !kept.contains(folder.getFileName().toString())).forEach(MotcuaOffice::deleteTree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files, e);
        }
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
