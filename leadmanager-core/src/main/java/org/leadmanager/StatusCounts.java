package org.leadmanager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * Lead counts per status, for the status checkboxes and the lead managers list: every status of the project in
 * its list order, with its label and category, those without leads included (count 0).
 *
 * @param statuses one entry per status of the project, in the project's order; unmodifiable
 */
public record StatusCounts(List<StatusCount> statuses) {

    /**
     * One status with its count.
     *
     * @param key      the status's key
     * @param label    its label, as the project shows it
     * @param category OPEN, WON or LOST
     * @param position its place in the project's list, 0 first
     * @param count    leads on it (matching the criteria, where there are any)
     */
    public record StatusCount(StatusKey key, String label, StatusCategory category, int position, long count) {

        public StatusCount {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(category, "category");
        }
    }

    public StatusCounts {
        statuses = List.copyOf(statuses);
    }

    /** The project's statuses with the counts {@code byKey} gives them (0 where it has none), in list order. */
    static StatusCounts of(List<LeadStatus> statuses, Map<StatusKey, Long> byKey) {
        List<StatusCount> entries = new ArrayList<>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            LeadStatus status = statuses.get(i);
            entries.add(new StatusCount(status.key(), status.label(), status.category(), i,
                    byKey.getOrDefault(status.key(), 0L)));
        }
        return new StatusCounts(entries);
    }

    /** The counts by key, in the project's order. */
    public Map<StatusKey, Long> byStatus() {
        Map<StatusKey, Long> byKey = new LinkedHashMap<>();
        statuses.forEach(s -> byKey.put(s.key(), s.count()));
        return Collections.unmodifiableMap(byKey);
    }

    /** Count for one status; 0 when it has none or is unknown. */
    public long of(StatusKey status) {
        return statuses.stream().filter(s -> s.key().equals(status)).mapToLong(StatusCount::count).sum();
    }

    /** Sum over all statuses. */
    public long total() {
        return statuses.stream().mapToLong(StatusCount::count).sum();
    }
}
