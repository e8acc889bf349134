package org.leadmanager.domain.project;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;

/**
 * A marketing action, e.g. an e-mail campaign. A response to it qualifies the contact for each of its projects,
 * with the action recorded as the lead's source.
 */
public record MarketingAction(MarketingActionId id, TenantId tenant, String name, Set<ProjectId> projects,
        Instant createdAt) {

    public MarketingAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        name = Text.required(name, "name", Text.MAX_NAME);
        projects = Set.copyOf(Objects.requireNonNull(projects, "projects"));
        if (projects.isEmpty()) {
            throw ValidationException.of("projects", "NotEmpty", "must name at least one project");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
