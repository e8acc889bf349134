package org.leadmanager.jpa;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many tally rows this store added per project since it last folded the project's rows: when a project has
 * {@value #FOLD_AFTER} or more, the unit of work that adds the next rows folds them ({@link JpaTallyRepository}).
 * Counted per store (per node), so a project's unfolded rows stay below about {@value #FOLD_AFTER} per node that
 * writes to it. Bounded: forgets everything when full, which only delays a fold.
 */
final class TallyFolds {
    /** Rows added to one project before it is folded: a read sums them, a fold costs a few statements. */
    static final int FOLD_AFTER = 32;
    static final int CAPACITY = 4096;

    private final Map<UUID, Integer> added = new ConcurrentHashMap<>();

    /** Counts rows added to the project; true (and counting from 0 again) when the project is due for a fold. */
    boolean due(UUID project, int rows) {
        if (added.size() >= CAPACITY) {
            added.clear();
        }
        int now = added.merge(project, rows, Integer::sum);
        if (now < FOLD_AFTER) {
            return false;
        }
        added.remove(project);
        return true;
    }
}
