package org.leadmanager.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/** Aggregates for store-free tests: a project with OPEN, WON and LOST statuses, its leads and follow-ups. */
public final class DomainFixture {
    public static final TenantId TENANT = TenantId.of("t");
    public static final UserId MIA = UserId.of("mia");
    public static final UserId ALICE = UserId.of("alice");
    public static final UserId BOB = UserId.of("bob");
    public static final StatusKey NEW = StatusKey.of("new");
    public static final StatusKey CONTACTED = StatusKey.of("contacted");
    public static final StatusKey OFFER = StatusKey.of("offer");
    public static final StatusKey WON = StatusKey.of("won");
    public static final StatusKey LOST = StatusKey.of("lost");
    public static final StatusKey SPAM = StatusKey.of("spam");
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private DomainFixture() {
    }

    /** new, contacted, offer (OPEN), won (WON), lost, spam (LOST); default new; no transition restricted. */
    public static Project project() {
        return Project.create(new ProjectId(UUID.randomUUID()), TENANT, "Solar roofs", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                        LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
                        LeadStatus.of("offer", "Offer", StatusCategory.OPEN),
                        LeadStatus.of("won", "Customer", StatusCategory.WON),
                        LeadStatus.of("lost", "Lost", StatusCategory.LOST),
                        LeadStatus.of("spam", "Spam", StatusCategory.LOST)),
                NEW, T0);
    }

    /** The project where new may only go to contacted, and contacted only to offer or lost. */
    public static Project restricted() {
        return project().withTransitions(Map.of(NEW, Set.of(CONTACTED), CONTACTED, Set.of(OFFER, LOST)));
    }

    /** A new unassigned lead of the project on its default status. */
    public static Lead lead(Project project) {
        return Lead.qualify(new LeadId(UUID.randomUUID()), TENANT, project.id(), ContactId.of("c1"),
                ContactCard.named("Ada"), project.defaultStatus(), Origin.manual(MIA), null,
                OwnerReason.unassigned(MIA), T0);
    }

    /** An open follow-up due a day after {@link #T0}. */
    public static FollowUp followUp(Lead lead) {
        return FollowUp.schedule(new FollowUpId(UUID.randomUUID()), TENANT, lead.id(), lead.project(), ALICE,
                T0.plusSeconds(86_400), "call back", MIA, T0);
    }
}
