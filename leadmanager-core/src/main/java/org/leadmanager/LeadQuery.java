package org.leadmanager;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;

/**
 * A page request over one project's leads.
 *
 * @param project  the lead manager to list
 * @param criteria the filter; {@link LeadCriteria#all()} for none
 * @param sort     the order
 * @param limit    page size, 1..500
 * @param cursor   {@link LeadPage#nextCursor()} of the previous page, or null for the first page
 */
public record LeadQuery(@NotNull ProjectId project, @NotNull LeadCriteria criteria, @NotNull LeadSort sort,
        @Min(1) @Max(500) int limit, @Size(max = 1000) String cursor) {

    /** The first page of 50, most recent activity first. */
    public static LeadQuery firstPage(ProjectId project, LeadCriteria criteria) {
        return new LeadQuery(project, criteria, LeadSort.byLastActivity(), 50, null);
    }

    /** The same query at another cursor. */
    public LeadQuery after(String nextCursor) {
        return new LeadQuery(project, criteria, sort, limit, nextCursor);
    }
}
