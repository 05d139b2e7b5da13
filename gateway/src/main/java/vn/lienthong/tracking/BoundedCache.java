package vn.lienthong.tracking;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts that never change once written (the unit of a dossier, "the portal accepted this dossier"), kept in memory so
 * that each progress message does not ask the database again. Forgets everything when full: it is only a shortcut.
 */
public final class BoundedCache<K, V> {

    private final int capacity;
    private final ConcurrentHashMap<K, V> entries = new ConcurrentHashMap<>();

    public BoundedCache(int capacity) {
        this.capacity = capacity;
    }

    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(key, value);
    }

    public void remove(K key) {
        entries.remove(key);
    }
}
