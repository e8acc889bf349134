package org.leadmanager.jpa;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.leadmanager.domain.tally.TallyKey;

/**
 * Which numbers of which project this store added rows to since it last folded them: when a project has
 * {@value #FOLD_AFTER} or more new rows, the unit of work that adds the next rows folds the rows of every number
 * remembered for it ({@link JpaTallyRepository}), and only those: a project's other numbers (its funnel's past days)
 * are neither read nor locked. Kept per store (per node). Bounded: at most {@value #KEYS} numbers per project and
 * {@value #CAPACITY} projects are remembered; what is forgotten (or what a fold skipped or gave up) is folded when it
 * is added to again, so a number another unit of work never adds to keeps its rows: correct, only more to sum.
 */
final class TallyFolds {
    /** Rows added to one project before it is folded: a read sums them, a fold costs a few statements. */
    static final int FOLD_AFTER = 32;
    static final int CAPACITY = 4096;
    static final int KEYS = 1024;

    private final ConcurrentHashMap<UUID, Pending> added = new ConcurrentHashMap<>();

    /** What was added to one project since its last fold. */
    private static final class Pending {
        int rows;
        final Set<TallyKey> keys = new HashSet<>();
    }

    /**
     * Counts rows added to the project, one per key; when the project is due for a fold, the numbers to fold (and
     * counting starts from nothing again), else an empty set.
     */
    Set<TallyKey> due(UUID project, Collection<TallyKey> keys) {
        if (added.size() >= CAPACITY) {
            added.clear();
        }
        Set<TallyKey>[] due = new Set[] {Set.of()};
        added.compute(project, (p, pending) -> {
            Pending next = pending == null ? new Pending() : pending;
            next.rows += keys.size();
            for (TallyKey key : keys) {
                if (next.keys.size() < KEYS) {
                    next.keys.add(key);
                }
            }
            if (next.rows < FOLD_AFTER) {
                return next;
            }
            due[0] = next.keys;
            return null;
        });
        return due[0];
    }
}
