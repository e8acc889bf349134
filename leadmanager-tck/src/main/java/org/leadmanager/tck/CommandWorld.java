package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.leadmanager.ItemOutcome;
import org.leadmanager.LeadManager;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.MergeResult;
import org.leadmanager.ProjectOverview;
import org.leadmanager.QualifyResult;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.StatusChange;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.LeadQuery;

/**
 * The state {@link InvariantProperties} drives: a tenant with two projects (one round-robin and bound to a group,
 * one with a criteria rule and least-open-leads), eight contacts plus one the host does not know, a marketing
 * action over both projects, and what the API reported so far (leads with the default status they were created
 * on, notes, follow-ups, folded leads). Every command runs through the public API; a refused command must leave
 * the tenant unchanged, and after every command the structural invariants must hold.
 */
final class CommandWorld {
    static final int PROJECTS = 2;
    static final int CONTACTS = 8;

    private final TckFixture fx;
    /** The store's crash switch when the world checks crashes and kept counts, else null. */
    private final CrashingStore crashes;
    private final LeadManager lm;
    private final LeadManager chunked;
    private final Actor manager;
    private final Actor agent;
    private final List<ProjectId> projects;
    private final List<ContactId> contacts = new ArrayList<>();
    private final ContactId ghost = ContactId.of("ghost");
    private final ContactGroupId group = ContactGroupId.of("newsletter");
    private final MarketingActionId action;
    private final List<UserId> users;

    private final List<LeadId> leads = new ArrayList<>();
    private final Map<LeadId, StatusKey> defaultAtCreation = new HashMap<>();
    private final Map<LeadId, ProjectId> projectOf = new HashMap<>();
    private final Set<LeadId> folded = new HashSet<>();
    private final List<NoteId> notes = new ArrayList<>();
    private final List<FollowUpId> followUps = new ArrayList<>();
    private final List<String> log = new ArrayList<>();
    private int refused;
    private int crashed;

    CommandWorld(TckFixture fx) {
        this(fx, null);
    }

    /**
     * A world whose store can crash ({@link LeadCommand.Crash}) and whose every check also compares all kept counts
     * with a count of the leads ({@link CountAgreement}).
     *
     * @param crashes the switch of the fixture's store, which must be that very store
     */
    CommandWorld(TckFixture fx, CrashingStore crashes) {
        this.fx = fx;
        this.crashes = crashes;
        this.lm = fx.lm;
        this.chunked = fx.withChunkSize(3);
        this.manager = fx.manager;
        this.agent = fx.agent(fx.alice);
        Project alpha = fx.project("Alpha", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        lm.projects().bindGroups(manager, alpha.id(), Set.of(group));
        Project beta = fx.project("Beta", new AssignmentPolicy(
                List.of(new AssignmentRule("berlin", ContactField.CITY, "Berlin", fx.carol)),
                AssignmentStrategy.LEAST_OPEN_LEADS, null), fx.alice, fx.ivan);
        projects = List.of(alpha.id(), beta.id());
        for (int i = 0; i < CONTACTS; i++) {
            contacts.add(fx.contact(new ContactCard("Contact " + i, "c" + i + "@example.org", null, null,
                    i % 2 == 0 ? "Berlin" : "Hamburg", null)));
        }
        action = lm.qualification().createAction(manager, "Mailing", Set.copyOf(projects)).id();
        users = java.util.Arrays.asList(fx.alice, fx.bob, fx.carol, fx.ivan, null);
    }

    /** A comparable view of the tenant that every change alters (versions, counts, events). */
    private record Fingerprint(List<String> projects, List<String> leads, int events) {
    }

    private Fingerprint fingerprint() {
        List<String> ps = new ArrayList<>();
        List<String> ls = new ArrayList<>();
        for (ProjectOverview o : lm.projects().list(manager)) {
            ps.add(TenantSnapshot.describe(o.project()) + o.counts().byStatus());
            TenantSnapshot.allLeads(lm, manager, o.project()).forEach(l -> ls.add(TenantSnapshot.describe(l)));
        }
        return new Fingerprint(ps, ls, fx.publishedEvents().size());
    }

    /** Runs one command; a refused one must change nothing. Then checks the structural invariants. */
    void run(LeadCommand command) {
        Fingerprint before = fingerprint();
        boolean armed = crashes != null && crashes.armed();
        try {
            command.applyTo(this);
            log.add(command.toString());
        } catch (StaleModificationException e) {
            throw new AssertionError("single-threaded commands never lose an optimistic lock: " + command, e);
        } catch (LeadManagerException refused) {
            this.refused++;
            if (armed && !crashes.armed()) {
                crashed++;
            }
            log.add(command + " refused: " + refused.getClass().getSimpleName());
            assertEquals(before, fingerprint(), command + " was refused (" + refused.getMessage()
                    + ") but changed something; steps: " + log);
        }
        checkStructure();
    }

    /** Leads the tenant has now. */
    int leadCount() {
        return leads.size();
    }

    /** Commands refused so far. */
    int refusedCount() {
        return refused;
    }

    /** Leads that had another lead folded into them by a contact merge. */
    int foldedCount() {
        return folded.size();
    }

    /** Commands that failed because the store crashed inside them. */
    int crashCount() {
        return crashed;
    }

    // ---- commands

    void qualify(int project, int contact) {
        ProjectId p = projects.get(project);
        StatusKey def = project(p).defaultStatus();
        QualifyResult result = lm.qualification().qualify(manager, p, contact(contact));
        if (result.created()) {
            created(result.lead().id(), p, def);
        }
    }

    void qualifyAll(int project, List<Integer> contactIndexes) {
        ProjectId p = projects.get(project);
        StatusKey def = project(p).defaultStatus();
        List<ContactId> input = contactIndexes.stream().map(this::contact).toList();
        chunked.qualification().qualifyAll(manager, p, input, (outcomes, n) -> outcomes.stream()
                .filter(ItemOutcome.Added.class::isInstance).map(ItemOutcome.Added.class::cast)
                .forEach(o -> created(o.lead(), p, def)));
    }

    void respondToAction(int contact) {
        Map<ProjectId, StatusKey> defaults = defaults();
        for (QualifyResult r : lm.qualification().actionResponse(fx.system(), action, contact(contact))) {
            if (r.created()) {
                created(r.lead().id(), r.lead().project(), defaults.get(r.lead().project()));
            }
        }
    }

    void joinGroup(int contact) {
        Map<ProjectId, StatusKey> defaults = defaults();
        fx.contacts.addToGroup(fx.tenant, group, contact(contact));
        for (QualifyResult r : lm.qualification().contactJoinedGroup(fx.system(), group, contact(contact))) {
            if (r.created()) {
                created(r.lead().id(), r.lead().project(), defaults.get(r.lead().project()));
            }
        }
    }

    void syncGroups(int project) {
        ProjectId p = projects.get(project);
        StatusKey def = project(p).defaultStatus();
        chunked.qualification().syncGroups(fx.system(), p, (outcomes, n) -> outcomes.stream()
                .filter(ItemOutcome.Added.class::isInstance).map(ItemOutcome.Added.class::cast)
                .forEach(o -> created(o.lead(), p, def)));
    }

    void assign(int lead, int user) {
        LeadId id = lead(lead);
        if (id != null) {
            UserId u = users.get(user % users.size());
            if (u == null) {
                lm.leads().unassign(manager, id);
            } else {
                lm.leads().assign(manager, id, u);
            }
        }
    }

    void changeStatus(int lead, int status, boolean byAgent) {
        LeadId id = lead(lead);
        if (id != null) {
            lm.leads().changeStatus(byAgent ? agent : manager, id, statusOf(projectOf.get(id), status));
        }
    }

    void convert(int lead) {
        LeadId id = lead(lead);
        if (id != null) {
            lm.leads().convert(manager, id);
        }
    }

    void disqualify(int lead) {
        LeadId id = lead(lead);
        if (id != null) {
            lm.leads().disqualify(manager, id, "not interested");
        }
    }

    void addStatus(int project, int key, int category, int position) {
        ProjectId p = projects.get(project);
        int size = project(p).statuses().size();
        lm.projects().addStatus(manager, p, LeadStatus.of("s" + key, "Status " + key,
                StatusCategory.values()[category]), position % (size + 2));
    }

    void retireStatus(int project, int status, int replacement) {
        ProjectId p = projects.get(project);
        lm.projects().retireStatus(manager, p, statusOf(p, status), statusOf(p, replacement));
    }

    void reorderStatuses(int project, long seed) {
        ProjectId p = projects.get(project);
        List<StatusKey> order = new ArrayList<>(project(p).statusOrder());
        Collections.shuffle(order, new Random(seed));
        lm.projects().reorderStatuses(manager, p, order);
    }

    void setDefaultStatus(int project, int status) {
        ProjectId p = projects.get(project);
        lm.projects().setDefaultStatus(manager, p, statusOf(p, status));
    }

    void setTransitions(int project, int seed) {
        ProjectId p = projects.get(project);
        if (seed % 3 == 0) {
            lm.projects().setTransitions(manager, p, Map.of());
        } else {
            Set<StatusKey> allowed = new HashSet<>(List.of(statusOf(p, seed / 3), statusOf(p, seed / 7)));
            lm.projects().setTransitions(manager, p, Map.of(statusOf(p, seed), allowed));
        }
    }

    void archive(int project) {
        lm.projects().archive(manager, projects.get(project));
    }

    void addNote(int lead, boolean byAgent) {
        LeadId id = lead(lead);
        if (id != null) {
            notes.add(lm.leads().addNote(byAgent ? agent : manager, id, "note " + notes.size()).id());
        }
    }

    void editNote(int note, boolean byAgent) {
        if (!notes.isEmpty()) {
            lm.leads().editNote(byAgent ? agent : manager, notes.get(note % notes.size()), "edited");
        }
    }

    void deleteNote(int note) {
        if (!notes.isEmpty()) {
            lm.leads().deleteNote(manager, notes.get(note % notes.size()));
        }
    }

    void scheduleFollowUp(int lead, int minutes) {
        LeadId id = lead(lead);
        if (id != null) {
            Instant due = fx.clock.instant().plus(Duration.ofMinutes(minutes));
            followUps.add(lm.followUps().schedule(manager, id, due, "call").id());
        }
    }

    void closeFollowUp(int followUp, boolean complete) {
        if (!followUps.isEmpty()) {
            FollowUpId id = followUps.get(followUp % followUps.size());
            if (complete) {
                lm.followUps().complete(manager, id);
            } else {
                lm.followUps().cancel(manager, id);
            }
        }
    }

    void moveFollowUp(int followUp, int minutes, boolean snooze) {
        if (!followUps.isEmpty()) {
            FollowUpId id = followUps.get(followUp % followUps.size());
            if (snooze) {
                lm.followUps().snooze(manager, id, Duration.ofMinutes(minutes));
            } else {
                lm.followUps().reschedule(manager, id, fx.clock.instant().plus(Duration.ofMinutes(minutes)));
            }
        }
    }

    void mergeContacts(int from, int into) {
        ContactId survivor = contact(into);
        MergeResult result = lm.leads().contactsMerged(manager, contact(from), survivor);
        for (LeadId gone : result.merged()) {
            ProjectId p = projectOf.get(gone);
            Lead target = TenantSnapshot.allLeads(lm, manager, project(p)).stream()
                    .filter(l -> l.contact().equals(survivor)).findFirst()
                    .orElseThrow(() -> new AssertionError("no surviving lead in " + p + " after merging " + gone));
            leads.remove(gone);
            folded.add(target.id());
        }
    }

    void erase(int contact) {
        for (LeadId erased : lm.privacy().erase(manager, contact(contact), ErasureReason.REQUEST).leads()) {
            assertTrue(leads.remove(erased), "erased a lead not reported created: " + erased);
            folded.remove(erased);
        }
    }

    void advanceClock(int minutes) {
        fx.clock.advance(Duration.ofMinutes(minutes));
    }

    /** The next unit of work that reaches the point fails there (a world without a crashing store ignores it). */
    void crashNext(boolean beforeTallies) {
        if (crashes != null) {
            crashes.crashNext(beforeTallies ? CrashingStore.Point.TALLIES : CrashingStore.Point.EVENTS);
        }
    }

    // ---- helpers

    private void created(LeadId lead, ProjectId project, StatusKey defaultStatus) {
        assertTrue(!leads.contains(lead), "lead " + lead + " reported created twice");
        leads.add(lead);
        projectOf.put(lead, project);
        defaultAtCreation.put(lead, Objects.requireNonNull(defaultStatus));
    }

    private ContactId contact(int index) {
        return index < CONTACTS ? contacts.get(index) : ghost;
    }

    private LeadId lead(int index) {
        return leads.isEmpty() ? null : leads.get(index % leads.size());
    }

    private Project project(ProjectId id) {
        return lm.projects().get(manager, id);
    }

    private StatusKey statusOf(ProjectId project, int index) {
        List<StatusKey> order = project(project).statusOrder();
        return order.get(Math.floorMod(index, order.size()));
    }

    private Map<ProjectId, StatusKey> defaults() {
        Map<ProjectId, StatusKey> defaults = new HashMap<>();
        projects.forEach(p -> defaults.put(p, project(p).defaultStatus()));
        return defaults;
    }

    // ---- invariants

    /** One lead per project and contact, statuses from the list, counts equal to the list, no lead lost. */
    void checkStructure() {
        Set<LeadId> stored = new HashSet<>();
        for (ProjectOverview overview : lm.projects().list(manager)) {
            Project p = overview.project();
            List<Lead> all = TenantSnapshot.allLeads(lm, manager, p);
            Set<ContactId> seen = new HashSet<>();
            Map<StatusKey, Long> counted = new LinkedHashMap<>();
            p.statusOrder().forEach(s -> counted.put(s, 0L));
            for (Lead lead : all) {
                assertTrue(seen.add(lead.contact()), "two leads of " + lead.contact() + " in " + p.name() + "; " + log);
                assertTrue(counted.containsKey(lead.status()),
                        lead + " has status " + lead.status() + " not in " + p.statusOrder() + "; " + log);
                counted.merge(lead.status(), 1L, Long::sum);
                stored.add(lead.id());
            }
            assertEquals(counted, overview.counts().byStatus(), "list() counts of " + p.name() + "; " + log);
            assertEquals(counted, lm.search().countByStatus(manager, p.id(), LeadCriteria.all()).byStatus(),
                    "countByStatus of " + p.name() + "; " + log);
            if (crashes != null) {
                CountAgreement.assertAgree(fx, p.id(), log);
                FunnelAgreement.assertAgree(fx, p.id(), log);
            }
        }
        assertEquals(Set.copyOf(leads), stored, "the store holds exactly the leads reported created; " + log);
    }

    /** History agrees with state; timeline, notes and next follow-up agree with each other; lists agree with counts. */
    void checkHistories() {
        for (ProjectOverview overview : lm.projects().list(manager)) {
            Project p = overview.project();
            for (StatusKey status : p.statusOrder()) {
                Set<LeadId> listed = new HashSet<>();
                LeadQuery query = new LeadQuery(p.id(), LeadCriteria.all().withStatuses(status),
                        LeadSort.byLastActivity(), 7, null);
                while (true) {
                    var page = lm.search().find(manager, query);
                    for (Lead lead : page.leads()) {
                        assertTrue(listed.add(lead.id()), "paging returned " + lead.id() + " twice; " + log);
                    }
                    if (!page.hasNext()) {
                        break;
                    }
                    query = query.after(page.nextCursor());
                }
                assertEquals(overview.counts().of(status), listed.size(), status + " in " + p.name() + "; " + log);
            }
            for (Lead lead : TenantSnapshot.allLeads(lm, manager, p)) {
                checkLead(lead);
            }
        }
    }

    private void checkLead(Lead lead) {
        String where = lead + "; steps: " + log;
        List<Activity> timeline = lm.leads().timeline(manager, lead.id());
        assertEquals(ActivityType.QUALIFIED, timeline.get(0).type(), "timeline starts with the qualification: "
                + where);
        for (int i = 0; i < timeline.size(); i++) {
            assertEquals(i + 1, timeline.get(i).sequence(), "timeline numbered in order: " + where);
            // one change at a time and a clock that only goes forward: commit order is time order, except that a
            // merge appends the folded lead's older entries
            boolean inTimeOrder = i == 0 || !timeline.get(i).at().isBefore(timeline.get(i - 1).at());
            assertTrue(inTimeOrder || folded.contains(lead.id()), "timeline oldest first: " + where);
        }
        long added = timeline.stream().filter(a -> a.type() == ActivityType.NOTE_ADDED).count();
        long deleted = timeline.stream().filter(a -> a.type() == ActivityType.NOTE_DELETED).count();
        assertEquals(added - deleted, lm.leads().notes(manager, lead.id()).size(), "notes vs timeline: " + where);
        Instant next = lm.followUps().forLead(manager, lead.id()).stream().filter(FollowUp::open)
                .map(FollowUp::dueAt).min(Instant::compareTo).orElse(null);
        assertEquals(next, lead.nextFollowUpAt(), "next follow-up: " + where);
        if (folded.contains(lead.id())) {
            return; // its history holds the folded lead's changes too
        }
        List<StatusChange> history = lm.leads().statusHistory(manager, lead.id());
        StatusKey expected = defaultAtCreation.get(lead.id());
        for (StatusChange change : history) {
            assertEquals(expected, change.from(), "history chains from the default: " + history + " " + where);
            expected = change.to();
        }
        assertEquals(expected, lead.status(), "history ends in the current status: " + history + " " + where);
    }
}
