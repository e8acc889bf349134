package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.leadmanager.inmemory.StoreFixture.ANNA;
import static org.leadmanager.inmemory.StoreFixture.TENANT_A;
import static org.leadmanager.inmemory.StoreFixture.at;
import static org.leadmanager.inmemory.StoreFixture.followUp;
import static org.leadmanager.inmemory.StoreFixture.lead;
import static org.leadmanager.inmemory.StoreFixture.project;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;

/** Many threads on one store: no duplicates, no lost updates. Threads start together; nothing sleeps. */
class ConcurrencyTest {
    private static final int THREADS = 8;

    private final InMemoryLeadStore store = InMemoryLeadStore.create();
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private <T> List<T> onAllThreads(Callable<T> task) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                return task.call();
            }));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get(60, TimeUnit.SECONDS));
        }
        return results;
    }

    @Test
    void overlappingBulkQualificationsCreateEachLeadOnce() throws Exception {
        Project project = project(TENANT_A, "Solar");
        store.inTransaction(s -> {
            s.projects().insert(project);
            return null;
        });
        int contacts = 2_000;
        int chunk = 50;

        List<List<Lead>> insertedPerThread = onAllThreads(() -> {
            List<Lead> inserted = new ArrayList<>();
            for (int from = 0; from < contacts; from += chunk) {
                List<Lead> leads = IntStream.range(from, from + chunk)
                        .mapToObj(i -> lead(project, "contact-" + i)).toList();
                inserted.addAll(store.inTransaction(s -> s.leads().insertIfAbsent(leads)));
            }
            return inserted;
        });

        Set<ContactId> insertedContacts = new HashSet<>();
        int insertedCount = 0;
        for (List<Lead> inserted : insertedPerThread) {
            insertedCount += inserted.size();
            inserted.forEach(l -> insertedContacts.add(l.contact()));
        }
        assertEquals(contacts, insertedCount, "each contact became a lead exactly once");
        assertEquals(contacts, insertedContacts.size());
        assertEquals(Map.of(StoreFixture.NEW, (long) contacts), store.inTransaction(
                s -> s.leads().countByStatus(TENANT_A, project.id(), LeadCriteria.all())));
    }

    @Test
    void concurrentClaimersNeverGetTheSameFollowUp() throws Exception {
        Project project = project(TENANT_A, "Solar");
        Lead lead = lead(project, "c1");
        int due = 1_000;
        store.inTransaction(s -> {
            s.projects().insert(project);
            s.leads().insertIfAbsent(List.of(lead));
            for (int i = 0; i < due; i++) {
                s.followUps().insert(followUp(lead, ANNA, at(i % 7)));
            }
            s.followUps().insert(followUp(lead, ANNA, at(60)));
            return null;
        });

        List<List<FollowUpId>> claimedPerThread = onAllThreads(() -> {
            String node = Thread.currentThread().getName();
            List<FollowUpId> claimed = new ArrayList<>();
            while (true) {
                List<FollowUp> batch = store.inTransaction(s -> s.reminders().claimDue(at(10), 7, node, at(30)));
                if (batch.isEmpty()) {
                    return claimed;
                }
                batch.forEach(f -> claimed.add(f.id()));
            }
        });

        Set<FollowUpId> distinct = new HashSet<>();
        int total = 0;
        for (List<FollowUpId> claimed : claimedPerThread) {
            total += claimed.size();
            distinct.addAll(claimed);
        }
        assertEquals(due, total, "no follow-up claimed twice");
        assertEquals(due, distinct.size(), "every due follow-up claimed");
    }

    @Test
    void parallelReadModifyWritesOfOneLeadLoseNoUpdate() throws Exception {
        Project project = project(TENANT_A, "Solar");
        Lead lead = lead(project, "c1");
        store.inTransaction(s -> {
            s.projects().insert(project);
            return s.leads().insertIfAbsent(List.of(lead));
        });
        int updatesPerThread = 500;

        List<Integer> retries = onAllThreads(() -> {
            int stale = 0;
            for (int done = 0; done < updatesPerThread; ) {
                // read in one unit of work, write in another: the version check must catch the races between them
                Lead read = store.inTransaction(s -> s.leads().find(TENANT_A, lead.id()).orElseThrow());
                try {
                    // the lost reason serves as a counter: each update writes one more than it read
                    int count = read.lostReason() == null ? 0 : Integer.parseInt(read.lostReason());
                    store.inTransaction(s -> s.leads().update(
                            read.withStatus(read.status(), String.valueOf(count + 1), read.lastActivityAt())));
                    done++;
                } catch (StaleModificationException e) {
                    stale++;
                }
            }
            return stale;
        });

        Lead last = store.inTransaction(s -> s.leads().find(TENANT_A, lead.id()).orElseThrow());
        long updates = (long) THREADS * updatesPerThread;
        assertEquals(updates, last.version());
        assertEquals(String.valueOf(updates), last.lostReason());
        assertEquals(THREADS, retries.size());
    }
}
