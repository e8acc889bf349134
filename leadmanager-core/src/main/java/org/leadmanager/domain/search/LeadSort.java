package org.leadmanager.domain.search;

import java.util.Objects;

/**
 * Sort order of a lead list.
 *
 * @param field      non-null
 * @param descending true for newest / last first
 */
public record LeadSort(SortField field, boolean descending) {

    public LeadSort {
        Objects.requireNonNull(field, "field");
    }

    /** Most recent activity first: the default. */
    public static LeadSort byLastActivity() {
        return new LeadSort(SortField.LAST_ACTIVITY, true);
    }

    public static LeadSort ascending(SortField field) {
        return new LeadSort(field, false);
    }

    public static LeadSort descending(SortField field) {
        return new LeadSort(field, true);
    }
}
