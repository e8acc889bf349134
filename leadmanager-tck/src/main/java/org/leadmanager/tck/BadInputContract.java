package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.NEW;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.leadmanager.LeadQuery;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.Projects;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;

/**
 * Bad input of every kind is refused with the documented exception type and, for validation, the path of the
 * offending input; and the refused call changes nothing and publishes nothing.
 */
public abstract class BadInputContract extends ContractBase {
    private static final String NAME_201 = "n".repeat(201);
    private static final String TEXT_10_001 = "t".repeat(10_001);

    private Project project;
    private Lead lead;
    private Note note;
    private FollowUp followUp;
    private SavedSearch saved;

    @BeforeEach
    void someData() {
        project = fx.project("Solar roofs");
        lead = fx.lead(project.id(), "Erika Mustermann");
        note = lm().leads().addNote(manager(), lead.id(), "first call");
        followUp = lm().followUps().schedule(manager(), lead.id(), fx.clock.instant().plus(Duration.ofDays(1)),
                "call back");
        saved = lm().search().save(manager(), "Everything", project.id(), LeadCriteria.all(),
                LeadSort.byLastActivity());
    }

    private Projects.Create create(String name) {
        return new Projects.Create(name, ProjectKind.PROJECT, TckFixture.standardStatuses(), NEW);
    }

    /** The call is refused with violations at exactly these paths (among possibly others), changing nothing. */
    private void invalid(Executable call, String... paths) {
        ValidationException error = rejects(ValidationException.class, call);
        for (String path : paths) {
            assertViolation(error, path);
        }
    }

    @Test
    void blankOrOversizedProjectNamesAreRejected() {
        Actor m = manager();
        invalid(() -> lm().projects().create(m, create("")), "command.name");
        invalid(() -> lm().projects().create(m, create("   ")), "command.name");
        invalid(() -> lm().projects().create(m, create(NAME_201)), "command.name");
        invalid(() -> lm().projects().rename(m, project.id(), " "), "name");
        invalid(() -> lm().projects().rename(m, project.id(), NAME_201), "name");
        String longest = "n".repeat(200);
        lm().projects().rename(m, project.id(), longest);
        assertEquals(longest, fx.reload(project.id()).name(), "200 characters are fine");
    }

    @Test
    void blankOrOversizedTextsAreRejected() {
        Actor m = manager();
        Instant due = fx.clock.instant().plus(Duration.ofHours(1));
        invalid(() -> lm().leads().addNote(m, lead.id(), ""), "text");
        invalid(() -> lm().leads().addNote(m, lead.id(), " \n\t "), "text");
        invalid(() -> lm().leads().addNote(m, lead.id(), TEXT_10_001), "text");
        invalid(() -> lm().leads().editNote(m, note.id(), " "), "text");
        invalid(() -> lm().leads().editNote(m, note.id(), TEXT_10_001), "text");
        invalid(() -> lm().followUps().schedule(m, lead.id(), due, ""), "note");
        invalid(() -> lm().followUps().schedule(m, lead.id(), due, TEXT_10_001), "note");
        invalid(() -> lm().leads().disqualify(m, lead.id(), " "), "reason");
        invalid(() -> lm().leads().disqualify(m, lead.id(), TEXT_10_001), "reason");
        invalid(() -> lm().projects().relabelStatus(m, project.id(), NEW, ""), "label");
        invalid(() -> lm().projects().relabelStatus(m, project.id(), NEW, NAME_201), "label");
        invalid(() -> lm().search().save(m, " ", project.id(), LeadCriteria.all(), LeadSort.byLastActivity()),
                "name");
        invalid(() -> lm().search().save(m, NAME_201, project.id(), LeadCriteria.all(), LeadSort.byLastActivity()),
                "name");
        invalid(() -> lm().qualification().createAction(m, "", Set.of(project.id())), "name");
        invalid(() -> lm().qualification().createAction(m, NAME_201, Set.of(project.id())), "name");
        String longest = "t".repeat(10_000);
        Note stored = lm().leads().addNote(m, lead.id(), longest);
        assertEquals(longest, stored.text(), "10,000 characters are fine");
        assertEquals(longest, lm().leads().notes(m, lead.id()).get(1).text());
    }

    @Test
    void unknownStatusesAreRejected() {
        Actor m = manager();
        StatusKey visit = StatusKey.of("visit");
        invalid(() -> lm().leads().changeStatus(m, lead.id(), visit), "status");
        invalid(() -> lm().leads().convert(m, lead.id(), visit), "status");
        invalid(() -> lm().leads().disqualify(m, lead.id(), visit, "why"), "status");
        invalid(() -> lm().projects().setDefaultStatus(m, project.id(), visit), "defaultStatus");
        invalid(() -> lm().projects().retireStatus(m, project.id(), visit, NEW), "status");
        invalid(() -> lm().projects().retireStatus(m, project.id(), NEW, visit), "replacement");
        invalid(() -> lm().search().countByStatus(m, project.id(), LeadCriteria.all().withStatuses(visit)),
                "criteria.statuses");
    }

    @Test
    void malformedStatusKeysAreRejected() {
        ValidationException error = org.junit.jupiter.api.Assertions.assertThrowsExactly(ValidationException.class,
                () -> StatusKey.of("Not A Key"));
        assertViolation(error, "StatusKey");
    }

    @Test
    void unknownIdsAreNotFound() {
        Actor m = manager();
        ProjectId noProject = new ProjectId(UUID.randomUUID());
        LeadId noLead = new LeadId(UUID.randomUUID());
        ContactId noContact = ContactId.of("no-such-contact");
        rejects(NotFoundException.class, () -> lm().projects().get(m, noProject));
        rejects(NotFoundException.class, () -> lm().qualification().qualify(m, noProject, lead.contact()));
        rejects(NotFoundException.class, () -> lm().search().find(m, LeadQuery.firstPage(noProject,
                LeadCriteria.all())));
        rejects(NotFoundException.class, () -> lm().leads().get(m, noLead));
        rejects(NotFoundException.class, () -> lm().leads().changeStatus(m, noLead, CONTACTED));
        rejects(NotFoundException.class, () -> lm().leads().addNote(m, noLead, "x"));
        rejects(NotFoundException.class, () -> lm().followUps().schedule(m, noLead,
                fx.clock.instant().plus(Duration.ofHours(1)), "x"));
        rejects(NotFoundException.class, () -> lm().leads().editNote(m, new NoteId(UUID.randomUUID()), "x"));
        rejects(NotFoundException.class, () -> lm().followUps().complete(m, new FollowUpId(UUID.randomUUID())));
        rejects(NotFoundException.class, () -> lm().search().run(m, new SavedSearchId(UUID.randomUUID()), 5));
        rejects(NotFoundException.class, () -> lm().search().deleteSavedSearch(m,
                new SavedSearchId(UUID.randomUUID())));
        rejects(NotFoundException.class, () -> lm().qualification().actionResponse(m,
                new MarketingActionId(UUID.randomUUID()), lead.contact()));
        rejects(NotFoundException.class, () -> lm().qualification().qualify(m, project.id(), noContact));
        rejects(NotFoundException.class, () -> lm().leads().contactsMerged(m, lead.contact(), noContact));
        rejects(NotFoundException.class,
                () -> lm().qualification().previewAssignment(m, project.id(), List.of(noContact)));
        ContactGroupId group = ContactGroupId.of("newsletter");
        lm().projects().bindGroups(m, project.id(), Set.of(group));
        rejects(NotFoundException.class, () -> lm().qualification().contactJoinedGroup(fx.system(), group,
                noContact));
    }

    @Test
    void invalidDatesAreRejected() {
        Actor m = manager();
        Instant now = fx.clock.instant();
        invalid(() -> lm().followUps().schedule(m, lead.id(), now.minusSeconds(1), "late"), "dueAt");
        invalid(() -> lm().followUps().reschedule(m, followUp.id(), now.minus(Duration.ofDays(1))), "dueAt");
        invalid(() -> lm().search().find(m, LeadQuery.firstPage(project.id(),
                LeadCriteria.all().withCreated(now, now.minusNanos(1000)))), "query.criteria.created");
        invalid(() -> lm().search().find(m, LeadQuery.firstPage(project.id(),
                LeadCriteria.all().withLastActivity(now.plusSeconds(1), now))), "query.criteria.lastActivity");
        invalid(() -> lm().search().countByStatus(m, project.id(),
                LeadCriteria.all().withLastActivity(now.plusSeconds(1), now)), "criteria.lastActivity");
    }

    @Test
    void nullsAreRejectedNamingTheParameter() {
        Actor m = manager();
        ProjectId p = project.id();
        LeadId l = lead.id();
        ContactId c = lead.contact();
        List<LeadStatus> statuses = TckFixture.standardStatuses();
        invalid(() -> lm().projects().create(null, create("X")), "actor");
        invalid(() -> lm().projects().create(m, null), "command");
        invalid(() -> lm().projects().create(m, new Projects.Create(null, ProjectKind.PROJECT, statuses, NEW)),
                "command.name");
        invalid(() -> lm().projects().create(m, new Projects.Create("X", null, statuses, NEW)), "command.kind");
        invalid(() -> lm().projects().create(m, new Projects.Create("X", ProjectKind.PROJECT, List.of(), NEW)),
                "command.statuses");
        invalid(() -> lm().projects().create(m, new Projects.Create("X", ProjectKind.PROJECT, null, null)),
                "command.statuses", "command.defaultStatus");
        invalid(() -> lm().projects().get(m, null), "project");
        invalid(() -> lm().projects().rename(m, p, null), "name");
        invalid(() -> lm().projects().addStatus(m, p, null), "status");
        invalid(() -> lm().projects().addStatus(m, p, null, 0), "status");
        invalid(() -> lm().projects().setTeam(m, p, null), "team");
        invalid(() -> lm().projects().setTransitions(m, p, null), "transitions");
        invalid(() -> lm().projects().list(null), "actor");
        invalid(() -> lm().projects().recount(null, p), "actor");
        invalid(() -> lm().projects().recount(m, null), "project");
        invalid(() -> lm().qualification().qualify(m, null, null), "project", "contact");
        invalid(() -> lm().qualification().qualifyAll(m, p, null), "contacts");
        invalid(() -> lm().qualification().contactJoinedGroup(m, null, c), "group");
        invalid(() -> lm().qualification().actionResponse(m, null, c), "action");
        invalid(() -> lm().qualification().createAction(m, "Mailing", Set.of()), "projects");
        invalid(() -> lm().qualification().previewAssignment(m, p, null), "contacts");
        invalid(() -> lm().leads().get(m, null), "lead");
        invalid(() -> lm().leads().assign(m, l, null), "user");
        invalid(() -> lm().leads().assignAll(m, Set.of(), fx.alice), "leads");
        invalid(() -> lm().leads().assignAll(m, null, fx.alice), "leads");
        invalid(() -> lm().leads().assignAll(m, Set.of(l), null), "user");
        invalid(() -> lm().leads().unassignAll(m, Set.of()), "leads");
        invalid(() -> lm().leads().convert(m, l, null), "status");
        invalid(() -> lm().leads().disqualify(m, l, null, "no budget"), "status");
        invalid(() -> lm().qualification().qualifyAll(m, p, List.of(c), null), "listener");
        invalid(() -> lm().qualification().syncGroups(m, p, null), "listener");
        invalid(() -> lm().followUps().schedule(m, l, fx.clock.instant().plusSeconds(60), "n", null), "owner");
        invalid(() -> lm().leads().changeStatus(null, l, CONTACTED), "actor");
        invalid(() -> lm().leads().changeStatus(m, l, null), "status");
        invalid(() -> lm().leads().addNote(m, l, null), "text");
        invalid(() -> lm().leads().editNote(m, null, "x"), "note");
        invalid(() -> lm().leads().contactsMerged(m, null, null), "from", "into");
        invalid(() -> lm().followUps().schedule(m, l, null, "n"), "dueAt");
        invalid(() -> lm().followUps().complete(m, null), "followUp");
        invalid(() -> lm().followUps().snooze(m, followUp.id(), null), "by");
        invalid(() -> lm().followUps().overview(m, null), "user");
        invalid(() -> lm().search().find(m, null), "query");
        invalid(() -> lm().search().find(m, new LeadQuery(null, null, null, 10, null)),
                "query.project", "query.criteria", "query.sort");
        invalid(() -> lm().search().countByStatus(m, p, null), "criteria");
        invalid(() -> lm().search().save(m, null, p, LeadCriteria.all(), LeadSort.byLastActivity()), "name");
        invalid(() -> lm().search().deleteSavedSearch(m, null), "search");
        invalid(() -> lm().search().run(m, null, 10), "search");
        invalid(() -> lm().search().run(m, new SavedSearchId(UUID.randomUUID()), 10, null), "cursor");
        invalid(() -> lm().search().run(m, new SavedSearchId(UUID.randomUUID()), 10, "x".repeat(1001)), "cursor");
    }

    @Test
    void nullElementsAreRejectedNamingTheirPosition() {
        Actor m = manager();
        ValidationException team = rejects(ValidationException.class,
                () -> lm().projects().setTeam(m, project.id(), Arrays.asList(fx.alice, null)));
        assertEquals(1, team.violations().size());
        org.junit.jupiter.api.Assertions.assertTrue(team.violations().get(0).path().startsWith("team[1]"),
                team.violations().toString());
        ValidationException statuses = rejects(ValidationException.class, () -> lm().projects().create(m,
                new Projects.Create("X", ProjectKind.PROJECT, Arrays.asList(TckFixture.standardStatuses().get(0),
                        null), NEW)));
        org.junit.jupiter.api.Assertions.assertTrue(
                statuses.violations().get(0).path().startsWith("command.statuses[1]"),
                statuses.violations().toString());
        rejects(ValidationException.class, () -> lm().projects().setTransitions(m, project.id(),
                new java.util.HashMap<>(Map.of(NEW, new java.util.HashSet<>(Arrays.asList(CONTACTED, null))))));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        ValidationException error = rejects(ValidationException.class, () -> lm().projects().create(manager(),
                new Projects.Create(" ", null, List.of(), null)));
        assertEquals(List.of("command.defaultStatus", "command.kind", "command.name", "command.statuses"),
                error.violations().stream().map(ValidationException.Violation::path).toList());
        error.violations().forEach(v -> org.junit.jupiter.api.Assertions.assertFalse(v.message().isBlank()));
    }

    @Test
    void pageSizesOutsideTheirRangeAreRejected() {
        invalid(() -> lm().search().run(manager(), saved.id(), 0), "limit");
        invalid(() -> lm().search().run(manager(), saved.id(), 501), "limit");
        invalid(() -> lm().search().find(manager(), new LeadQuery(project.id(), LeadCriteria.all(),
                LeadSort.byLastActivity(), 0, null)), "query.limit");
        invalid(() -> lm().projects().addStatus(manager(), project.id(),
                LeadStatus.of("visit", "Visit", org.leadmanager.domain.project.StatusCategory.OPEN), -1), "position");
    }
}
