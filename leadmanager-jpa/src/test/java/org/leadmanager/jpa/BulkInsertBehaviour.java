package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;

/** {@code insertIfAbsent}: chunked JDBC batches with insert-if-absent semantics, also across nodes. */
abstract class BulkInsertBehaviour extends StoreTestBase {

    @Test
    void returnsExactlyTheLeadsItInsertedInInputOrder() {
        Project project = Fixtures.project(Fixtures.tenant(), "Bulk");
        run(s -> s.projects().insert(project));
        List<Lead> first = leads(project, 0, 1200);
        assertEquals(first, tx(s -> s.leads().insertIfAbsent(first)), "several chunks, all new");

        List<Lead> second = leads(project, 1000, 1500);
        List<Lead> inserted = tx(s -> s.leads().insertIfAbsent(second));
        assertEquals(second.subList(200, 500), inserted, "only contacts without a lead");
        assertEquals(List.of(), tx(s -> s.leads().insertIfAbsent(leads(project, 0, 10))));
        assertEquals(1500L, total(project));
        Fixtures.assertSameLead(first.get(1100),
                tx(s -> s.leads().findByContact(project.tenant(), project.id(), ContactId.of("c1100"))).orElseThrow());
    }

    /** Two nodes (stores on separate factories) qualify overlapping contact ranges at the same time. */
    @Test
    void concurrentNodesCreateEachLeadOnce() throws Exception {
        Project project = Fixtures.project(Fixtures.tenant(), "Race");
        run(s -> s.projects().insert(project));
        List<JpaLeadStore> nodes = List.of(JpaLeadStore.create(db().newEmf()), JpaLeadStore.create(db().newEmf()));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<Lead>>> results = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                JpaLeadStore node = nodes.get(n);
                int from = n * 1000;
                Callable<List<Lead>> work = () -> {
                    start.await();
                    List<Lead> mine = new ArrayList<>();
                    // the core's shape: one unit of work per chunk of about 1000 contacts
                    for (int chunk = from; chunk < from + 2000; chunk += 500) {
                        List<Lead> batch = leads(project, chunk, chunk + 500);
                        mine.addAll(node.inTransaction(s -> s.leads().insertIfAbsent(batch)));
                    }
                    return mine;
                };
                results.add(pool.submit(work));
            }
            Set<ContactId> created = new HashSet<>();
            int returned = 0;
            for (Future<List<Lead>> result : results) {
                for (Lead lead : result.get(2, TimeUnit.MINUTES)) {
                    assertTrue(created.add(lead.contact()), "reported as inserted twice: " + lead.contact());
                    returned++;
                    assertEquals(lead.id(), tx(s -> s.leads().findByContact(project.tenant(), project.id(),
                            lead.contact())).orElseThrow().id());
                }
            }
            assertEquals(3000, returned);
            assertEquals(3000L, total(project));
        } finally {
            pool.shutdownNow();
        }
    }

    private long total(Project project) {
        return tx(s -> s.leads().countByStatus(project.tenant(), project.id(), LeadCriteria.all())).values()
                .stream().mapToLong(Long::longValue).sum();
    }

    private static List<Lead> leads(Project project, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> Fixtures.lead(project, "c" + i)).toList();
    }
}
