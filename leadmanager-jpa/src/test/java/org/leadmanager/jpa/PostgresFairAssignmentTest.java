package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.leadmanager.BulkResult;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.LeadPage;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.tck.TckFixture;

/**
 * Four nodes (each a store on a connection pool of its own) qualify 10,000 contacts into one project with weighted
 * round-robin on PostgreSQL, in parallel and in chunks: every contact becomes one lead with one owner, and each
 * member ends within 1 of their weighted share, the nodes continuing one sequence.
 */
class PostgresFairAssignmentTest {
    private static final TestDatabase DB = TestDatabase.postgres();
    private static final int NODES = 4;
    private static final int LEADS = 10_000;

    @AfterAll
    static void close() {
        DB.close();
    }

    @Test
    void fourNodesQualifyingTenThousandLeadsKeepTheWeightedSharesAndAssignEachLeadOnce() throws Exception {
        TckFixture fx = TckFixture.create(JpaLeadStore.create(DB.newEmf()));
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        fx.lm.projects().setTeamMembers(fx.manager, project.id(), List.of(new TeamMember(fx.alice, 3, null),
                new TeamMember(fx.bob, 2, null), TeamMember.of(fx.carol)));
        List<ContactId> contacts = fx.contacts(LEADS, "Visitor");
        ExecutorService pool = Executors.newFixedThreadPool(NODES);
        try {
            List<Future<Long>> added = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                LeadManager lm = LeadManager.builder().store(JpaLeadStore.create(DB.newEmf()))
                        .contacts(fx.contacts).users(fx.users).clock(fx.clock).bulkChunkSize(50).build();
                List<ContactId> mine = contacts.subList(node * LEADS / NODES, (node + 1) * LEADS / NODES);
                Callable<Long> work = () -> {
                    BulkResult result = lm.qualification().qualifyAll(fx.manager, project.id(), mine);
                    return result.added();
                };
                added.add(pool.submit(work));
            }
            long total = 0;
            for (Future<Long> f : added) {
                total += f.get(5, TimeUnit.MINUTES);
            }
            assertEquals(LEADS, total);
        } finally {
            pool.shutdownNow();
        }

        Map<UserId, Long> owners = new HashMap<>();
        Set<LeadId> seen = new HashSet<>();
        String cursor = null;
        do {
            LeadPage page = fx.lm.search().find(fx.manager, new LeadQuery(project.id(), LeadCriteria.all(),
                    LeadSort.byLastActivity(), 500, cursor));
            for (Lead lead : page.leads()) {
                assertTrue(seen.add(lead.id()), "a lead listed twice");
                assertTrue(lead.assignee() != null, "every lead has an owner");
                owners.merge(lead.assignee(), 1L, Long::sum);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        assertEquals(LEADS, seen.size());
        Map<UserId, Integer> weights = Map.of(fx.alice, 3, fx.bob, 2, fx.carol, 1);
        weights.forEach((member, weight) -> {
            double share = LEADS * weight / 6.0;
            long got = owners.getOrDefault(member, 0L);
            assertTrue(Math.abs(got - share) <= 1, member + " got " + got + ", share " + share);
        });
    }
}
