package org.leadmanager.jpa;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Words of a text criterion that a page found common in a project ({@link LeadWords#isRare}), shared by the units of
 * work of one store, so that the next page walks the list at once instead of weighing the word again. Only ever a
 * guess about speed, never about answers: a walk that does not fill its page falls back to the word's range (and
 * makes the store forget the word), so a page is the same whether a word is remembered or not. Bounded: forgets
 * everything when full.
 */
final class CommonWords {
    static final int CAPACITY = 4096;

    private record Key(String tenant, UUID project, String word) {
    }

    private final Set<Key> words = ConcurrentHashMap.newKeySet();

    boolean contains(String tenant, UUID project, String word) {
        return words.contains(new Key(tenant, project, word));
    }

    void remember(String tenant, UUID project, String word) {
        if (words.size() >= CAPACITY) {
            words.clear();
        }
        words.add(new Key(tenant, project, word));
    }

    void forget(String tenant, UUID project, String word) {
        words.remove(new Key(tenant, project, word));
    }
}
