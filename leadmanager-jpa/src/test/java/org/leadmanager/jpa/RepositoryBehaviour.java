package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.jpa.Fixtures.ALICE;
import static org.leadmanager.jpa.Fixtures.BOB;
import static org.leadmanager.jpa.Fixtures.CONTACTED;
import static org.leadmanager.jpa.Fixtures.LOST;
import static org.leadmanager.jpa.Fixtures.NEW;
import static org.leadmanager.jpa.Fixtures.WON;
import static org.leadmanager.jpa.Fixtures.at;
import static org.leadmanager.jpa.Fixtures.describe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.domain.assignment.RoundRobinState;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyKey;

/** Round-trips, versions, conflicts and tenant isolation of every repository. */
abstract class RepositoryBehaviour extends StoreTestBase {

    @Test
    void projectRoundTripsWithItsWholeConfiguration() {
        TenantId tenant = Fixtures.tenant();
        Project project = Fixtures.project(tenant, "Solar panels: Ümlaut & 100% ,;=~")
                .withStatusAdded(LeadStatus.of("call-2", "Second call, maybe: 50%", StatusCategory.OPEN), 2)
                .withTransitions(Map.of(NEW, Set.of(CONTACTED, LOST), WON, Set.of()))
                .withTeam(List.of(BOB, ALICE, UserId.of("carol: the, boss")))
                .withGroups(Set.of(ContactGroupId.of("g1"), ContactGroupId.of("g 2")))
                .withAssignment(new AssignmentPolicy(List.of(
                        new AssignmentRule("Berlin → Bob", ContactField.CITY, "Berlin", BOB),
                        new AssignmentRule("rule, two", ContactField.EMAIL, "x@y.z", ALICE)),
                        AssignmentStrategy.ROUND_ROBIN, ALICE));
        run(s -> s.projects().insert(project));

        Project found = tx(s -> s.projects().find(tenant, project.id())).orElseThrow();
        assertEquals(describe(project), describe(found));
        assertEquals(describe(project), describe(tx(s -> s.projects().findByName(tenant,
                "SOLAR PANELS: üMLAUT & 100% ,;=~")).orElseThrow()));
        assertEquals(List.of(project.id()), tx(s -> s.projects().findByGroup(tenant, ContactGroupId.of("g 2")))
                .stream().map(Project::id).toList());
    }

    @Test
    void projectUpdateChecksAndBumpsTheVersion() {
        TenantId tenant = Fixtures.tenant();
        Project project = Fixtures.project(tenant, "P");
        run(s -> s.projects().insert(project));

        Project renamed = tx(s -> s.projects().update(project.renamed("Q").withGroups(Set.of(ContactGroupId.of("a")))));
        assertEquals(1, renamed.version());
        Project unchanged = tx(s -> s.projects().update(renamed));
        assertEquals(2, unchanged.version(), "an update without changes still counts");
        assertThrows(StaleModificationException.class, () -> tx(s -> s.projects().update(renamed.archive())));
        Project stored = tx(s -> s.projects().find(tenant, project.id())).orElseThrow();
        assertEquals(describe(unchanged), describe(stored));
        assertTrue(tx(s -> s.projects().findByGroup(tenant, ContactGroupId.of("a"))).size() == 1);
    }

    @Test
    void projectNamesAreUniquePerTenantIgnoringCase() {
        TenantId tenant = Fixtures.tenant();
        run(s -> s.projects().insert(Fixtures.project(tenant, "Windows")));
        assertThrows(ConflictException.class, () -> run(s -> s.projects().insert(Fixtures.project(tenant, "WINDOWS"))));
        Project doors = Fixtures.project(tenant, "Doors");
        run(s -> s.projects().insert(doors));
        assertThrows(ConflictException.class, () -> run(s -> s.projects().update(doors.renamed("windows"))));
        run(s -> s.projects().insert(Fixtures.project(Fixtures.tenant(), "Windows")));
        assertEquals(List.of("Doors", "Windows"),
                tx(s -> s.projects().findAll(tenant)).stream().map(Project::name).toList());
    }

    /**
     * The round-robin standing starts empty, is kept as a whole (members without a balance dropped), survives a
     * project update without touching its version, is scoped to the tenant, and a project update keeps the team's
     * weights and caps.
     */
    @Test
    void roundRobinStandingIsKeptAsAWholeApartFromTheProjectVersion() {
        Project project = Fixtures.project(Fixtures.tenant(), "RR").withMembers(List.of(
                new TeamMember(ALICE, 3, 5), TeamMember.of(BOB)));
        run(s -> s.projects().insert(project));
        assertEquals(RoundRobinState.START, tx(s -> s.projects().roundRobin(project.tenant(), project.id(), true)));
        RoundRobinState first = new RoundRobinState(Map.of(ALICE, 0.25, BOB, -0.25), BOB);
        run(s -> s.projects().keepRoundRobin(project.tenant(), project.id(), first));
        assertEquals(first, tx(s -> s.projects().roundRobin(project.tenant(), project.id(), false)));
        RoundRobinState second = new RoundRobinState(Map.of(ALICE, 0.0), ALICE);
        run(s -> s.projects().keepRoundRobin(project.tenant(), project.id(), second));
        Project renamed = tx(s -> s.projects().update(project.renamed("RR2")));
        assertEquals(1, renamed.version(), "round-robin does not touch the project version");
        assertEquals(second, tx(s -> s.projects().roundRobin(project.tenant(), project.id(), true)));
        Project stored = tx(s -> s.projects().find(project.tenant(), project.id())).orElseThrow();
        assertEquals(List.of(new TeamMember(ALICE, 3, 5), TeamMember.of(BOB)), stored.members());
        assertThrows(NotFoundException.class,
                () -> tx(s -> s.projects().roundRobin(Fixtures.tenant(), project.id(), true)));
    }

    @Test
    void leadRoundTripsAndUpdatesWithOptimisticLocking() {
        Project project = Fixtures.project(Fixtures.tenant(), "Leads");
        run(s -> s.projects().insert(project));
        Lead lead = Fixtures.lead(project, "c1", new ContactCard("Zoë Ärger", "ZOE@Example.com", "+49 30 1",
                "ACME GmbH", "Berlin", "https://crm/contacts/c1"), at(1));
        assertEquals(List.of(lead.id()), tx(s -> s.leads().insertIfAbsent(List.of(lead))).stream().map(Lead::id).toList());
        Fixtures.assertSameLead(lead, tx(s -> s.leads().find(project.tenant(), lead.id())).orElseThrow());

        Lead changed = lead.withStatus(LOST, "no budget", at(2))
                .assignedTo(BOB, new OwnerReason(OwnerReasonKind.RULE, "city rule", ALICE), at(3))
                .withNextFollowUpAt(at(100));
        Lead updated = tx(s -> {
            s.leads().touch(project.tenant(), lead.id(), at(3));
            s.leads().setNextFollowUpAt(project.tenant(), lead.id(), at(100));
            return s.leads().update(changed);
        });
        assertEquals(1, updated.version());
        Fixtures.assertSameLead(updated, tx(s -> s.leads().find(project.tenant(), lead.id())).orElseThrow());
        assertThrows(StaleModificationException.class, () -> tx(s -> s.leads().update(changed)));
        assertThrows(StaleModificationException.class, () -> run(s -> s.leads().delete(changed)));
        run(s -> s.leads().delete(updated));
        assertTrue(tx(s -> s.leads().find(project.tenant(), lead.id())).isEmpty());
        assertThrows(StaleModificationException.class, () -> tx(s -> s.leads().update(updated)));
    }

    @Test
    void noCallSeesOrChangesAnotherTenantsData() {
        Project project = Fixtures.project(Fixtures.tenant(), "Mine");
        run(s -> s.projects().insert(project));
        Lead lead = Fixtures.lead(project, "c1");
        run(s -> s.leads().insertIfAbsent(List.of(lead)));
        TenantId other = Fixtures.tenant();

        assertTrue(tx(s -> s.projects().find(other, project.id())).isEmpty());
        assertTrue(tx(s -> s.projects().findAll(other)).isEmpty());
        assertTrue(tx(s -> s.leads().find(other, lead.id())).isEmpty());
        assertTrue(tx(s -> s.leads().findByContact(other, project.id(), lead.contact())).isEmpty());
        assertTrue(tx(s -> s.leads().findAllByContact(other, lead.contact())).isEmpty());
        assertTrue(tx(s -> s.leads().existingContacts(other, project.id(), List.of(lead.contact()))).isEmpty());
        assertTrue(tx(s -> s.tallies().recount(other, project.id())).isEmpty(), "nothing of the project counted");
        assertTrue(tx(s -> s.tallies().sums(other, Tally.STATUS)).isEmpty());
        assertTrue(tx(s -> s.tallies().sums(other, project.id(), Tally.STATUS)).isEmpty());
        assertEquals(Map.of(TallyKey.status(NEW), 1L), tx(s -> s.tallies().recount(project.tenant(), project.id())));
        assertTrue(tx(s -> s.leads().countByStatus(other, project.id(), LeadCriteria.all())).isEmpty());

        Lead foreign = Lead.reconstitute(lead.id(), other, lead.project(), lead.contact(), lead.card(), WON, null,
                lead.origin(), lead.ownerReason(), null, lead.createdAt(), lead.createdAt(), lead.lastActivityAt(), null, 0);
        assertThrows(StaleModificationException.class, () -> tx(s -> s.leads().update(foreign)));
        assertThrows(StaleModificationException.class, () -> run(s -> s.leads().delete(foreign)));
        assertEquals(NEW, tx(s -> s.leads().find(project.tenant(), lead.id())).orElseThrow().status());
    }

    @Test
    void countsGroupByStatusProjectAndAssignee() {
        TenantId tenant = Fixtures.tenant();
        Project p1 = Fixtures.project(tenant, "One");
        Project p2 = Fixtures.project(tenant, "Two");
        run(s -> {
            s.projects().insert(p1);
            s.projects().insert(p2);
        });
        Lead a = Fixtures.lead(p1, "a").assignedTo(ALICE, OwnerReason.manual(ALICE), at(1));
        Lead b = Fixtures.lead(p1, "b").assignedTo(ALICE, OwnerReason.manual(ALICE), at(1)).withStatus(CONTACTED, null, at(2));
        Lead c = Fixtures.lead(p1, "c").assignedTo(BOB, OwnerReason.manual(ALICE), at(1)).withStatus(WON, null, at(2));
        Lead d = Fixtures.lead(p1, "d");
        Lead e = Fixtures.lead(p2, "a");
        run(s -> s.leads().insertIfAbsent(List.of(a, b, c, d, e)));

        assertEquals(Map.of(NEW, 2L, CONTACTED, 1L, WON, 1L),
                tx(s -> s.leads().countByStatus(tenant, p1.id(), LeadCriteria.all())));
        assertEquals(Map.of(NEW, 1L, CONTACTED, 1L), tx(s -> s.leads().countByStatus(tenant, p1.id(),
                LeadCriteria.all().withAssignees(ALICE))));
        // stored without the core, so nothing is kept yet: a recount adds what the leads say
        Map<TallyKey, Long> one = Map.of(TallyKey.status(NEW), 2L, TallyKey.status(CONTACTED), 1L,
                TallyKey.status(WON), 1L);
        Map<TallyKey, Long> owners = Map.of(TallyKey.owner(ALICE, NEW), 1L, TallyKey.owner(ALICE, CONTACTED), 1L,
                TallyKey.owner(BOB, WON), 1L);
        Map<TallyKey, Long> all = new java.util.HashMap<>(one);
        all.putAll(owners);
        assertEquals(all, tx(s -> s.tallies().recount(tenant, p1.id())));
        assertEquals(Map.of(TallyKey.status(NEW), 1L), tx(s -> s.tallies().recount(tenant, p2.id())));
        assertEquals(Map.of(), tx(s -> s.tallies().recount(tenant, p1.id())), "counted once");
        assertEquals(Map.of(p1.id(), one, p2.id(), Map.of(TallyKey.status(NEW), 1L)),
                tx(s -> s.tallies().sums(tenant, Tally.STATUS)));
        assertEquals(owners, tx(s -> s.tallies().sums(tenant, p1.id(), Tally.OWNER)));
        assertEquals(all, tx(s -> s.tallies().sums(tenant, p1.id(), Set.of(Tally.STATUS, Tally.OWNER))),
                "both tallies in one read");
        assertEquals(Map.of(), tx(s -> s.tallies().sums(Fixtures.tenant(), p1.id(), Set.of(Tally.STATUS,
                Tally.OWNER))), "another tenant's");
        assertEquals(Set.of(ContactId.of("a"), ContactId.of("d")), tx(s -> s.leads().existingContacts(tenant,
                p1.id(), List.of(ContactId.of("a"), ContactId.of("d"), ContactId.of("x")))));
        assertEquals(2, tx(s -> s.leads().findAllByContact(tenant, ContactId.of("a"))).size());
    }

    @Test
    void notesAreVersionedAndMoveWithAMerge() {
        Project project = Fixtures.project(Fixtures.tenant(), "Notes");
        run(s -> s.projects().insert(project));
        Lead from = Fixtures.lead(project, "from");
        Lead into = Fixtures.lead(project, "into");
        run(s -> s.leads().insertIfAbsent(List.of(from, into)));
        Note first = new Note(new NoteId(UUID.randomUUID()), project.tenant(), from.id(), ALICE, "first", at(1), null, 0);
        Note second = new Note(new NoteId(UUID.randomUUID()), project.tenant(), into.id(), BOB, "second", at(2), null, 0);
        run(s -> {
            s.notes().insert(first);
            s.notes().insert(second);
        });
        Note edited = tx(s -> s.notes().update(first.edited("first, edited", at(3))));
        assertEquals(1, edited.version());
        assertEquals(edited, tx(s -> s.notes().find(project.tenant(), first.id())).orElseThrow());
        assertThrows(StaleModificationException.class, () -> tx(s -> s.notes().update(first.edited("lost", at(4)))));

        run(s -> s.notes().moveAll(project.tenant(), from.id(), into.id()));
        List<Note> merged = tx(s -> s.notes().findByLead(project.tenant(), into.id()));
        assertEquals(List.of(first.id(), second.id()), merged.stream().map(Note::id).toList());
        assertThrows(StaleModificationException.class, () -> tx(s -> s.notes().update(edited.edited("x", at(5)))),
                "a note moved by a merge has a new version");
        run(s -> s.notes().delete(merged.get(0)));
        assertThrows(StaleModificationException.class, () -> run(s -> s.notes().delete(merged.get(0))));
        assertEquals(1, tx(s -> s.notes().findByLead(project.tenant(), into.id())).size());
    }

    @Test
    void notesOfTheSameInstantKeepTheirInsertionOrder() {
        Project project = Fixtures.project(Fixtures.tenant(), "Same instant");
        run(s -> s.projects().insert(project));
        Lead lead = Fixtures.lead(project, "c");
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            notes.add(new Note(new NoteId(UUID.randomUUID()), project.tenant(), lead.id(), ALICE, "n" + i, at(1), null, 0));
        }
        run(s -> notes.forEach(s.notes()::insert));
        assertEquals(notes, tx(s -> s.notes().findByLead(project.tenant(), lead.id())));
    }

    @Test
    void timelineIsNumberedInAppendOrderAndMovesBehindTheTargetsOwn() {
        List<Lead> leads = storedLeads("Timeline", "from", "into");
        Lead from = leads.get(0);
        Lead into = leads.get(1);
        TenantId t = from.tenant();
        Activity assigned = Activity.unnumbered(t, into.id(), at(1), ALICE, ActivityType.ASSIGNED, null, "bob",
                "rule: x");
        Activity won = Activity.unnumbered(t, into.id(), at(5), BOB, ActivityType.STATUS_CHANGED, "new", "won", null);
        Activity noted = Activity.unnumbered(t, from.id(), at(7), ALICE, ActivityType.NOTE_ADDED, null, "n1", null);
        Activity earlier = Activity.unnumbered(t, from.id(), at(3), ALICE, ActivityType.CARD_REFRESHED, null, null,
                null);
        run(s -> {
            s.activities().append(List.of(assigned, noted));
            s.activities().append(List.of(earlier, won));
        });
        assertEquals(List.of(assigned.placed(into.id(), 2), won.placed(into.id(), 3)),
                tx(s -> s.activities().findByLead(t, into.id())));
        assertEquals(List.of(noted.placed(from.id(), 2), earlier.placed(from.id(), 3)),
                tx(s -> s.activities().findByLead(t, from.id())), "by number, not by time");

        run(s -> s.activities().moveAll(t, from.id(), into.id()));

        assertEquals(List.of(assigned.placed(into.id(), 2), won.placed(into.id(), 3), noted.placed(into.id(), 4),
                earlier.placed(into.id(), 5)), tx(s -> s.activities().findByLead(t, into.id())));
        assertTrue(tx(s -> s.activities().findByLead(t, from.id())).isEmpty());
        run(s -> s.activities().append(List.of(noted)));
        assertEquals(List.of(noted.placed(from.id(), 2)), tx(s -> s.activities().findByLead(t, from.id())),
                "a lead without entries numbers from its qualification again");
        assertTrue(tx(s -> s.activities().findByLead(Fixtures.tenant(), into.id())).isEmpty());
    }

    @Test
    void timelineEntriesOfALeadThatIsGoneAreRefused() {
        List<Lead> leads = storedLeads("Gone", "kept", "gone");
        Lead kept = leads.get(0);
        Lead gone = leads.get(1);
        run(s -> s.leads().delete(gone));
        TenantId t = kept.tenant();

        assertThrows(StaleModificationException.class, () -> run(s -> s.activities().append(List.of(
                Activity.unnumbered(t, kept.id(), at(1), ALICE, ActivityType.NOTE_ADDED, null, null, null),
                Activity.unnumbered(t, gone.id(), at(1), ALICE, ActivityType.NOTE_ADDED, null, null, null)))));

        assertTrue(tx(s -> s.activities().findByLead(t, kept.id())).isEmpty());
    }

    /** Stores a project of a new tenant and one lead of it per contact; returns the leads in contact order. */
    private List<Lead> storedLeads(String projectName, String... contacts) {
        Project project = Fixtures.project(Fixtures.tenant(), projectName);
        List<Lead> leads = Stream.of(contacts).map(c -> Fixtures.lead(project, c)).toList();
        run(s -> {
            s.projects().insert(project);
            s.leads().insertIfAbsent(leads);
        });
        return leads;
    }

    @Test
    void followUpsRoundTripAndListByOwnerAndFailure() {
        Project project = Fixtures.project(Fixtures.tenant(), "FollowUps");
        run(s -> s.projects().insert(project));
        Lead lead = Fixtures.lead(project, "c");
        Lead other = Fixtures.lead(project, "d");
        run(s -> s.leads().insertIfAbsent(List.of(lead, other)));
        FollowUp late = Fixtures.followUp(lead, ALICE, at(200));
        FollowUp early = Fixtures.followUp(lead, ALICE, at(100));
        FollowUp bobs = Fixtures.followUp(lead, BOB, at(50));
        run(s -> List.of(late, early, bobs).forEach(s.followUps()::insert));
        TenantId t = project.tenant();

        assertEquals(describe(late), describe(tx(s -> s.followUps().find(t, late.id())).orElseThrow()));
        assertEquals(List.of(bobs.id(), early.id(), late.id()),
                tx(s -> s.followUps().findByLead(t, lead.id())).stream().map(FollowUp::id).toList());
        assertEquals(List.of(early.id()),
                tx(s -> s.followUps().findOpenByOwner(t, ALICE, 1)).stream().map(FollowUp::id).toList());

        FollowUp done = tx(s -> s.followUps().update(early.complete(at(150))));
        assertEquals(1, done.version());
        assertEquals(describe(done), describe(tx(s -> s.followUps().find(t, early.id())).orElseThrow()));
        assertThrows(StaleModificationException.class, () -> tx(s -> s.followUps().update(early.cancel(at(151)))));
        assertEquals(List.of(late.id()),
                tx(s -> s.followUps().findOpenByOwner(t, ALICE, 10)).stream().map(FollowUp::id).toList());

        FollowUp failed = tx(s -> s.followUps().update(late.claimed("n1", at(300)).attemptFailed("boom", null)));
        assertEquals(List.of(describe(failed)),
                tx(s -> s.reminders().findFailed(t, 10)).stream().map(Fixtures::describe).toList());

        run(s -> s.followUps().moveAll(t, lead.id(), other.id()));
        assertEquals(3, tx(s -> s.followUps().findByLead(t, other.id())).size());
        assertThrows(StaleModificationException.class, () -> tx(s -> s.followUps().update(bobs.complete(at(9)))),
                "a follow-up moved by a merge has a new version");
    }

    @Test
    void savedSearchesRoundTripExactlyAndNamesAreUniquePerOwner() {
        Project project = Fixtures.project(Fixtures.tenant(), "Saved");
        run(s -> s.projects().insert(project));
        LeadCriteria criteria = LeadCriteria.all().withStatuses(NEW, WON).withAssignees(ALICE, UserId.of("b,ob:~"))
                .withUnassigned(true).withText("  50% off, = ~ ü  ").withField(ContactField.CITY, "Köln")
                .withField(ContactField.EMAIL, "a@b.c").withSources(new MarketingActionId(UUID.randomUUID()))
                .withCreated(at(1), null).withLastActivity(null, at(2)).withOpenFollowUp(false)
                .withFollowUpDueBefore(at(3));
        SavedSearch saved = new SavedSearch(new SavedSearchId(UUID.randomUUID()), project.tenant(), ALICE, "Hot, leads",
                project.id(), criteria, LeadSort.descending(SortField.NAME), at(0));
        SavedSearch plain = new SavedSearch(new SavedSearchId(UUID.randomUUID()), project.tenant(), ALICE, "all",
                project.id(), LeadCriteria.all(), LeadSort.byLastActivity(), at(0));
        run(s -> {
            s.savedSearches().insert(saved);
            s.savedSearches().insert(plain);
        });
        assertEquals(saved, tx(s -> s.savedSearches().find(project.tenant(), saved.id())).orElseThrow());
        assertEquals(List.of(plain, saved), tx(s -> s.savedSearches().findByOwner(project.tenant(), ALICE)));
        SavedSearch duplicate = new SavedSearch(new SavedSearchId(UUID.randomUUID()), project.tenant(), ALICE,
                "Hot, leads", project.id(), LeadCriteria.all(), LeadSort.byLastActivity(), at(0));
        assertThrows(ConflictException.class, () -> run(s -> s.savedSearches().insert(duplicate)));
        SavedSearch bobs = new SavedSearch(new SavedSearchId(UUID.randomUUID()), project.tenant(), BOB,
                "Hot, leads", project.id(), LeadCriteria.all(), LeadSort.byLastActivity(), at(0));
        run(s -> s.savedSearches().insert(bobs));
        run(s -> s.savedSearches().delete(project.tenant(), saved.id()));
        assertEquals(List.of(plain), tx(s -> s.savedSearches().findByOwner(project.tenant(), ALICE)));
    }

    @Test
    void marketingActionsRoundTrip() {
        TenantId tenant = Fixtures.tenant();
        Project p1 = Fixtures.project(tenant, "A");
        Project p2 = Fixtures.project(tenant, "B");
        MarketingAction spring = new MarketingAction(new MarketingActionId(UUID.randomUUID()), tenant, "Spring",
                ActionKind.EMAIL_CAMPAIGN, Set.of(p1.id(), p2.id()), LocalDate.parse("2026-03-01"),
                LocalDate.parse("2026-03-31"), at(1));
        MarketingAction autumn = new MarketingAction(new MarketingActionId(UUID.randomUUID()), tenant, "autumn",
                ActionKind.OTHER, Set.of(p1.id()), null, null, at(2));
        run(s -> {
            s.actions().insert(spring);
            s.actions().insert(autumn);
        });
        assertEquals(spring, tx(s -> s.actions().find(tenant, spring.id())).orElseThrow());
        assertEquals(List.of(autumn, spring), tx(s -> s.actions().findAll(tenant)));
        assertTrue(tx(s -> s.actions().find(Fixtures.tenant(), spring.id())).isEmpty());
    }

    @Test
    void instantsRoundTripToTheMicrosecondOnBothWritePaths() {
        Project project = Fixtures.project(Fixtures.tenant(), "Time");
        run(s -> s.projects().insert(project));
        Instant[] samples = {Instant.parse("1970-01-01T00:00:00Z"), Instant.parse("2026-10-25T00:59:59.999999Z"),
                Instant.parse("2026-10-25T01:00:00.000001Z"), Instant.parse("2099-12-31T23:59:59.5Z"),
                Fixtures.now()};
        for (Instant t : samples) {
            Lead viaJdbc = Fixtures.lead(project, "jdbc" + t, ContactCard.named("x"), t);
            run(s -> s.leads().insertIfAbsent(List.of(viaJdbc)));
            Lead read = tx(s -> s.leads().find(project.tenant(), viaJdbc.id())).orElseThrow();
            assertEquals(t, read.createdAt());
            Lead viaJpa = tx(s -> {
                s.leads().touch(project.tenant(), read.id(), t.plusNanos(1000));
                s.leads().setNextFollowUpAt(project.tenant(), read.id(), t);
                return s.leads().update(read.touched(t.plusNanos(1000)).withNextFollowUpAt(t));
            });
            Lead reread = tx(s -> s.leads().find(project.tenant(), viaJdbc.id())).orElseThrow();
            Fixtures.assertSameLead(viaJpa, reread);
        }
    }

    @Test
    void anExceptionRollsBackTheWholeUnitOfWorkAndNestedCallsJoinIt() {
        TenantId tenant = Fixtures.tenant();
        Project project = Fixtures.project(tenant, "Rollback");
        Lead lead = Fixtures.lead(project, "c");
        assertThrows(IllegalStateException.class, () -> run(s -> {
            s.projects().insert(project);
            store().inTransaction(inner -> {
                assertTrue(inner == s, "nested call joins the outer unit of work");
                return inner.leads().insertIfAbsent(List.of(lead));
            });
            throw new IllegalStateException("boom");
        }));
        assertTrue(tx(s -> s.projects().find(tenant, project.id())).isEmpty());
        assertTrue(tx(s -> s.leads().find(tenant, lead.id())).isEmpty());
        assertFalse(tx(s -> s.projects().findAll(tenant)).iterator().hasNext());
    }
}
