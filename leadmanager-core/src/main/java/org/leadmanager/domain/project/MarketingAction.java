package org.leadmanager.domain.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;

/**
 * A marketing action, e.g. an e-mail campaign. A response to it qualifies the contact for each of its projects,
 * with the action recorded as the lead's source ({@code LeadCriteria.withSources} finds its leads).
 *
 * @param id        the action's id
 * @param tenant    its tenant
 * @param name      1 to 200 characters
 * @param kind      e-mail campaign, event, web form, import or other
 * @param projects  the projects a response qualifies for, at least one
 * @param startsOn  the first day of the action's period; null when open or unknown
 * @param endsOn    the last day of its period, not before {@code startsOn}; null when open or unknown
 * @param createdAt when it was created
 */
public record MarketingAction(MarketingActionId id, TenantId tenant, String name, ActionKind kind,
        Set<ProjectId> projects, LocalDate startsOn, LocalDate endsOn, Instant createdAt) {

    public MarketingAction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        name = Text.required(name, "name", Text.MAX_NAME);
        Objects.requireNonNull(kind, "kind");
        requirePeriod(startsOn, endsOn, "endsOn");
        projects = Set.copyOf(Objects.requireNonNull(projects, "projects"));
        if (projects.isEmpty()) {
            throw ValidationException.of("projects", "NotEmpty", "must name at least one project");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Checks a period: either end may be open, but it may not end before it starts.
     *
     * @throws ValidationException at {@code path} if it does
     */
    public static void requirePeriod(LocalDate startsOn, LocalDate endsOn, String path) {
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw ValidationException.of(path, "Period", "must not be before the start " + startsOn,
                    "startsOn", startsOn);
        }
    }
}
