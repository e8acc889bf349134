package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inverse of every change a unit of work made, newest last. Every mutation of store state goes through one of
 * these methods, so rolling back to a mark restores the state exactly as it was at that mark. Containers created on
 * demand (an empty index bucket) are not logged: leaving one behind after a rollback changes no observable state.
 */
final class UndoLog {
    private final List<Runnable> entries = new ArrayList<>();

    int size() {
        return entries.size();
    }

    /** Undoes every change made after {@code mark}, newest first. */
    void rollbackTo(int mark) {
        for (int i = entries.size() - 1; i >= mark; i--) {
            entries.remove(i).run();
        }
    }

    /** {@code map.put(key, value)}; value non-null. */
    <K, V> void putEntry(Map<K, V> map, K key, V value) {
        V previous = map.put(key, value);
        entries.add(previous == null ? () -> map.remove(key) : () -> map.put(key, previous));
    }

    /** {@code map.remove(key)}; returns the removed value or null. */
    <K, V> V removeEntry(Map<K, V> map, K key) {
        V previous = map.remove(key);
        if (previous != null) {
            entries.add(() -> map.put(key, previous));
        }
        return previous;
    }

    /** {@code set.add(element)}. */
    <E> void addElement(Set<E> set, E element) {
        if (set.add(element)) {
            entries.add(() -> set.remove(element));
        }
    }

    /** {@code set.remove(element)}. */
    <E> void removeElement(Set<E> set, E element) {
        if (set.remove(element)) {
            entries.add(() -> set.add(element));
        }
    }

    /** {@code list.add(element)} at the end. */
    <E> void append(List<E> list, E element) {
        list.add(element);
        entries.add(() -> list.remove(list.size() - 1));
    }
}
