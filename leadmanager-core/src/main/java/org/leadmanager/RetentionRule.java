package org.leadmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;

/**
 * How long one project keeps its leads (GDPR Art. 5(1)(e)): a lead past its limit is erased by the
 * {@link RetentionJob} as {@link Privacy#erase} would, with reason
 * {@link org.leadmanager.domain.lead.ErasureReason#RETENTION}, in that project only (the contact's leads in other
 * projects follow their own rules).
 *
 * @param tenant  the project's tenant, non-null
 * @param project non-null
 * @param kind    which leads the rule covers
 * @param limit   how long such a lead is kept after its last activity (the lead's {@code lastActivityAt}: its
 *                qualification, or its latest status change, owner change, note or follow-up), at least one second
 */
public record RetentionRule(TenantId tenant, ProjectId project, Kind kind, Duration limit) {

    /** Which leads a rule covers. */
    public enum Kind {
        /** Leads in a status of category {@code LOST} (disqualified) with no activity for the limit. */
        LOST,
        /** Any lead with no activity for the limit. */
        UNTOUCHED
    }

    /** @throws IllegalArgumentException if the limit is shorter than a second */
    public RetentionRule {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(limit, "limit");
        Settings.check(limit.compareTo(Duration.ofSeconds(1)) >= 0, "limit must be at least one second, was "
                + limit);
    }

    /** Leads disqualified (in a LOST status) and untouched for longer than {@code limit}. */
    public static RetentionRule lostFor(TenantId tenant, ProjectId project, Duration limit) {
        return new RetentionRule(tenant, project, Kind.LOST, limit);
    }

    /** Leads untouched for longer than {@code limit}, whatever their status. */
    public static RetentionRule untouchedFor(TenantId tenant, ProjectId project, Duration limit) {
        return new RetentionRule(tenant, project, Kind.UNTOUCHED, limit);
    }

    /** Leads whose last activity is before this are past the limit at {@code now}. */
    Instant cutoff(Instant now) {
        return now.minus(limit);
    }

    /** Whether the lead, as stored now, is past this rule's limit. */
    boolean covers(Lead lead, Project project, Instant now) {
        if (!lead.project().equals(this.project) || !lead.lastActivityAt().isBefore(cutoff(now))) {
            return false;
        }
        return kind == Kind.UNTOUCHED || project.findStatus(lead.status())
                .map(s -> s.category() == StatusCategory.LOST).orElse(false);
    }
}
