package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.ProjectOverview;
import org.leadmanager.StatusCounts;
import org.leadmanager.Projects;
import org.leadmanager.StatusChange;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.search.LeadCriteria;

/** Capability 1: projects (lead managers), their status lists, transitions, team and groups. */
public abstract class ProjectsContract extends ContractBase {

    private Projects projects() {
        return lm().projects();
    }

    @Test
    void createdProjectKeepsItsStatusListInOrderWithAnOpenDefault() {
        List<LeadStatus> statuses = TckFixture.standardStatuses();
        Project created = projects().create(manager(),
                new Projects.Create("  Solar roofs  ", ProjectKind.PRODUCT, statuses, NEW));

        Project read = fx.reload(created.id());
        assertEquals("Solar roofs", read.name(), "the name is stored trimmed");
        assertEquals(ProjectKind.PRODUCT, read.kind());
        assertEquals(statuses, read.statuses());
        assertEquals(NEW, read.defaultStatus());
        assertFalse(read.archived());
        assertEquals(fx.tenant, read.tenant());
        assertEquals(fx.clock.instant(), read.createdAt());
        assertTrue(read.team().isEmpty() && read.groups().isEmpty() && read.transitions().isEmpty());
        assertEquals(AssignmentStrategy.NONE, read.assignment().strategy());
    }

    @Test
    void renameChangesTheNameAndKeepsTheLeads() {
        Project project = fx.project("Heat pumps");
        Lead lead = fx.lead(project.id());

        projects().rename(manager(), project.id(), "Heat pumps 2026");

        assertEquals("Heat pumps 2026", fx.reload(project.id()).name());
        assertEquals(project.id(), fx.reload(lead.id()).project());
    }

    @Test
    void renamingToOwnNameInOtherCaseIsAllowed() {
        Project project = fx.project("Heat pumps");
        projects().rename(manager(), project.id(), "HEAT PUMPS");
        assertEquals("HEAT PUMPS", fx.reload(project.id()).name());
    }

    @Test
    void duplicateNameIgnoringCaseConflicts() {
        fx.project("Solar roofs");
        rejects(ConflictException.class, () -> fx.project("SOLAR ROOFS"));
        rejects(ConflictException.class, () -> fx.project(" solar roofs "));
        assertEquals(1, projects().list(manager()).size());
    }

    @Test
    void renamingToAnotherProjectsNameConflicts() {
        fx.project("Solar roofs");
        Project other = fx.project("Heat pumps");
        rejects(ConflictException.class, () -> projects().rename(manager(), other.id(), "solar ROOFS"));
        assertEquals("Heat pumps", fx.reload(other.id()).name());
    }

    @Test
    void sameNameInAnotherTenantIsNoConflict() {
        fx.project("Solar roofs");
        TckFixture other = fx.otherTenant();
        Project theirs = other.project("Solar roofs");
        assertEquals("Solar roofs", other.reload(theirs.id()).name());
    }

    @Test
    void archivedProjectKeepsItsLeadsButTakesNoNewOnes() {
        Project project = fx.project("Fair 2025");
        Lead lead = fx.lead(project.id());
        ContactId newcomer = fx.contact("Late Visitor");

        Project archived = projects().archive(manager(), project.id());

        assertTrue(archived.archived());
        assertTrue(fx.reload(project.id()).archived());
        assertEquals(lead.id(), fx.reload(lead.id()).id());
        rejects(ConflictException.class, () -> lm().qualification().qualify(manager(), project.id(), newcomer));
        rejects(ConflictException.class,
                () -> lm().qualification().qualifyAll(manager(), project.id(), List.of(newcomer)));
        assertEquals(1, projects().list(manager()).get(0).counts().total());
    }

    @Test
    void addedStatusGoesToItsPositionOrToTheEnd() {
        Project project = fx.project("Solar roofs");
        LeadStatus visit = LeadStatus.of("visit", "Site visit", StatusCategory.OPEN);
        LeadStatus parked = LeadStatus.of("parked", "Parked", StatusCategory.LOST);

        projects().addStatus(manager(), project.id(), visit, 2);
        Project changed = projects().addStatus(manager(), project.id(), parked);

        assertEquals(List.of(NEW, CONTACTED, StatusKey.of("visit"), OFFER, WON, LOST, StatusKey.of("parked")),
                changed.statusOrder());
        assertEquals(changed.statusOrder(), fx.reload(project.id()).statusOrder());
        ProjectOverview overview = projects().list(manager()).get(0);
        assertEquals(changed.statusOrder(), List.copyOf(overview.counts().byStatus().keySet()));
    }

    /**
     * The lead managers list and the status checkboxes show each status with its label, category, place and count,
     * those without leads too: one call, no second lookup of the project.
     */
    @Test
    void countsCarryEachStatusWithItsLabelCategoryAndPlace() {
        Project project = fx.project("Solar roofs");
        projects().relabelStatus(manager(), project.id(), CONTACTED, "Angerufen");
        Lead lead = fx.lead(project.id());
        fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        Project current = fx.reload(project.id());

        StatusCounts listed = projects().list(manager()).get(0).counts();
        StatusCounts searched = lm().search().countByStatus(manager(), project.id(), LeadCriteria.all());

        List<StatusCounts.StatusCount> expected = new ArrayList<>();
        for (int i = 0; i < current.statuses().size(); i++) {
            LeadStatus status = current.statuses().get(i);
            long count = status.key().equals(NEW) || status.key().equals(CONTACTED) ? 1 : 0;
            expected.add(new StatusCounts.StatusCount(status.key(), status.label(), status.category(), i, count));
        }
        assertEquals(expected, listed.statuses());
        assertEquals(expected, searched.statuses());
        assertEquals("Angerufen", listed.statuses().get(1).label());
        assertEquals(2, listed.total());
    }

    @Test
    void addingAStatusWithATakenKeyConflicts() {
        Project project = fx.project("Solar roofs");
        rejects(ConflictException.class, () -> projects().addStatus(manager(), project.id(),
                LeadStatus.of("contacted", "Called", StatusCategory.OPEN)));
    }

    @Test
    void addingAStatusBeyondTheEndOfTheListIsRejected() {
        Project project = fx.project("Solar roofs");
        rejectsInput("position", () -> projects().addStatus(manager(), project.id(),
                LeadStatus.of("visit", "Site visit", StatusCategory.OPEN), 6));
    }

    @Test
    void relabellingKeepsTheKeyAndTheLeadsOnIt() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);

        Project changed = projects().relabelStatus(manager(), project.id(), CONTACTED, "Called once");

        assertEquals("Called once", changed.findStatus(CONTACTED).orElseThrow().label());
        assertEquals("Called once", fx.reload(project.id()).findStatus(CONTACTED).orElseThrow().label());
        assertEquals(CONTACTED, fx.reload(lead.id()).status());
    }

    @Test
    void relabellingAnUnknownStatusIsRejected() {
        Project project = fx.project("Solar roofs");
        rejectsInput("status", () -> projects().relabelStatus(manager(), project.id(), StatusKey.of("visit"), "Visit"));
    }

    @Test
    void reorderingChangesTheListOrderAndTheCountOrder() {
        Project project = fx.project("Solar roofs");
        List<StatusKey> order = List.of(WON, LOST, OFFER, CONTACTED, NEW);

        projects().reorderStatuses(manager(), project.id(), order);

        assertEquals(order, fx.reload(project.id()).statusOrder());
        assertEquals(order, List.copyOf(projects().list(manager()).get(0).counts().byStatus().keySet()));
    }

    @Test
    void reorderingMustNameEveryStatusOnce() {
        Project project = fx.project("Solar roofs");
        rejectsInput("order", () -> projects().reorderStatuses(manager(), project.id(),
                List.of(WON, LOST, OFFER, CONTACTED)));
        rejectsInput("order", () -> projects().reorderStatuses(manager(), project.id(),
                List.of(WON, LOST, OFFER, CONTACTED, CONTACTED)));
        rejectsInput("order", () -> projects().reorderStatuses(manager(), project.id(),
                List.of(WON, LOST, OFFER, CONTACTED, StatusKey.of("visit"))));
    }

    @Test
    void retiringAStatusMovesItsLeadsToTheReplacementAndRecordsTheChange() {
        Project project = fx.project("Solar roofs");
        Lead first = fx.lead(project.id());
        Lead second = fx.lead(project.id());
        Lead untouched = fx.lead(project.id());
        lm().leads().changeStatus(manager(), first.id(), CONTACTED);
        lm().leads().changeStatus(manager(), second.id(), CONTACTED);
        fx.clock.advance(Duration.ofMinutes(5));

        Project changed = projects().retireStatus(manager(), project.id(), CONTACTED, OFFER);

        assertEquals(List.of(NEW, OFFER, WON, LOST), changed.statusOrder());
        assertEquals(List.of(NEW, OFFER, WON, LOST), fx.reload(project.id()).statusOrder());
        for (Lead lead : List.of(first, second)) {
            assertEquals(OFFER, fx.reload(lead.id()).status());
            List<StatusChange> history = lm().leads().statusHistory(manager(), lead.id());
            StatusChange last = history.get(history.size() - 1);
            assertEquals(CONTACTED, last.from());
            assertEquals(OFFER, last.to());
            assertEquals(fx.mia, last.by());
            assertEquals(fx.clock.instant(), last.at());
        }
        assertEquals(NEW, fx.reload(untouched.id()).status());
        assertTrue(lm().leads().statusHistory(manager(), untouched.id()).isEmpty());
        Map<StatusKey, Long> counts = projects().list(manager()).get(0).counts().byStatus();
        assertEquals(Map.of(NEW, 1L, OFFER, 2L, WON, 0L, LOST, 0L), counts);
        rejectsInput("status", () -> lm().leads().changeStatus(manager(), untouched.id(), CONTACTED));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void retiringAStatusMovesEveryOneOfManyLeads() {
        Project project = fx.project("Solar roofs");
        int count = 1_203;
        fx.withChunkSize(500).qualification().qualifyAll(manager(), project.id(), fx.contacts(count, "Visitor"));

        projects().retireStatus(manager(), project.id(), NEW, CONTACTED);

        Map<StatusKey, Long> counts = lm().search().countByStatus(manager(), project.id(), LeadCriteria.all())
                .byStatus();
        assertEquals(Map.of(CONTACTED, (long) count, OFFER, 0L, WON, 0L, LOST, 0L), counts,
                "the store sees its own changes within a unit of work, batch after batch");
    }

    @Test
    void retiringTheDefaultStatusMakesTheReplacementTheDefault() {
        Project project = fx.project("Solar roofs");
        Lead old = fx.lead(project.id());

        Project changed = projects().retireStatus(manager(), project.id(), NEW, CONTACTED);

        assertEquals(CONTACTED, changed.defaultStatus());
        assertEquals(CONTACTED, fx.reload(project.id()).defaultStatus());
        assertEquals(CONTACTED, fx.reload(old.id()).status());
        assertEquals(CONTACTED, fx.lead(project.id()).status(), "new leads get the new default");
    }

    @Test
    void retiringTheDefaultNeedsAnOpenReplacement() {
        Project project = fx.project("Solar roofs");
        fx.lead(project.id());
        rejectsInput("replacement", () -> projects().retireStatus(manager(), project.id(), NEW, WON));
    }

    @Test
    void retiringAStatusIntoItselfOrAnUnknownOneIsRejected() {
        Project project = fx.project("Solar roofs");
        fx.lead(project.id());
        rejectsInput("replacement", () -> projects().retireStatus(manager(), project.id(), CONTACTED, CONTACTED));
        rejectsInput("replacement",
                () -> projects().retireStatus(manager(), project.id(), CONTACTED, StatusKey.of("visit")));
        rejectsInput("status", () -> projects().retireStatus(manager(), project.id(), StatusKey.of("visit"), NEW));
    }

    @Test
    void retiringAStatusRedirectsAllowedMovesToTheReplacement() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        projects().setTransitions(manager(), project.id(), Map.of(NEW, Set.of(CONTACTED), CONTACTED, Set.of(OFFER)));

        Project changed = projects().retireStatus(manager(), project.id(), CONTACTED, OFFER);

        assertEquals(Map.of(NEW, Set.of(OFFER)), changed.transitions());
        assertEquals(Map.of(NEW, Set.of(OFFER)), fx.reload(project.id()).transitions());
        lm().leads().changeStatus(manager(), lead.id(), OFFER);
        assertEquals(OFFER, fx.reload(lead.id()).status(), "no lead is trapped by the removal");
    }

    @Test
    void retiringALostStatusKeepsTheDisqualificationReasons() {
        Project project = fx.project("Solar roofs");
        projects().addStatus(manager(), project.id(), LeadStatus.of("parked", "Parked", StatusCategory.LOST));
        Lead lead = fx.lead(project.id());
        lm().leads().disqualify(manager(), lead.id(), LOST, "no budget");

        projects().retireStatus(manager(), project.id(), LOST, StatusKey.of("parked"));

        Lead moved = fx.reload(lead.id());
        assertEquals(StatusKey.of("parked"), moved.status());
        assertEquals("no budget", moved.lostReason());
        List<StatusChange> history = lm().leads().statusHistory(manager(), lead.id());
        assertEquals("no budget", history.get(history.size() - 1).reason());
    }

    @Test
    void retiringAnOpenStatusIntoALostOneGivesAReason() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);

        projects().retireStatus(manager(), project.id(), CONTACTED, LOST);

        Lead moved = fx.reload(lead.id());
        assertEquals(LOST, moved.status());
        assertFalse(moved.lostReason() == null || moved.lostReason().isBlank(), "a LOST lead always has a reason");
    }

    @Test
    void defaultStatusMustBeOpen() {
        rejectsInput("command.defaultStatus", () -> projects().create(manager(),
                new Projects.Create("Solar roofs", ProjectKind.PROJECT, TckFixture.standardStatuses(), WON)));
        rejectsInput("command.defaultStatus", () -> projects().create(manager(),
                new Projects.Create("Solar roofs", ProjectKind.PROJECT, TckFixture.standardStatuses(),
                        StatusKey.of("visit"))));
        Project project = fx.project("Solar roofs");
        rejectsInput("defaultStatus", () -> projects().setDefaultStatus(manager(), project.id(), LOST));

        projects().setDefaultStatus(manager(), project.id(), CONTACTED);

        assertEquals(CONTACTED, fx.reload(project.id()).defaultStatus());
        assertEquals(CONTACTED, fx.lead(project.id()).status());
    }

    @Test
    void duplicateStatusKeysAreRejected() {
        List<LeadStatus> statuses = List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                LeadStatus.of("new", "Again", StatusCategory.OPEN));
        rejectsInput("command.statuses[1].key", () -> projects().create(manager(),
                new Projects.Create("Solar roofs", ProjectKind.PROJECT, statuses, NEW)));
    }

    @Test
    void allowedTransitionsAreEnforcedOnEveryStatusChange() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        projects().setTransitions(manager(), project.id(), Map.of(NEW, Set.of(CONTACTED), CONTACTED, Set.of(OFFER, LOST)));

        rejects(ConflictException.class, () -> lm().leads().changeStatus(manager(), lead.id(), OFFER));
        rejects(ConflictException.class, () -> lm().leads().convert(manager(), lead.id()));
        lm().leads().changeStatus(manager(), lead.id(), CONTACTED);
        rejects(ConflictException.class, () -> lm().leads().convert(manager(), lead.id(), WON));
        lm().leads().disqualify(manager(), lead.id(), "no budget");
        assertEquals(LOST, fx.reload(lead.id()).status());
        lm().leads().changeStatus(manager(), lead.id(), NEW);
        assertEquals(NEW, fx.reload(lead.id()).status(), "a status without an entry may move anywhere");

        projects().setTransitions(manager(), project.id(), Map.of());
        lm().leads().convert(manager(), lead.id());
        assertEquals(WON, fx.reload(lead.id()).status(), "an empty map lifts all restrictions");
    }

    @Test
    void transitionsNamingUnknownStatusesAreRejected() {
        Project project = fx.project("Solar roofs");
        ValidationException error = rejects(ValidationException.class, () -> projects().setTransitions(manager(),
                project.id(), Map.of(NEW, Set.of(StatusKey.of("visit")))));
        assertTrue(error.violations().get(0).path().startsWith("transitions"), error.violations().toString());
        error = rejects(ValidationException.class, () -> projects().setTransitions(manager(), project.id(),
                Map.of(StatusKey.of("visit"), Set.of(NEW))));
        assertTrue(error.violations().get(0).path().startsWith("transitions"), error.violations().toString());
    }

    @Test
    void teamIsKeptInRoundRobinOrderWithoutDuplicates() {
        Project project = fx.project("Solar roofs");
        projects().setTeam(manager(), project.id(), List.of(fx.bob, fx.alice, fx.bob, fx.carol));
        assertEquals(List.of(fx.bob, fx.alice, fx.carol), fx.reload(project.id()).team());
        projects().setTeam(manager(), project.id(), List.of());
        assertTrue(fx.reload(project.id()).team().isEmpty());
    }

    @Test
    void boundGroupsAreStoredAndReplaced() {
        Project project = fx.project("Solar roofs");
        ContactGroupId newsletter = ContactGroupId.of("newsletter");
        ContactGroupId fair = ContactGroupId.of("fair-2026");
        projects().bindGroups(manager(), project.id(), Set.of(newsletter, fair));
        assertEquals(Set.of(newsletter, fair), fx.reload(project.id()).groups());
        projects().bindGroups(manager(), project.id(), Set.of(fair));
        assertEquals(Set.of(fair), fx.reload(project.id()).groups());
    }

    @Test
    void assignmentPolicyIsStored() {
        Project project = fx.project("Solar roofs");
        AssignmentPolicy policy = new AssignmentPolicy(
                List.of(new AssignmentRule("berlin", ContactField.CITY, "Berlin", fx.alice)),
                AssignmentStrategy.LEAST_OPEN_LEADS, fx.carol);
        projects().setAssignmentPolicy(manager(), project.id(), policy);
        assertEquals(policy, fx.reload(project.id()).assignment());
    }

    @Test
    void listShowsEveryProjectOfTheTenantByNameWithCountsPerStatus() {
        Project solar = fx.project("Solar roofs");
        Project heat = fx.project("Heat pumps");
        Project fair = fx.project("Fair 2025");
        for (int i = 0; i < 3; i++) {
            fx.lead(solar.id());
        }
        Lead contacted = fx.lead(heat.id());
        lm().leads().changeStatus(manager(), contacted.id(), CONTACTED);
        Lead won = fx.lead(heat.id());
        lm().leads().convert(manager(), won.id());
        projects().archive(manager(), fair.id());
        fx.otherTenant().project("Other tenant's project");

        List<ProjectOverview> list = projects().list(manager());

        assertEquals(List.of("Fair 2025", "Heat pumps", "Solar roofs"),
                list.stream().map(o -> o.project().name()).toList(), "by name; archived included");
        Map<String, Map<StatusKey, Long>> counts = new java.util.HashMap<>();
        list.forEach(o -> counts.put(o.project().name(), o.counts().byStatus()));
        assertEquals(Map.of(NEW, 0L, CONTACTED, 0L, OFFER, 0L, WON, 0L, LOST, 0L), counts.get("Fair 2025"));
        assertEquals(Map.of(NEW, 0L, CONTACTED, 1L, OFFER, 0L, WON, 1L, LOST, 0L), counts.get("Heat pumps"));
        assertEquals(Map.of(NEW, 3L, CONTACTED, 0L, OFFER, 0L, WON, 0L, LOST, 0L), counts.get("Solar roofs"));
        for (ProjectOverview o : list) {
            assertEquals(o.project().statusOrder(), List.copyOf(o.counts().byStatus().keySet()));
            assertEquals(o.counts().byStatus(),
                    lm().search().countByStatus(manager(), o.project().id(), LeadCriteria.all()).byStatus());
        }
    }

    @Test
    void listOfATenantWithoutProjectsIsEmpty() {
        assertTrue(projects().list(manager()).isEmpty());
    }

    @Test
    void unknownProjectIsNotFound() {
        Project project = fx.project("Solar roofs");
        org.leadmanager.domain.ProjectId unknown = new org.leadmanager.domain.ProjectId(java.util.UUID.randomUUID());
        rejects(NotFoundException.class, () -> projects().get(manager(), unknown));
        rejects(NotFoundException.class, () -> projects().rename(manager(), unknown, "x"));
        rejects(NotFoundException.class, () -> projects().archive(manager(), unknown));
        rejects(NotFoundException.class, () -> projects().retireStatus(manager(), unknown, NEW, CONTACTED));
        assertEquals(project.id(), fx.reload(project.id()).id());
    }

    @Test
    void everyConfigurationChangeBumpsTheVersion() {
        Project project = fx.project("Solar roofs");
        long v0 = fx.reload(project.id()).version();
        projects().rename(manager(), project.id(), "Solar");
        long v1 = fx.reload(project.id()).version();
        projects().setTeam(manager(), project.id(), List.of(fx.alice));
        long v2 = fx.reload(project.id()).version();
        assertTrue(v0 < v1 && v1 < v2, "versions " + v0 + ", " + v1 + ", " + v2);
    }

    @Test
    void newLeadsGetTheDefaultStatusAndTheOwnerByPolicy() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice);
        Lead lead = fx.lead(project.id());
        assertEquals(NEW, lead.status());
        assertEquals(fx.alice, lead.assignee());
        assertEquals(OwnerReasonKind.ROUND_ROBIN, lead.ownerReason().kind());
    }
}
