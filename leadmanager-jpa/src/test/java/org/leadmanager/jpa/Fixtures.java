package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/** Test data: tenants, projects, leads and follow-ups with microsecond instants, as the core produces them. */
final class Fixtures {
    /**
     * A new id in the layout the library gives its ids (version 7: time-ordered, here with a random time), which
     * every database orders as the core does; MariaDB's UUID type orders versions 1 to 5 differently.
     */
    static UUID newId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        long high = (random.nextLong() & 0xFFFF_FFFF_FFFF_0FFFL) | 0x7000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }

    static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");
    static final StatusKey NEW = StatusKey.of("new");
    static final StatusKey CONTACTED = StatusKey.of("contacted");
    static final StatusKey WON = StatusKey.of("won");
    static final StatusKey LOST = StatusKey.of("lost");

    private Fixtures() {
    }

    static TenantId tenant() {
        return TenantId.of(TestDatabase.uniqueName("tenant"));
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static Project project(TenantId tenant, String name) {
        return Project.create(new ProjectId(newId()), tenant, name, ProjectKind.PROJECT, List.of(
                LeadStatus.of("new", "New", StatusCategory.OPEN),
                LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
                LeadStatus.of("won", "Customer", StatusCategory.WON),
                LeadStatus.of("lost", "Lost", StatusCategory.LOST)), NEW, T0);
    }

    static Lead lead(Project project, String contact) {
        return lead(project, contact, ContactCard.named("Contact " + contact), T0);
    }

    static Lead lead(Project project, String contact, ContactCard card, Instant at) {
        return Lead.qualify(new LeadId(newId()), project.tenant(), project.id(), ContactId.of(contact),
                card, NEW, Origin.manual(ALICE), null, OwnerReason.unassigned(ALICE), at);
    }

    static FollowUp followUp(Lead lead, UserId owner, Instant due) {
        return FollowUp.schedule(new FollowUpId(newId()), lead.tenant(), lead.id(), lead.project(), owner,
                due, "call back", ALICE, T0);
    }

    static void assertSameLead(Lead expected, Lead actual) {
        assertEquals(describe(expected), describe(actual));
    }

    static List<Object> describe(Lead l) {
        return List.of(l.id(), l.tenant(), l.project(), l.contact(), l.card(), l.status(), String.valueOf(l.assignee()),
                l.origin(), l.ownerReason(), String.valueOf(l.lostReason()), l.createdAt(), l.lastActivityAt(),
                String.valueOf(l.nextFollowUpAt()), l.version());
    }

    static List<Object> describe(Project p) {
        return List.of(p.id(), p.tenant(), p.name(), p.kind(), p.archived(), p.statuses(), p.defaultStatus(),
                p.transitions(), p.team(), p.groups(), p.assignment(), p.createdAt(), p.version());
    }

    static List<Object> describe(FollowUp f) {
        return List.of(f.id(), f.tenant(), f.lead(), f.project(), f.owner(), f.dueAt(), f.note(), f.state(),
                f.createdBy(), f.createdAt(), String.valueOf(f.closedAt()), f.reminder(),
                String.valueOf(f.claimableAt()), String.valueOf(f.claimedBy()), f.attempts(),
                String.valueOf(f.remindedAt()), String.valueOf(f.lastError()), f.version());
    }
}
