package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.MergeResult;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.Projects;
import org.leadmanager.QualifyResult;
import org.leadmanager.StatusChange;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.FollowUpState;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;

/** Capability 4: status changes, conversion, disqualification, notes, contact cards, timeline and merges. */
public abstract class WorkingLeadsContract extends ContractBase {

    private Instant tick() {
        return fx.clock.advance(Duration.ofMinutes(7));
    }

    private List<ActivityType> types(List<Activity> timeline) {
        return timeline.stream().map(Activity::type).toList();
    }

    @Test
    void statusChangesAreRecordedWithWhoWhenFromAndTo() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice);
        Lead lead = fx.lead(project.id());
        Instant first = tick();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        Instant second = tick();
        Lead changed = lm().leads().changeStatus(fx.agent(fx.alice), lead.id(), OFFER);

        assertEquals(OFFER, changed.status());
        assertEquals(OFFER, fx.reload(lead.id()).status());
        assertEquals(second, fx.reload(lead.id()).lastActivityAt());
        assertEquals(List.of(new StatusChange(first, fx.mia, NEW, CONTACTED, null),
                new StatusChange(second, fx.alice, CONTACTED, OFFER, null)),
                lm().leads().statusHistory(manager(), lead.id()));
    }

    @Test
    void changingToTheCurrentStatusRecordsNothing() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        TenantSnapshot before = fx.snapshot();
        lm().leads().changeStatus(manager(), lead.id(), NEW);
        assertEquals(before, fx.snapshot());
        assertTrue(lm().leads().statusHistory(manager(), lead.id()).isEmpty());
    }

    @Test
    void convertingMovesToTheFirstWonStatusOrTheGivenOne() {
        StatusKey bigWin = StatusKey.of("won-big");
        Project project = lm().projects().create(manager(), new Projects.Create("Solar roofs", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                        LeadStatus.of("won", "Customer", StatusCategory.WON),
                        LeadStatus.of("won-big", "Key account", StatusCategory.WON),
                        LeadStatus.of("lost", "Lost", StatusCategory.LOST)), NEW));
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());

        assertEquals(WON, lm().leads().convert(manager(), a.id()).status());
        assertEquals(bigWin, lm().leads().convert(manager(), b.id(), bigWin).status());
        assertEquals(WON, fx.reload(a.id()).status());
        assertEquals(bigWin, fx.reload(b.id()).status());
        assertEquals(List.of(new StatusChange(fx.clock.instant(), fx.mia, NEW, bigWin, null)),
                lm().leads().statusHistory(manager(), b.id()));
    }

    @Test
    void convertingNeedsAWonStatus() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        rejectsInput("status", () -> lm().leads().convert(manager(), lead.id(), CONTACTED));
        rejectsInput("status", () -> lm().leads().convert(manager(), lead.id(), LOST));
        Project noWin = lm().projects().create(manager(), new Projects.Create("Only open", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN)), NEW));
        Lead other = fx.lead(noWin.id());
        rejectsInput("status", () -> lm().leads().convert(manager(), other.id()));
    }

    @Test
    void disqualifyingMovesToALostStatusKeepingTheReason() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        tick();

        Lead lost = lm().leads().disqualify(manager(), lead.id(), "  no budget this year ");

        assertEquals(LOST, lost.status());
        Lead read = fx.reload(lead.id());
        assertEquals(LOST, read.status());
        assertEquals("no budget this year", read.lostReason());
        assertEquals(List.of(new StatusChange(fx.clock.instant(), fx.mia, NEW, LOST, "no budget this year")),
                lm().leads().statusHistory(manager(), lead.id()));
    }

    @Test
    void disqualifyingNeedsALostStatus() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        rejectsInput("status", () -> lm().leads().disqualify(manager(), lead.id(), CONTACTED, "why"));
        rejectsInput("status", () -> lm().leads().disqualify(manager(), lead.id(), WON, "why"));
    }

    @Test
    void changingToALostStatusWithoutReasonIsRejected() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        rejectsInput("status", () -> lm().leads().changeStatus(manager(), lead.id(), LOST));
        assertNull(fx.reload(lead.id()).lostReason());
    }

    @Test
    void leavingALostStatusClearsTheReason() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().disqualify(manager(), lead.id(), LOST, "no budget");

        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);

        assertNull(fx.reload(lead.id()).lostReason());
        assertEquals(CONTACTED, fx.reload(lead.id()).status());
    }

    @Test
    void notesAreAddedEditedAndDeletedByTheirAuthor() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice);
        Lead lead = fx.lead(project.id());
        Instant addedAt = tick();
        Note first = lm().leads().addNote(fx.agent(fx.alice), lead.id(), "Called, wants an offer");
        tick();
        Note second = lm().leads().addNote(manager(), lead.id(), "Budget approved");

        assertEquals(List.of(first.id(), second.id()),
                lm().leads().notes(manager(), lead.id()).stream().map(Note::id).toList(), "oldest first");
        assertEquals(fx.alice, first.author());
        assertEquals(addedAt, first.createdAt());
        assertNull(first.editedAt());

        Instant editedAt = tick();
        Note edited = lm().leads().editNote(fx.agent(fx.alice), first.id(), "Called twice, wants an offer");
        assertEquals("Called twice, wants an offer", edited.text());
        Note read = lm().leads().notes(manager(), lead.id()).get(0);
        assertEquals("Called twice, wants an offer", read.text());
        assertEquals(editedAt, read.editedAt());
        assertEquals(addedAt, read.createdAt());
        assertTrue(read.version() > first.version());

        lm().leads().deleteNote(manager(), second.id());
        assertEquals(List.of(first.id()), lm().leads().notes(manager(), lead.id()).stream().map(Note::id).toList());
        assertEquals(List.of(ActivityType.QUALIFIED, ActivityType.NOTE_ADDED, ActivityType.NOTE_ADDED,
                ActivityType.NOTE_EDITED, ActivityType.NOTE_DELETED), types(lm().leads().timeline(manager(),
                lead.id())));
        assertEquals(fx.clock.instant(), fx.reload(lead.id()).lastActivityAt());
    }

    @Test
    void editingOrDeletingSomeoneElsesNoteIsDenied() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        Lead lead = fx.lead(project.id());
        Note alices = lm().leads().addNote(fx.agent(fx.alice), lead.id(), "Mine");

        rejects(AccessDeniedException.class, () -> lm().leads().editNote(fx.agent(fx.bob), alices.id(), "Bob's"));
        rejects(AccessDeniedException.class, () -> lm().leads().editNote(manager(), alices.id(), "Mia's"));
        rejects(AccessDeniedException.class, () -> lm().leads().deleteNote(fx.agent(fx.bob), alices.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().deleteNote(manager(), alices.id()));
        assertEquals("Mine", lm().leads().notes(manager(), lead.id()).get(0).text());
    }

    @Test
    void authorWhoLostTheLeadCannotEditTheirNoteAnyMore() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        Lead lead = fx.lead(project.id());
        Note note = lm().leads().addNote(fx.agent(fx.alice), lead.id(), "Mine");
        lm().leads().assign(manager(), lead.id(), fx.bob);
        rejects(AccessDeniedException.class, () -> lm().leads().editNote(fx.agent(fx.alice), note.id(), "Still?"));
    }

    @Test
    void unknownNoteIsNotFound() {
        fx.lead(fx.project("Solar roofs").id());
        org.leadmanager.domain.NoteId unknown = new org.leadmanager.domain.NoteId(java.util.UUID.randomUUID());
        rejects(NotFoundException.class, () -> lm().leads().editNote(manager(), unknown, "x"));
        rejects(NotFoundException.class, () -> lm().leads().deleteNote(manager(), unknown));
    }

    @Test
    void refreshingTheCardReloadsTheContactFromTheHost() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika Mustermann");
        Lead lead = fx.lead(project.id(), contact);
        ContactCard changed = new ContactCard("Erika Gabler", "erika.gabler@example.org", "+49 30 999", "Gabler AG",
                "Potsdam", "https://crm.example/contacts/erika");
        fx.contacts.put(fx.tenant, contact, changed);
        assertEquals("Erika Mustermann", fx.reload(lead.id()).card().name(), "a card is a snapshot");
        Instant at = tick();

        Lead refreshed = lm().leads().refreshCard(manager(), lead.id());

        assertEquals(changed, refreshed.card());
        assertEquals(changed, fx.reload(lead.id()).card());
        assertEquals(at, fx.reload(lead.id()).lastActivityAt());
        assertEquals(ActivityType.CARD_REFRESHED, lastOf(lm().leads().timeline(manager(), lead.id())).type());
        assertEquals(List.of(lead.id()), lm().search().find(manager(), org.leadmanager.LeadQuery.firstPage(
                project.id(), LeadCriteria.all().withText("gabler"))).leads().stream().map(Lead::id).toList());
        assertEquals(List.of(), lm().search().find(manager(), org.leadmanager.LeadQuery.firstPage(project.id(),
                LeadCriteria.all().withText("erika mustermann"))).leads(), "the old card's words are gone");
    }

    @Test
    void refreshingAContactTheHostNoLongerHasIsNotFound() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika Mustermann");
        Lead lead = fx.lead(project.id(), contact);
        fx.contacts.remove(fx.tenant, contact);
        rejects(NotFoundException.class, () -> lm().leads().refreshCard(manager(), lead.id()));
    }

    @Test
    void timelineStartsWithTheQualificationAndListsLaterActivitiesInOrder() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        tick();
        lm().leads().assign(manager(), lead.id(), fx.alice);
        tick();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        tick();
        lm().leads().addNote(manager(), lead.id(), "Called");
        tick();
        FollowUp followUp = lm().followUps().schedule(manager(), lead.id(), fx.clock.instant().plus(Duration.ofDays(1)),
                "Call again");
        tick();
        lm().followUps().reschedule(manager(), followUp.id(), fx.clock.instant().plus(Duration.ofDays(2)));
        tick();
        lm().followUps().complete(manager(), followUp.id());
        tick();
        lm().leads().refreshCard(manager(), lead.id());

        List<Activity> timeline = lm().leads().timeline(manager(), lead.id());

        assertEquals(List.of(ActivityType.QUALIFIED, ActivityType.ASSIGNED, ActivityType.STATUS_CHANGED,
                ActivityType.NOTE_ADDED, ActivityType.FOLLOW_UP_SCHEDULED, ActivityType.FOLLOW_UP_RESCHEDULED,
                ActivityType.FOLLOW_UP_COMPLETED, ActivityType.CARD_REFRESHED), types(timeline));
        Activity qualified = timeline.get(0);
        assertEquals(lead.createdAt(), qualified.at());
        assertEquals(fx.mia, qualified.actor());
        assertEquals(lead.id(), qualified.lead());
        assertTrue(qualified.text().contains("MANUAL"), qualified.text());
        for (int i = 1; i < timeline.size(); i++) {
            assertTrue(timeline.get(i - 1).at().isBefore(timeline.get(i).at()), "oldest first: " + timeline);
            assertEquals(lead.id(), timeline.get(i).lead());
        }
        assertEquals("new", timeline.get(2).from());
        assertEquals("contacted", timeline.get(2).to());
        assertNumberedInOrder(timeline);
    }

    /**
     * A change's time is when its call began; a call that began earlier may commit later (here: the clock is set
     * back, as if the second change had started before the first one committed). The timeline follows the commits.
     */
    @Test
    void timelineListsChangesInTheOrderTheyCommittedNotByTheirTimes() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        Instant later = tick();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        Instant earlier = later.minus(Duration.ofMinutes(3));
        fx.clock.set(earlier);
        Note note = lm().leads().addNote(manager(), lead.id(), "Started before the status change committed");
        lm().leads().changeStatus(manager(), lead.id(), OFFER);

        List<Activity> timeline = lm().leads().timeline(manager(), lead.id());

        assertEquals(List.of(ActivityType.QUALIFIED, ActivityType.STATUS_CHANGED, ActivityType.NOTE_ADDED,
                ActivityType.STATUS_CHANGED), types(timeline));
        assertEquals(List.of(lead.createdAt(), later, earlier, earlier), timeline.stream().map(Activity::at).toList());
        assertEquals(note.id().toString(), timeline.get(2).to());
        assertNumberedInOrder(timeline);
        assertEquals(List.of(new StatusChange(later, fx.mia, NEW, CONTACTED, null),
                new StatusChange(earlier, fx.mia, CONTACTED, OFFER, null)),
                lm().leads().statusHistory(manager(), lead.id()));
    }

    @Test
    void mergingMovesALeadWhenOnlyTheMergedContactHasOne() {
        Project project = fx.project("Solar roofs");
        ContactId from = fx.contact("Erika M.");
        ContactId into = fx.contact("Erika Mustermann");
        Lead lead = fx.lead(project.id(), from);
        lm().leads().addNote(manager(), lead.id(), "Keep me");
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        tick();

        MergeResult result = lm().leads().contactsMerged(manager(), from, into);

        assertEquals(List.of(lead.id()), result.moved());
        assertEquals(List.of(), result.merged());
        Lead moved = fx.reload(lead.id());
        assertEquals(into, moved.contact());
        assertEquals("Erika Mustermann", moved.card().name());
        assertEquals(CONTACTED, moved.status());
        assertEquals(1, lm().leads().notes(manager(), lead.id()).size());
        QualifyResult again = lm().qualification().qualify(manager(), project.id(), into);
        assertFalse(again.created(), "the surviving contact is the lead now");
        assertEquals(lead.id(), again.lead().id());
        assertEquals(ActivityType.MERGED, lastOf(lm().leads().timeline(manager(), lead.id())).type());
        assertEquals(1, TenantSnapshot.allLeads(lm(), manager(), project).size());
    }

    @Test
    void mergingFoldsNotesFollowUpsAndTimelineIntoTheSurvivingLead() {
        Project both = fx.project("Solar roofs");
        Project onlyFrom = fx.project("Heat pumps");
        Project onlyInto = fx.project("Batteries");
        ContactId from = fx.contact("Erika M.");
        ContactId into = fx.contact("Erika Mustermann");
        Lead source = fx.lead(both.id(), from);
        lm().leads().assign(manager(), source.id(), fx.alice);
        tick();
        lm().leads().changeStatus(manager(), source.id(), CONTACTED);
        tick();
        Note n1 = lm().leads().addNote(manager(), source.id(), "First note");
        tick();
        FollowUp open = lm().followUps().schedule(manager(), source.id(), fx.clock.instant().plus(Duration.ofDays(3)),
                "Call back");
        FollowUp done = lm().followUps().schedule(manager(), source.id(), fx.clock.instant().plus(Duration.ofDays(1)),
                "Send brochure");
        lm().followUps().complete(manager(), done.id());
        tick();
        Lead target = fx.lead(both.id(), into);
        tick();
        Note n2 = lm().leads().addNote(manager(), target.id(), "Second note");
        Lead movedLead = fx.lead(onlyFrom.id(), from);
        Lead untouched = fx.lead(onlyInto.id(), into);
        List<Activity> sourceTimeline = lm().leads().timeline(manager(), source.id());
        List<Activity> targetTimeline = lm().leads().timeline(manager(), target.id());
        tick();

        MergeResult result = lm().leads().contactsMerged(manager(), from, into);

        assertEquals(List.of(movedLead.id()), result.moved());
        assertEquals(List.of(source.id()), result.merged());
        rejects(NotFoundException.class, () -> lm().leads().get(manager(), source.id()));
        Lead survivor = fx.reload(target.id());
        assertEquals(into, survivor.contact());
        assertEquals(NEW, survivor.status(), "the surviving lead keeps its status");
        assertEquals(fx.alice, survivor.assignee(), "an unowned surviving lead takes the merged lead's owner");
        fx.relayEvents();
        assertEquals(fx.alice, fx.events.events(fx.tenant, org.leadmanager.domain.event.DomainEvent.LeadAssigned.class)
                .stream().filter(e -> e.lead().equals(target.id())).reduce((a, b) -> b).orElseThrow().to(),
                "and says so");
        assertEquals(open.dueAt(), survivor.nextFollowUpAt());
        assertEquals(List.of(n1.id(), n2.id()),
                lm().leads().notes(manager(), target.id()).stream().map(Note::id).toList());
        List<FollowUp> followUps = lm().followUps().forLead(manager(), target.id());
        assertEquals(List.of(done.id(), open.id()), followUps.stream().map(FollowUp::id).toList());
        followUps.forEach(f -> assertEquals(target.id(), f.lead()));
        assertEquals(FollowUpState.COMPLETED, followUps.get(0).state());

        List<Activity> timeline = lm().leads().timeline(manager(), target.id());
        // the survivor's own entries, then the merged lead's, its qualification first (saying the owner and status
        // the merged lead had), in their order; then the merge
        List<Activity> kept = new ArrayList<>(targetTimeline);
        sourceTimeline.forEach(a -> kept.add(a.type() != ActivityType.QUALIFIED ? a.placed(target.id(), kept.size() + 1)
                : new Activity(a.tenant(), target.id(), kept.size() + 1, a.at(), a.actor(), a.type(),
                        fx.alice.value(), CONTACTED.value(), a.text())));
        assertEquals(kept, timeline.subList(0, kept.size()), "the merged lead's history is kept: " + timeline);
        assertEquals(List.of(ActivityType.MERGED, ActivityType.ASSIGNED),
                types(timeline.subList(kept.size(), timeline.size())),
                "the merge ends the merged lead's entries; the owner it passes on follows");
        assertNumberedInOrder(timeline);
        assertTrue(lm().leads().statusHistory(manager(), target.id()).stream()
                .anyMatch(c -> c.from().equals(NEW) && c.to().equals(CONTACTED)));

        lm().followUps().complete(manager(), open.id());
        assertNull(fx.reload(target.id()).nextFollowUpAt());

        assertEquals(into, fx.reload(movedLead.id()).contact());
        assertEquals(into, fx.reload(untouched.id()).contact());
        assertEquals(1, TenantSnapshot.allLeads(lm(), manager(), both).size());
        assertEquals(1L, lm().search().countByStatus(manager(), both.id(), LeadCriteria.all()).total());
    }

    @Test
    void anInactiveOwnerOfTheMergedLeadIsNotAdopted() {
        Project project = fx.project("Solar roofs");
        ContactId from = fx.contact("Erika M.");
        ContactId into = fx.contact("Erika Mustermann");
        Lead source = fx.lead(project.id(), from);
        Lead target = fx.lead(project.id(), into);
        lm().leads().assign(manager(), source.id(), fx.alice);
        fx.users.setActive(fx.tenant, fx.alice, false);

        lm().leads().contactsMerged(manager(), from, into);

        assertNull(fx.reload(target.id()).assignee());
    }

    @Test
    void theSurvivingLeadKeepsItsOwnOwner() {
        Project project = fx.project("Solar roofs");
        ContactId from = fx.contact("Erika M.");
        ContactId into = fx.contact("Erika Mustermann");
        Lead source = fx.lead(project.id(), from);
        Lead target = fx.lead(project.id(), into);
        lm().leads().assign(manager(), source.id(), fx.alice);
        lm().leads().assign(manager(), target.id(), fx.bob);

        lm().leads().contactsMerged(manager(), from, into);

        assertEquals(fx.bob, fx.reload(target.id()).assignee());
    }

    @Test
    void mergingAContactIntoItselfOrIntoAnUnknownContactIsRejected() {
        Project project = fx.project("Solar roofs");
        ContactId contact = fx.contact("Erika");
        fx.lead(project.id(), contact);
        rejectsInput("into", () -> lm().leads().contactsMerged(manager(), contact, contact));
        rejects(NotFoundException.class, () -> lm().leads().contactsMerged(manager(), contact, ContactId.of("gone")));
    }

    @Test
    void mergingContactsWithoutLeadsChangesNothing() {
        fx.lead(fx.project("Solar roofs").id());
        ContactId from = fx.contact("A");
        ContactId into = fx.contact("B");
        TenantSnapshot before = fx.snapshot();
        assertEquals(new MergeResult(List.of(), List.of()), lm().leads().contactsMerged(manager(), from, into));
        assertEquals(before, fx.snapshot());
    }

    @Test
    void agentsCannotMergeContacts() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice);
        ContactId from = fx.contact("A");
        ContactId into = fx.contact("B");
        fx.lead(project.id(), from);
        rejects(AccessDeniedException.class, () -> lm().leads().contactsMerged(fx.agent(fx.alice), from, into));
    }

    @Test
    void everyChangeMovesTheLastActivity() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        List<Instant> seen = new ArrayList<>();
        seen.add(fx.reload(lead.id()).lastActivityAt());
        tick();
        lm().leads().assign(manager(), lead.id(), fx.alice);
        seen.add(fx.reload(lead.id()).lastActivityAt());
        tick();
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        seen.add(fx.reload(lead.id()).lastActivityAt());
        tick();
        lm().leads().addNote(manager(), lead.id(), "n");
        seen.add(fx.reload(lead.id()).lastActivityAt());
        tick();
        lm().followUps().schedule(manager(), lead.id(), fx.clock.instant().plus(Duration.ofHours(1)), "f");
        seen.add(fx.reload(lead.id()).lastActivityAt());
        assertEquals(5, Set.copyOf(seen).size(), "every change stamps the lead: " + seen);
        assertEquals(fx.clock.instant(), fx.reload(lead.id()).lastActivityAt());
        assertNotNull(fx.reload(lead.id()).nextFollowUpAt());
    }

    /** Numbered 1, 2, 3, ... in the order listed. */
    static void assertNumberedInOrder(List<Activity> timeline) {
        List<Long> numbers = timeline.stream().map(Activity::sequence).toList();
        assertEquals(LongStream.rangeClosed(1, timeline.size()).boxed().toList(), numbers, "numbered in order");
    }

    private static Activity lastOf(List<Activity> timeline) {
        return timeline.get(timeline.size() - 1);
    }
}
