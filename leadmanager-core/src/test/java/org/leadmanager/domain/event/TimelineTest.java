package org.leadmanager.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.CONTACTED;
import static org.leadmanager.domain.DomainFixture.LOST;
import static org.leadmanager.domain.DomainFixture.MIA;
import static org.leadmanager.domain.DomainFixture.T0;
import static org.leadmanager.domain.DomainFixture.TENANT;
import static org.leadmanager.domain.DomainFixture.WON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;

/** Timeline entries come from the events of a change, one mechanism for every command. */
class TimelineTest {
    private final Project project = DomainFixture.project();
    private final Lead lead = DomainFixture.lead(project);

    private static List<Activity> entries(Changed<?> change) {
        return Timeline.entries(change, TENANT, MIA, T0);
    }

    @Test
    void aStatusChangeIsOneEntryFromWhereToWhere() {
        List<Activity> entries = entries(LeadChanges.moveTo(lead, project, CONTACTED, null, null, T0));

        assertEquals(List.of(Activity.unnumbered(TENANT, lead.id(), T0, MIA, ActivityType.STATUS_CHANGED, "new",
                "contacted", null)), entries);
    }

    @Test
    void convertingIsOneEntryAndDisqualifyingCarriesItsReason() {
        assertEquals(1, entries(LeadChanges.moveTo(lead, project, WON, StatusCategory.WON, null, T0)).size());

        List<Activity> lost = entries(LeadChanges.moveTo(lead, project, LOST, StatusCategory.LOST, "no budget", T0));

        assertEquals(1, lost.size());
        assertEquals(ActivityType.STATUS_CHANGED, lost.get(0).type());
        assertEquals("no budget", lost.get(0).text());
    }

    @Test
    void anUnchangedCommandAndAQualificationWriteNoEntry() {
        assertEquals(List.of(), entries(LeadChanges.moveTo(lead, project, lead.status(), null, null, T0)));
        assertEquals(List.of(), entries(LeadChanges.qualified(lead)), "the first entry is read from the lead");
    }

    @Test
    void assigningNamesTheUsersAndUnassigningIsItsOwnKind() {
        Lead owned = LeadChanges.assign(lead, ALICE, OwnerReason.manual(MIA), T0).state();

        Activity assigned = entries(LeadChanges.assign(lead, ALICE, OwnerReason.manual(MIA), T0)).get(0);
        Activity unassigned = entries(LeadChanges.assign(owned, null, OwnerReason.unassigned(MIA), T0)).get(0);

        assertEquals(ActivityType.ASSIGNED, assigned.type());
        assertNull(assigned.from());
        assertEquals("alice", assigned.to());
        assertEquals(ActivityType.UNASSIGNED, unassigned.type());
        assertEquals("alice", unassigned.from());
    }

    @Test
    void aScheduledFollowUpShowsItsDueTimeAndNote() {
        Instant due = T0.plus(Duration.ofDays(1));

        Activity entry = entries(FollowUpChanges.schedule(new FollowUpId(UUID.randomUUID()), lead, ALICE, due,
                "bring the offer", MIA, T0)).get(0);

        assertEquals(ActivityType.FOLLOW_UP_SCHEDULED, entry.type());
        assertEquals(due.toString(), entry.to());
        assertEquals("bring the offer", entry.text());
    }

    @Test
    void aFoldIsTheMergeThenTheTakenOwnerOnTheSurvivingLead() {
        Lead source = lead.assign(ALICE, OwnerReason.manual(MIA), T0);
        Lead target = DomainFixture.lead(project);

        List<Activity> entries = entries(LeadChanges.fold(source, target, true, T0));

        // the merge's entry ends the folded lead's entries; the owner it passes on is the survivor's own change
        assertEquals(List.of(ActivityType.MERGED, ActivityType.ASSIGNED), entries.stream().map(Activity::type)
                .toList());
        entries.forEach(e -> assertEquals(target.id(), e.lead()));
        assertEquals(source.id().toString(), entries.get(0).from());
        assertTrue(Timeline.isFold(entries.get(0)));
    }

    @Test
    void projectChangesAreNoLeadsTimeline() {
        assertEquals(List.of(), entries(ProjectChanges.rename(project, "Heat pumps")));
    }
}
