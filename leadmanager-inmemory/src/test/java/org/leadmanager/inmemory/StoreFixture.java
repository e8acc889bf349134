package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;

/** Test data for store tests: aggregates with sensible defaults, built in one line. */
final class StoreFixture {
    static final TenantId TENANT_A = TenantId.of("tenant-a");
    static final TenantId TENANT_B = TenantId.of("tenant-b");
    static final UserId ANNA = UserId.of("anna");
    static final UserId BEN = UserId.of("ben");
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    static final StatusKey NEW = StatusKey.of("new");
    static final StatusKey CONTACTED = StatusKey.of("contacted");
    static final StatusKey WON = StatusKey.of("won");
    static final StatusKey LOST = StatusKey.of("lost");
    static final List<StatusKey> STATUS_ORDER = List.of(NEW, CONTACTED, WON, LOST);

    private StoreFixture() {
    }

    static Instant at(long minutes) {
        return T0.plusSeconds(60 * minutes);
    }

    static Project project(TenantId tenant, String name) {
        return Project.create(new ProjectId(UUID.randomUUID()), tenant, name, ProjectKind.PROJECT, List.of(
                LeadStatus.of("new", "New", StatusCategory.OPEN),
                LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
                LeadStatus.of("won", "Won", StatusCategory.WON),
                LeadStatus.of("lost", "Lost", StatusCategory.LOST)), NEW, T0);
    }

    static Lead lead(Project project, String contact) {
        return lead(project, contact, NEW, null, T0);
    }

    static Lead lead(Project project, String contact, StatusKey status, UserId assignee, Instant lastActivity) {
        return lead(project.tenant(), project.id(), contact, contact, status, assignee, T0, lastActivity, null);
    }

    static Lead lead(TenantId tenant, ProjectId project, String contact, String name, StatusKey status,
            UserId assignee, Instant created, Instant lastActivity, Instant nextFollowUp) {
        return Lead.reconstitute(new LeadId(UUID.randomUUID()), tenant, project, ContactId.of(contact),
                ContactCard.named(name), status, assignee, Origin.manual(ANNA),
                assignee == null ? OwnerReason.unassigned(ANNA) : OwnerReason.manual(ANNA), null, created,
                created, lastActivity, nextFollowUp, 0);
    }

    static Note note(Lead lead, String text, Instant createdAt) {
        return new Note(new NoteId(UUID.randomUUID()), lead.tenant(), lead.id(), ANNA, text, createdAt, null, 0);
    }

    static Activity activity(Lead lead, ActivityType type, Instant at) {
        return Activity.unnumbered(lead.tenant(), lead.id(), at, ANNA, type, null, null, null);
    }

    static FollowUp followUp(Lead lead, UserId owner, Instant due) {
        return FollowUp.schedule(new FollowUpId(UUID.randomUUID()), lead.tenant(), lead.id(), lead.project(), owner,
                due, "call back", ANNA, T0);
    }

    static MarketingAction action(TenantId tenant, String name, Project project) {
        return new MarketingAction(new MarketingActionId(UUID.randomUUID()), tenant, name, ActionKind.OTHER, Set.of(project.id()),
                null, null, T0);
    }

    static SavedSearch savedSearch(TenantId tenant, UserId owner, String name, Project project) {
        return new SavedSearch(new SavedSearchId(UUID.randomUUID()), tenant, owner, name, project.id(),
                LeadCriteria.all().withStatuses(NEW), LeadSort.byLastActivity(), T0);
    }

    static EventEnvelope event(TenantId tenant, String change) {
        return new EventEnvelope(UUID.randomUUID(), tenant, ANNA, T0,
                new DomainEvent.ProjectChanged(new ProjectId(UUID.randomUUID()), change));
    }

    /** Every field of a follow-up, since FollowUp compares by identity. */
    static List<String> states(List<FollowUp> followUps) {
        return followUps.stream().map(f -> List.of(f.id(), f.tenant(), f.lead(), f.project(), f.owner(), f.dueAt(),
                f.note(), f.state(), f.createdBy(), f.createdAt(), String.valueOf(f.closedAt()), f.reminder(),
                String.valueOf(f.claimableAt()), String.valueOf(f.claimedBy()), f.attempts(),
                String.valueOf(f.remindedAt()), String.valueOf(f.lastError()), f.version()).toString()).toList();
    }
}
