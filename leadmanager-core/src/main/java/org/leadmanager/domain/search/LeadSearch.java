package org.leadmanager.domain.search;

import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.StatusKey;

/**
 * A page request as the store receives it.
 *
 * @param tenant      non-null
 * @param project     non-null
 * @param criteria    non-null
 * @param sort        non-null
 * @param statusOrder the project's status keys in list order, for {@link SortField#STATUS_ORDER}
 * @param after       position after which the page starts; null for the first page
 * @param limit       page size, at least 1
 */
public record LeadSearch(TenantId tenant, ProjectId project, LeadCriteria criteria, LeadSort sort,
        List<StatusKey> statusOrder, Keyset after, int limit) {

    public LeadSearch {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(sort, "sort");
        statusOrder = List.copyOf(statusOrder);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** The ordering every store must produce, including the id tie-break. */
    public LeadOrdering ordering() {
        return new LeadOrdering(sort, statusOrder);
    }
}
