package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.AssignAllResult;
import org.leadmanager.LeadQuery;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.ProjectOverview;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;

/**
 * Capability 8: no call reads or changes another tenant's data (ids of another tenant are simply not found), and
 * the standard access policy: managers do everything, agents see their team's projects and change only their own
 * or unassigned leads.
 */
public abstract class TenancyAndAccessContract extends ContractBase {

    /** Another tenant with a project, a lead, a note, a follow-up, a saved search and an action. */
    private TckFixture other;
    private Project theirProject;
    private Lead theirLead;
    private Note theirNote;
    private FollowUp theirFollowUp;
    private SavedSearch theirSearch;
    private MarketingAction theirAction;

    @BeforeEach
    void anotherTenant() {
        other = fx.otherTenant();
        theirProject = other.project("Solar roofs");
        theirLead = other.lead(theirProject.id(), "Their Contact");
        theirNote = other.lm.leads().addNote(other.manager, theirLead.id(), "their note");
        theirFollowUp = other.lm.followUps().schedule(other.manager, theirLead.id(),
                other.clock.instant().plus(Duration.ofDays(1)), "their follow-up");
        theirSearch = other.lm.search().save(other.manager, "Theirs", theirProject.id(), LeadCriteria.all(),
                LeadSort.byLastActivity());
        theirAction = other.lm.qualification().createAction(other.manager, "Their mailing",
                Set.of(theirProject.id()));
    }

    private void notFoundAndUnchanged(Executable call) {
        rejects(other, NotFoundException.class, call);
    }

    @Test
    void anotherTenantsProjectIsNotFound() {
        Actor me = manager();
        ContactId mine = fx.contact("My Contact");
        var p = theirProject.id();
        notFoundAndUnchanged(() -> lm().projects().get(me, p));
        notFoundAndUnchanged(() -> lm().projects().rename(me, p, "Mine now"));
        notFoundAndUnchanged(() -> lm().projects().archive(me, p));
        notFoundAndUnchanged(() -> lm().projects().addStatus(me, p,
                LeadStatus.of("visit", "Visit", StatusCategory.OPEN)));
        notFoundAndUnchanged(() -> lm().projects().retireStatus(me, p, NEW, CONTACTED));
        notFoundAndUnchanged(() -> lm().projects().setTeam(me, p, List.of(fx.alice)));
        notFoundAndUnchanged(() -> lm().projects().setAssignmentPolicy(me, p, AssignmentPolicy.roundRobin()));
        notFoundAndUnchanged(() -> lm().projects().bindGroups(me, p, Set.of(ContactGroupId.of("g"))));
        notFoundAndUnchanged(() -> lm().qualification().qualify(me, p, mine));
        notFoundAndUnchanged(() -> lm().qualification().qualifyAll(me, p, List.of(mine)));
        notFoundAndUnchanged(() -> lm().qualification().syncGroups(me, p));
        notFoundAndUnchanged(() -> lm().qualification().previewAssignment(me, p, List.of(mine)));
        notFoundAndUnchanged(() -> lm().qualification().createAction(me, "Steal", Set.of(p)));
        notFoundAndUnchanged(() -> lm().search().find(me, LeadQuery.firstPage(p, LeadCriteria.all())));
        notFoundAndUnchanged(() -> lm().search().countByStatus(me, p, LeadCriteria.all()));
        notFoundAndUnchanged(() -> lm().search().save(me, "Theirs", p, LeadCriteria.all(),
                LeadSort.byLastActivity()));
        assertTrue(lm().projects().list(me).isEmpty(), "another tenant's projects are never listed");
    }

    @Test
    void anotherTenantsLeadIsNotFound() {
        Actor me = manager();
        var l = theirLead.id();
        Instant due = fx.clock.instant().plus(Duration.ofHours(1));
        notFoundAndUnchanged(() -> lm().leads().get(me, l));
        notFoundAndUnchanged(() -> lm().leads().assign(me, l, fx.alice));
        notFoundAndUnchanged(() -> lm().leads().unassign(me, l));
        notFoundAndUnchanged(() -> lm().leads().changeStatus(me, l, CONTACTED));
        notFoundAndUnchanged(() -> lm().leads().convert(me, l));
        notFoundAndUnchanged(() -> lm().leads().disqualify(me, l, "mine"));
        notFoundAndUnchanged(() -> lm().leads().addNote(me, l, "mine"));
        notFoundAndUnchanged(() -> lm().leads().notes(me, l));
        notFoundAndUnchanged(() -> lm().leads().refreshCard(me, l));
        notFoundAndUnchanged(() -> lm().leads().timeline(me, l));
        notFoundAndUnchanged(() -> lm().leads().statusHistory(me, l));
        notFoundAndUnchanged(() -> lm().followUps().schedule(me, l, due, "mine"));
        notFoundAndUnchanged(() -> lm().followUps().forLead(me, l));
        TenantSnapshot before = other.snapshot();
        AssignAllResult result = lm().leads().assignAll(me, Set.of(l), fx.alice);
        assertEquals(Set.of(l), result.rejected().keySet());
        assertEquals(before, other.snapshot());
    }

    @Test
    void anotherTenantsNotesAndFollowUpsAreNotFound() {
        Actor me = manager();
        assertEquals(me.user(), theirNote.author(), "same user id, other tenant");
        notFoundAndUnchanged(() -> lm().leads().editNote(me, theirNote.id(), "mine"));
        notFoundAndUnchanged(() -> lm().leads().deleteNote(me, theirNote.id()));
        var f = theirFollowUp.id();
        notFoundAndUnchanged(() -> lm().followUps().complete(me, f));
        notFoundAndUnchanged(() -> lm().followUps().cancel(me, f));
        notFoundAndUnchanged(() -> lm().followUps().snooze(me, f, Duration.ofHours(1)));
        notFoundAndUnchanged(() -> lm().followUps().reschedule(me, f, fx.clock.instant().plus(Duration.ofDays(2))));
        assertTrue(lm().followUps().overview(me, me.user()).upcoming().isEmpty());
    }

    @Test
    void anotherTenantsSavedSearchesAndActionsAreNotFound() {
        Actor me = manager();
        ContactId mine = fx.contact("My Contact");
        notFoundAndUnchanged(() -> lm().search().run(me, theirSearch.id(), 10, null));
        notFoundAndUnchanged(() -> lm().search().deleteSavedSearch(me, theirSearch.id()));
        notFoundAndUnchanged(() -> lm().qualification().actionResponse(me, theirAction.id(), mine));
        assertTrue(lm().search().savedSearches(me).isEmpty());
        assertTrue(lm().qualification().actions(me).isEmpty());
    }

    @Test
    void hostEventsNeverReachAnotherTenant() {
        ContactGroupId group = ContactGroupId.of("newsletter");
        other.lm.projects().bindGroups(other.manager, theirProject.id(), Set.of(group));
        ContactId shared = fx.contact("Same id, other person");
        assertEquals(theirLead.contact(), shared, "both tenants have a contact with this id");
        ContactId mine = fx.contact("Mine");
        Lead myLead = fx.lead(fx.project("Solar roofs").id(), shared);
        TenantSnapshot before = other.snapshot();

        assertEquals(List.of(), lm().qualification().contactJoinedGroup(fx.system(), group, shared));
        lm().leads().contactsMerged(manager(), shared, mine);

        assertEquals(mine, fx.reload(myLead.id()).contact());
        assertEquals(before, other.snapshot(), "a merge or group join in one tenant leaves the other untouched");
        assertEquals(shared, other.reload(theirLead.id()).contact());
    }

    @Test
    void agentsSeeOnlyProjectsWhoseTeamTheyAreIn() {
        Project ours = fx.projectWithTeam("Solar roofs", fx.alice);
        Project notOurs = fx.projectWithTeam("Heat pumps", fx.bob);
        Lead hidden = fx.lead(notOurs.id());
        Note hiddenNote = lm().leads().addNote(manager(), hidden.id(), "hidden");
        Actor alice = fx.agent(fx.alice);

        assertEquals(List.of(ours.id()),
                lm().projects().list(alice).stream().map(ProjectOverview::project).map(Project::id).toList());
        assertEquals(ours.id(), lm().projects().get(alice, ours.id()).id());
        rejects(AccessDeniedException.class, () -> lm().projects().get(alice, notOurs.id()));
        rejects(AccessDeniedException.class,
                () -> lm().search().find(alice, LeadQuery.firstPage(notOurs.id(), LeadCriteria.all())));
        rejects(AccessDeniedException.class,
                () -> lm().search().countByStatus(alice, notOurs.id(), LeadCriteria.all()));
        rejects(AccessDeniedException.class, () -> lm().search().save(alice, "Peek", notOurs.id(),
                LeadCriteria.all(), LeadSort.byLastActivity()));
        rejects(AccessDeniedException.class, () -> lm().leads().get(alice, hidden.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().timeline(alice, hidden.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().notes(alice, hidden.id()));
        rejects(AccessDeniedException.class, () -> lm().followUps().forLead(alice, hidden.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().changeStatus(alice, hidden.id(), CONTACTED));
        rejects(AccessDeniedException.class, () -> lm().leads().addNote(alice, hidden.id(), "peek"));
        rejects(AccessDeniedException.class, () -> lm().leads().deleteNote(fx.agent(fx.mia), hiddenNote.id()));
        rejects(AccessDeniedException.class,
                () -> lm().qualification().qualify(alice, notOurs.id(), fx.contact("Someone")));
    }

    @Test
    void agentCannotChangeForeignLead() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        Lead bobs = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.bob);
        FollowUp bobsFollowUp = lm().followUps().schedule(manager(), bobs.id(),
                fx.clock.instant().plus(Duration.ofDays(1)), "for bob");
        Actor alice = fx.agent(fx.alice);
        Instant due = fx.clock.instant().plus(Duration.ofHours(1));

        assertEquals(bobs.id(), lm().leads().get(alice, bobs.id()).id(), "she may see it");
        rejects(AccessDeniedException.class, () -> lm().leads().changeStatus(alice, bobs.id(), CONTACTED));
        rejects(AccessDeniedException.class, () -> lm().leads().convert(alice, bobs.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().disqualify(alice, bobs.id(), "mine"));
        rejects(AccessDeniedException.class, () -> lm().leads().assign(alice, bobs.id(), fx.alice));
        rejects(AccessDeniedException.class, () -> lm().leads().unassign(alice, bobs.id()));
        rejects(AccessDeniedException.class, () -> lm().leads().addNote(alice, bobs.id(), "mine"));
        rejects(AccessDeniedException.class, () -> lm().leads().refreshCard(alice, bobs.id()));
        rejects(AccessDeniedException.class, () -> lm().followUps().schedule(alice, bobs.id(), due, "mine"));
        rejects(AccessDeniedException.class, () -> lm().followUps().complete(alice, bobsFollowUp.id()));
        rejects(AccessDeniedException.class, () -> lm().followUps().cancel(alice, bobsFollowUp.id()));
        rejects(AccessDeniedException.class,
                () -> lm().followUps().snooze(alice, bobsFollowUp.id(), Duration.ofHours(1)));
        rejects(AccessDeniedException.class, () -> lm().followUps().reschedule(alice, bobsFollowUp.id(), due));
    }

    @Test
    void agentChangesOwnAndUnassignedLeads() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        Lead own = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        Lead free = fx.lead(project.id());
        Actor alice = fx.agent(fx.alice);

        lm().leads().changeStatus(alice, own.id(), CONTACTED);
        lm().leads().changeStatus(alice, free.id(), OFFER);
        lm().leads().addNote(alice, free.id(), "called");
        FollowUp followUp = lm().followUps().schedule(alice, own.id(), fx.clock.instant().plus(Duration.ofHours(1)),
                "call");
        lm().followUps().complete(alice, followUp.id());
        lm().leads().assign(alice, free.id(), fx.alice);
        lm().leads().unassign(alice, own.id());
        lm().leads().assign(alice, own.id(), fx.bob);

        assertEquals(CONTACTED, fx.reload(own.id()).status());
        assertEquals(OFFER, fx.reload(free.id()).status());
        assertEquals(fx.alice, fx.reload(free.id()).assignee());
        assertEquals(fx.bob, fx.reload(own.id()).assignee(), "she may hand her own lead on");
        rejects(AccessDeniedException.class, () -> lm().leads().changeStatus(alice, own.id(), OFFER));
    }

    @Test
    void agentCannotConfigureProjects() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice);
        Actor alice = fx.agent(fx.alice);
        var p = project.id();
        rejects(AccessDeniedException.class, () -> lm().projects().create(alice,
                new Projects.Create("Mine", ProjectKind.PROJECT, TckFixture.standardStatuses(), NEW)));
        rejects(AccessDeniedException.class, () -> lm().projects().rename(alice, p, "Mine"));
        rejects(AccessDeniedException.class, () -> lm().projects().archive(alice, p));
        rejects(AccessDeniedException.class, () -> lm().projects().addStatus(alice, p,
                LeadStatus.of("visit", "Visit", StatusCategory.OPEN)));
        rejects(AccessDeniedException.class, () -> lm().projects().relabelStatus(alice, p, NEW, "Fresh"));
        rejects(AccessDeniedException.class,
                () -> lm().projects().reorderStatuses(alice, p, List.of(LOST, WON, OFFER, CONTACTED, NEW)));
        rejects(AccessDeniedException.class, () -> lm().projects().retireStatus(alice, p, CONTACTED, OFFER));
        rejects(AccessDeniedException.class, () -> lm().projects().setDefaultStatus(alice, p, CONTACTED));
        rejects(AccessDeniedException.class, () -> lm().projects().setTransitions(alice, p, Map.of()));
        rejects(AccessDeniedException.class, () -> lm().projects().setTeam(alice, p, List.of(fx.alice, fx.bob)));
        rejects(AccessDeniedException.class,
                () -> lm().projects().bindGroups(alice, p, Set.of(ContactGroupId.of("g"))));
        rejects(AccessDeniedException.class,
                () -> lm().projects().setAssignmentPolicy(alice, p, AssignmentPolicy.roundRobin()));
        rejects(AccessDeniedException.class, () -> lm().qualification().createAction(alice, "Mine", Set.of(p)));
        rejects(AccessDeniedException.class,
                () -> lm().leads().contactsMerged(alice, fx.contact("A"), fx.contact("B")));
        rejects(AccessDeniedException.class, () -> lm().followUps().failedReminders(alice));
        rejects(AccessDeniedException.class, () -> lm().followUps().overview(alice, fx.bob));
    }

    @Test
    void managerDoesEverythingWithoutBeingInTheTeam() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice);
        Lead alices = lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);

        lm().leads().changeStatus(manager(), alices.id(), CONTACTED);
        lm().leads().addNote(manager(), alices.id(), "checked");
        lm().followUps().schedule(manager(), alices.id(), fx.clock.instant().plus(Duration.ofHours(1)), "call");
        lm().projects().relabelStatus(manager(), project.id(), NEW, "Fresh");
        assertEquals(1, lm().followUps().overview(manager(), fx.alice).dueToday().size());
        assertEquals(1, lm().projects().list(manager()).size());
        assertEquals(CONTACTED, fx.reload(alices.id()).status());
        assertEquals(fx.alice, fx.reload(alices.id()).assignee());
    }
}
