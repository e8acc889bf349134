package org.leadmanager.domain.search;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;

/**
 * Criteria stored by name for one user ("Suche erstellen"). Names are unique per user.
 *
 * @param project the project it was made for; non-null
 */
public record SavedSearch(SavedSearchId id, TenantId tenant, UserId owner, String name, ProjectId project,
        LeadCriteria criteria, LeadSort sort, Instant createdAt) {

    public SavedSearch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(owner, "owner");
        name = Text.required(name, "name", Text.MAX_NAME);
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
