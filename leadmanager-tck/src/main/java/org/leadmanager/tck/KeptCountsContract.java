package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.leadmanager.tck.TckFixture.CONTACTED;
import static org.leadmanager.tck.TckFixture.LOST;
import static org.leadmanager.tck.TckFixture.NEW;
import static org.leadmanager.tck.TckFixture.OFFER;
import static org.leadmanager.tck.TckFixture.WON;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.StoreException;

/**
 * Kept counts: the lead managers list, the counts per status (with or without owner filters) and the open leads per
 * owner that least-open-leads assignment weighs are kept as changes commit, in the unit of work of each change, and
 * must equal a count of the leads after every kind of change, after failed units of work and under concurrency;
 * {@code projects().recount} repairs them for a host that changed leads behind the library's back.
 */
public abstract class KeptCountsContract extends ContractBase {
    private static final int THREADS = 8;

    private void agree(Project project, String after) {
        CountAgreement.assertAgree(fx, project.id(), "after " + after);
    }

    @Test
    void everyChangeThatMovesALeadMovesItsCountsInTheSameUnitOfWork() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        agree(project, "creation");
        Lead first = fx.lead(project.id());
        agree(project, "qualifying one contact");
        fx.withChunkSize(3).qualification().qualifyAll(manager(), project.id(), fx.contacts(7, "Visitor"));
        agree(project, "qualifying a selection in chunks");

        ContactGroupId group = ContactGroupId.of("newsletter");
        lm().projects().bindGroups(manager(), project.id(), Set.of(group));
        ContactId joiner = fx.contact("Joiner");
        fx.contacts.addToGroup(fx.tenant, group, joiner);
        lm().qualification().contactJoinedGroup(fx.system(), group, joiner);
        agree(project, "a contact joining a bound group");
        fx.contacts.addToGroup(fx.tenant, group, fx.contacts(4, "Member"));
        fx.withChunkSize(2).qualification().syncGroups(fx.system(), project.id());
        agree(project, "syncGroups");
        MarketingActionId action = lm().qualification().createAction(manager(), "Mailing", Set.of(project.id()))
                .id();
        lm().qualification().actionResponse(fx.system(), action, fx.contact("Responder"));
        agree(project, "a marketing action's response");

        List<Lead> leads = TenantSnapshot.allLeads(lm(), manager(), project);
        lm().leads().changeStatus(manager(), leads.get(1).id(), CONTACTED);
        lm().leads().changeStatus(manager(), leads.get(2).id(), CONTACTED);
        lm().leads().changeStatus(manager(), leads.get(3).id(), OFFER);
        agree(project, "status changes");
        lm().leads().convert(manager(), leads.get(4).id());
        lm().leads().disqualify(manager(), leads.get(5).id(), "no budget");
        agree(project, "a conversion and a disqualification");
        lm().leads().assign(manager(), first.id(), fx.carol);
        lm().leads().unassign(manager(), leads.get(6).id());
        agree(project, "assigning and unassigning");
        lm().leads().assignAll(manager(), Set.of(leads.get(1).id(), leads.get(4).id(), leads.get(7).id()), fx.carol);
        lm().leads().unassignAll(manager(), Set.of(leads.get(2).id(), leads.get(3).id()));
        agree(project, "assignAll and unassignAll");

        lm().projects().retireStatus(manager(), project.id(), CONTACTED, OFFER);
        agree(project, "retiring a status its leads move off");
        lm().projects().addStatus(manager(), project.id(), LeadStatus.of("contacted", "Called again",
                StatusCategory.WON));
        agree(project, "adding a status of the retired key again");

        ContactId movedAway = fx.contact("Moved away");
        lm().leads().contactsMerged(manager(), leads.get(8).contact(), movedAway);
        agree(project, "a contact merge that moves a lead");
        lm().leads().assign(manager(), leads.get(9).id(), fx.bob);
        lm().leads().unassign(manager(), leads.get(10).id());
        lm().leads().changeStatus(manager(), leads.get(10).id(), OFFER);
        lm().leads().contactsMerged(manager(), leads.get(9).contact(), leads.get(10).contact());
        assertEquals(fx.bob, fx.reload(leads.get(10).id()).assignee(), "the survivor took the folded lead's owner");
        agree(project, "a contact merge that folds one lead into another");
    }

    @Test
    void countsOfEveryProjectAreKeptApart() {
        Project solar = fx.project("Solar roofs");
        Project wind = fx.project("Wind parks");
        ContactId both = fx.contact("Both");
        fx.lead(solar.id(), both);
        Lead inWind = fx.lead(wind.id(), both);
        lm().leads().assign(manager(), inWind.id(), fx.alice);
        lm().leads().changeStatus(manager(), inWind.id(), OFFER);
        TckFixture other = fx.otherTenant();
        Project foreign = other.project("Solar roofs");
        other.lead(foreign.id(), "Someone else");

        Map<String, Map<org.leadmanager.domain.project.StatusKey, Long>> listed = new java.util.TreeMap<>();
        lm().projects().list(manager()).forEach(o -> listed.put(o.project().name(), o.counts().byStatus()));
        assertEquals(Map.of("Solar roofs", Map.of(NEW, 1L, CONTACTED, 0L, OFFER, 0L, WON, 0L, LOST, 0L),
                "Wind parks", Map.of(NEW, 0L, CONTACTED, 0L, OFFER, 1L, WON, 0L, LOST, 0L)), listed);
        agree(solar, "leads in two projects");
        agree(wind, "leads in two projects");
        CountAgreement.assertAgree(other, foreign.id(), "another tenant's project of the same name");
    }

    @Test
    void leastOpenLeadsWeighsTheOpenLeadsEachOwnerHasNow() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        List<Lead> alices = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Lead lead = fx.lead(project.id());
            lm().leads().assign(manager(), lead.id(), fx.alice);
            alices.add(lead);
        }
        for (int i = 0; i < 4; i++) {
            Lead lead = fx.lead(project.id());
            lm().leads().assign(manager(), lead.id(), fx.bob);
            if (i < 2) {
                lm().leads().changeStatus(manager(), lead.id(), OFFER);
            } else {
                lm().leads().convert(manager(), lead.id());
            }
        }
        lm().projects().setAssignmentPolicy(manager(), project.id(), AssignmentPolicy.leastOpenLeads());
        assertEquals(fx.bob, fx.lead(project.id()).assignee(), "alice 3 open, bob 2 (his won leads do not count)");

        lm().leads().convert(manager(), alices.get(0).id());
        lm().leads().disqualify(manager(), alices.get(1).id(), "moved away");
        assertEquals(fx.alice, fx.lead(project.id()).assignee(), "alice 1 open, bob 3");
        assertEquals(fx.alice, fx.lead(project.id()).assignee(), "alice 2 open, bob 3");

        // retiring an OPEN status into a WON one closes its leads: bob's two offers no longer weigh
        lm().projects().retireStatus(manager(), project.id(), OFFER, WON);
        assertEquals(fx.bob, fx.lead(project.id()).assignee(), "alice 3 open, bob 1");
        agree(project, "least-open assignments and a retirement into a WON status");
    }

    @Test
    void aBulkQualificationWeighsTheLeadsOfItsEarlierChunks() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.leastOpenLeads(), fx.alice, fx.bob, fx.carol);
        Lead busy = fx.lead(project.id());
        lm().leads().assign(manager(), busy.id(), fx.alice);
        lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);

        fx.withChunkSize(2).qualification().qualifyAll(manager(), project.id(), fx.contacts(7, "Visitor"));

        Map<UserId, Long> open = new java.util.HashMap<>();
        TenantSnapshot.allLeads(lm(), manager(), project).forEach(l -> open.merge(l.assignee(), 1L, Long::sum));
        assertEquals(Map.of(fx.alice, 3L, fx.bob, 3L, fx.carol, 3L), open, "chunk after chunk, the fewest first");
        agree(project, "a bulk qualification by least open leads");
    }

    @Test
    void aRecountRepairsCountsOfLeadsChangedBehindTheLibrarysBack() {
        Project project = fx.project("Solar roofs");
        Lead promoted = fx.lead(project.id());
        lm().leads().assign(manager(), promoted.id(), fx.alice);
        fx.lead(project.id());
        Lead removed = fx.lead(project.id());
        lm().leads().changeStatus(manager(), removed.id(), CONTACTED);
        Map<org.leadmanager.domain.project.StatusKey, Long> kept = lm().search().countByStatus(manager(),
                project.id(), LeadCriteria.all()).byStatus();

        // what a host's hand-written SQL or a restored table does: rows change, the kept counts do not
        ContactId restoredContact = fx.contact("Restored");
        Lead restored = Lead.qualify(new LeadId(UUID.randomUUID()), fx.tenant, project.id(), restoredContact,
                fx.contacts.find(fx.tenant, restoredContact).orElseThrow(), OFFER, Origin.manual(fx.mia), null,
                OwnerReason.unassigned(fx.mia), fx.clock.instant());
        fx.store.inTransaction(s -> {
            Lead stored = s.leads().find(fx.tenant, promoted.id()).orElseThrow();
            s.leads().update(stored.withStatus(WON, null, fx.clock.instant()));
            s.leads().delete(s.leads().find(fx.tenant, removed.id()).orElseThrow());
            s.leads().insertIfAbsent(List.of(restored));
            return null;
        });
        assertEquals(kept, lm().search().countByStatus(manager(), project.id(), LeadCriteria.all()).byStatus(),
                "the kept counts do not see changes made behind the library's back");

        Projects.Recount recount = lm().projects().recount(manager(), project.id());

        // leads per status: new -1, won +1, contacted -1, offer +1; alice's leads: new -1, won +1
        assertEquals(6, recount.corrected(), recount.toString());
        assertEquals(Map.of(NEW, 1L, CONTACTED, 0L, OFFER, 1L, WON, 1L, LOST, 0L), recount.counts().byStatus());
        agree(project, "the recount");
    }

    @Test
    void aRecountAlsoCorrectsKeptNumbersThatDriftedOnTheirOwn() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().assign(manager(), lead.id(), fx.bob);
        fx.store.inTransaction(s -> {
            s.tallies().add(fx.tenant, List.of(new TallyDelta(project.id(), TallyKey.status(NEW), 5),
                    new TallyDelta(project.id(), TallyKey.owner(fx.carol, WON), 2)));
            return null;
        });
        assertEquals(6, lm().search().countByStatus(manager(), project.id(), LeadCriteria.all()).total());

        Projects.Recount recount = lm().projects().recount(manager(), project.id());

        assertEquals(2, recount.corrected());
        assertEquals(1, recount.counts().total());
        assertEquals(0, lm().projects().recount(manager(), project.id()).corrected(), "nothing left to correct");
        agree(project, "the recount");
    }

    @Test
    void aRecountNeedsTheRightToConfigureAndAProjectOfTheCallersTenant() {
        Project project = fx.project("Solar roofs");
        fx.lead(project.id());
        rejects(AccessDeniedException.class, () -> lm().projects().recount(fx.agent(fx.alice), project.id()));
        TckFixture other = fx.otherTenant();
        rejects(NotFoundException.class, () -> lm().projects().recount(other.manager, project.id()));
        rejects(NotFoundException.class, () -> lm().projects().recount(manager(),
                new org.leadmanager.domain.ProjectId(UUID.randomUUID())));
        assertEquals(0, lm().projects().recount(manager(), project.id()).corrected());
    }

    @Test
    void aUnitOfWorkThatFailsLeavesTheCountsAsTheyWere() {
        CrashingStore crashing = new CrashingStore(store());
        TckFixture cx = TckFixture.create(crashing);
        Project project = cx.project("Solar roofs", AssignmentPolicy.leastOpenLeads(), cx.alice, cx.bob);
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leads.add(cx.lead(project.id()));
        }
        ContactId survivor = leads.get(3).contact();
        List<ContactId> more = cx.contacts(5, "Visitor");
        // the points inside a change's unit of work (the claim is the relay's)
        for (CrashingStore.Point point : List.of(CrashingStore.Point.TALLIES, CrashingStore.Point.EVENTS)) {
            List<Runnable> calls = List.of(
                    () -> cx.lm.qualification().qualify(cx.manager, project.id(), cx.contact("Crash " + point)),
                    () -> cx.withChunkSize(2).qualification().qualifyAll(cx.manager, project.id(), more),
                    () -> cx.lm.leads().changeStatus(cx.manager, leads.get(0).id(), OFFER),
                    () -> cx.lm.leads().convert(cx.manager, leads.get(1).id()),
                    () -> cx.lm.leads().assign(cx.manager, leads.get(2).id(), cx.carol),
                    () -> cx.lm.leads().unassign(cx.manager, leads.get(0).id()),
                    () -> cx.lm.projects().retireStatus(cx.manager, project.id(), NEW, CONTACTED),
                    () -> cx.lm.leads().contactsMerged(cx.manager, leads.get(2).contact(), survivor));
            for (Runnable call : calls) {
                crashing.crashNext(point);
                rejects(cx, StoreException.class, call::run);
                assertTrue(!crashing.armed(), "the crash struck inside the call");
                CountAgreement.assertAgree(cx, project.id(), "a unit of work that crashed at " + point);
            }
        }
    }

    @Test
    void manyThreadsQualifyingAndWorkingOneProjectKeepItsCountsExact() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.leastOpenLeads(), fx.alice, fx.bob, fx.carol);
        List<ContactId> contacts = fx.contacts(60, "Visitor");
        LeadManager chunked = fx.withChunkSize(4);
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            List<ContactId> window = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                window.add(contacts.get((thread * 7 + i) % contacts.size()));
            }
            Collections.shuffle(window, new Random(thread));
            tasks.add(() -> {
                if (thread % 3 == 0) {
                    chunked.qualification().qualifyAll(manager(), project.id(), window);
                    return window.size();
                }
                Random random = new Random(thread);
                for (ContactId contact : window) {
                    Lead lead = lm().qualification().qualify(manager(), project.id(), contact).lead();
                    work(lead.id(), random.nextInt(5));
                }
                return window.size();
            });
        }

        ConcurrencyContract.race(tasks);

        assertEquals(contacts.size(), TenantSnapshot.allLeads(lm(), manager(), project).size());
        agree(project, THREADS + " threads qualifying and working one project");
    }

    /** One change of a racing thread; a change another thread spoiled is dropped, as a user would see it fail. */
    private void work(LeadId lead, int what) {
        try {
            switch (what) {
                case 0 -> lm().leads().changeStatus(manager(), lead, CONTACTED);
                case 1 -> lm().leads().convert(manager(), lead);
                case 2 -> lm().leads().assign(manager(), lead, fx.carol);
                case 3 -> lm().leads().unassign(manager(), lead);
                default -> lm().leads().changeStatus(manager(), lead, OFFER);
            }
        } catch (StaleModificationException | ConflictException spoiled) {
            // the lead changed concurrently; the change was not made and must not be counted
        }
    }

    @Test
    void aRecountBesideConcurrentChangesCountsEachChangeOnce() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        List<ContactId> contacts = fx.contacts(40, "Visitor");
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            tasks.add(() -> {
                if (thread < 2) {
                    int corrected = 0;
                    for (int i = 0; i < 6; i++) {
                        corrected += lm().projects().recount(manager(), project.id()).corrected();
                    }
                    return corrected;
                }
                Random random = new Random(thread);
                for (int i = thread; i < contacts.size(); i += THREADS - 2) {
                    Lead lead = lm().qualification().qualify(manager(), project.id(), contacts.get(i)).lead();
                    work(lead.id(), random.nextInt(5));
                }
                return 0;
            });
        }

        List<Integer> results = ConcurrencyContract.race(tasks);

        assertEquals(List.of(0, 0), results.subList(0, 2), "no recount found anything to correct");
        assertNotEquals(0, TenantSnapshot.allLeads(lm(), manager(), project).size());
        agree(project, "recounts beside concurrent changes");
    }
}
