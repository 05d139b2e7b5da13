package vn.lienthong.simulator.dvcqg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The dossiers the simulated portal accepted, exactly as received, with their progress in arrival order and how often
 * each was synced. A change is journaled before it is applied, under a lock per MaHoSo stripe, so the journal and the
 * memory agree on the order of changes to one dossier while different dossiers proceed in parallel.
 *
 * <p>Stored nodes are never modified after storing; readers of {@link #dossier} must not modify them either.
 */
public class DvcqgStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DvcqgStore.class);
    private static final int STRIPES = 256; // a power of two
    private static final String OP = "op";
    private static final String OP_DOSSIER = "dossier";
    private static final String OP_PROGRESS = "progress";

    /** A consistent copy of one dossier's state. */
    public record DossierView(ObjectNode dossier, List<JsonNode> progress, int syncCount) {
    }

    private static final class Entry {
        volatile ObjectNode dossier;
        volatile int syncCount;
        final List<JsonNode> progress = new ArrayList<>(); // guarded by the dossier's stripe

        Entry(ObjectNode dossier) {
            this.dossier = dossier;
            this.syncCount = 1;
        }
    }

    private final DvcqgJournal journal;
    private final ConcurrentHashMap<String, Entry> dossiers = new ConcurrentHashMap<>();
    private final AtomicLong progressItems = new AtomicLong();
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];
    // changes share it; clear() takes it alone so nothing is half-written into a truncated journal
    private final ReentrantReadWriteLock clearing = new ReentrantReadWriteLock();

    public DvcqgStore(DvcqgJournal journal) {
        this.journal = journal;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
        journal.replay(this::replay);
        if (!dossiers.isEmpty()) {
            log.info("DVCQG simulator: replayed {} dossiers and {} progress items", dossiers.size(), progressItems.get());
        }
    }

    /**
     * Stores the dossiers (each an object with a text MaHoSo), all or none.
     *
     * @param updating false = create: refused when a MaHoSo is already stored (or repeated in the batch);
     *                 true = update, or create when unknown
     * @return the MaHoSo values that already exist (nothing stored), or an empty list when all were stored
     */
    public List<String> syncDossiers(List<ObjectNode> batch, boolean updating) {
        List<String> keys = batch.stream().map(DvcqgStore::maHoSo).toList();
        return locked(keys, () -> {
            if (!updating) {
                Set<String> seen = new HashSet<>();
                List<String> existing = new ArrayList<>();
                for (String key : keys) {
                    if ((dossiers.containsKey(key) || !seen.add(key)) && !existing.contains(key)) {
                        existing.add(key);
                    }
                }
                if (!existing.isEmpty()) {
                    return existing;
                }
            }
            journal.append(batch.stream().map(dossier -> record(OP_DOSSIER, dossier)).toList());
            batch.forEach(this::applyDossier);
            return List.of();
        });
    }

    /**
     * Appends progress items (each an object with a text MaHoSo) to their dossiers in the given order, all or none.
     *
     * @return the MaHoSo values not stored (nothing appended), or an empty list when all were appended
     */
    public List<String> appendProgress(List<ObjectNode> items) {
        List<String> keys = items.stream().map(DvcqgStore::maHoSo).toList();
        return locked(keys, () -> {
            List<String> unknown = keys.stream().distinct().filter(key -> !dossiers.containsKey(key)).toList();
            if (!unknown.isEmpty()) {
                return unknown;
            }
            journal.append(items.stream().map(item -> record(OP_PROGRESS, item)).toList());
            items.forEach(this::applyProgress);
            return List.of();
        });
    }

    /** The stored dossier itself (read-only), for answering without a copy. */
    public Optional<ObjectNode> dossier(String maHoSo) {
        Entry entry = dossiers.get(maHoSo);
        return entry == null ? Optional.empty() : Optional.of(entry.dossier);
    }

    public Optional<DossierView> view(String maHoSo) {
        return locked(List.of(maHoSo), () -> {
            Entry entry = dossiers.get(maHoSo);
            if (entry == null) {
                return Optional.<DossierView>empty();
            }
            List<JsonNode> progress = entry.progress.stream().<JsonNode>map(JsonNode::deepCopy).toList();
            return Optional.of(new DossierView(entry.dossier.deepCopy(), progress, entry.syncCount));
        });
    }

    public int dossierCount() {
        return dossiers.size();
    }

    public long progressItemCount() {
        return progressItems.get();
    }

    /** Forgets every dossier and truncates the journal; returns how many dossiers there were. */
    public int clear() {
        clearing.writeLock().lock();
        try {
            int count = dossiers.size();
            journal.truncate();
            dossiers.clear();
            progressItems.set(0);
            return count;
        } finally {
            clearing.writeLock().unlock();
        }
    }

    @Override
    public void close() {
        journal.close();
    }

    private void applyDossier(ObjectNode dossier) {
        String key = maHoSo(dossier);
        Entry entry = dossiers.get(key);
        if (entry == null) {
            dossiers.put(key, new Entry(dossier));
        } else {
            entry.dossier = dossier;
            entry.syncCount++; // only under the stripe lock (or during replay), so not a lost update
        }
    }

    private boolean applyProgress(ObjectNode item) {
        Entry entry = dossiers.get(maHoSo(item));
        if (entry == null) {
            return false;
        }
        entry.progress.add(item);
        progressItems.incrementAndGet();
        return true;
    }

    private void replay(JsonNode record) {
        String op = record.path(OP).asText();
        JsonNode value = record.get(op);
        if (value == null || !value.isObject() || !value.path("MaHoSo").isTextual()) {
            log.warn("DVCQG simulator journal: record without a dossier or progress item skipped");
            return;
        }
        switch (op) {
            case OP_DOSSIER -> applyDossier((ObjectNode) value);
            case OP_PROGRESS -> {
                if (!applyProgress((ObjectNode) value)) {
                    log.warn("DVCQG simulator journal: progress for unknown dossier {} skipped", maHoSo(value));
                }
            }
            default -> log.warn("DVCQG simulator journal: unknown record op '{}' skipped", op);
        }
    }

    private static ObjectNode record(String op, JsonNode value) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put(OP, op);
        record.set(op, value);
        return record;
    }

    private static String maHoSo(JsonNode node) {
        return node.get("MaHoSo").textValue();
    }

    private <T> T locked(List<String> keys, Supplier<T> action) {
        // always in ascending stripe order, so two batches sharing stripes cannot deadlock
        int[] indexes = keys.stream().mapToInt(DvcqgStore::stripe).distinct().sorted().toArray();
        clearing.readLock().lock();
        try {
            for (int index : indexes) {
                stripes[index].lock();
            }
            try {
                return action.get();
            } finally {
                for (int i = indexes.length - 1; i >= 0; i--) {
                    stripes[indexes[i]].unlock();
                }
            }
        } finally {
            clearing.readLock().unlock();
        }
    }

    private static int stripe(String key) {
        int hash = key.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
