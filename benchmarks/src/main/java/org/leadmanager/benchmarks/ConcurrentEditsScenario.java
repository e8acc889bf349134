package org.leadmanager.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.leadmanager.LeadManager;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Scenario 6: 8 threads each make 2,000 acknowledged edits (an internal note, which records activity on the lead
 * without touching its version) spread over 4 leads, retrying when a concurrent change is reported. Afterwards each
 * lead must have exactly as many notes and timeline entries beyond its qualification as edits were acknowledged
 * for it: no update lost. Reported as
 * acknowledged edits per second, on the JPA store (PostgreSQL) and on the in-memory store.
 */
final class ConcurrentEditsScenario implements Scenario {
    private static final int THREADS = 8;
    private static final int LEADS = 4;

    @Override
    public List<Result> run() throws Exception {
        int edits = Bench.scaled(2000, 100);
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = BenchDatabase.create("bench_edits")) {
            JpaNode node = new JpaNode(db, "edits", THREADS + 2, new GeneratedContacts());
            results.add(measure("JPA store on PostgreSQL", node.leads, node.project("Edits"), edits));
        }
        InMemoryLeadStore store = InMemoryLeadStore.create();
        LeadManager memory = LeadManager.builder().store(store).contacts(new GeneratedContacts())
                .users(JpaNode.USERS).build();
        Project project = memory.projects().create(JpaNode.ACTOR, new org.leadmanager.Projects.Create("Edits",
                org.leadmanager.domain.project.ProjectKind.PROJECT, JpaNode.STATUSES,
                org.leadmanager.domain.project.StatusKey.of("new")));
        results.add(measure("in-memory store", memory, project, edits));
        return results;
    }

    private Result measure(String store, LeadManager leads, Project project, int edits) throws Exception {
        List<Double> rates = new ArrayList<>();
        long retries = 0;
        long lost = 0;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int rep = 0; rep <= Bench.reps(); rep++) {
                List<LeadId> targets = new ArrayList<>();
                for (int i = 0; i < LEADS; i++) {
                    targets.add(leads.qualification().qualify(JpaNode.ACTOR, project.id(),
                            GeneratedContacts.id(rep * 100L + i)).lead().id());
                }
                AtomicLongArray acked = new AtomicLongArray(LEADS);
                AtomicLong retried = new AtomicLong();
                CyclicBarrier start = new CyclicBarrier(THREADS + 1);
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    running.add(pool.submit(() -> {
                        start.await();
                        for (int k = 0; k < edits; k++) {
                            int lead = (thread + k) % LEADS;
                            while (true) {
                                try {
                                    leads.leads().addNote(JpaNode.ACTOR, targets.get(lead), "edit " + thread + "/" + k);
                                    acked.incrementAndGet(lead);
                                    break;
                                } catch (StaleModificationException e) {
                                    retried.incrementAndGet();
                                }
                            }
                        }
                        return null;
                    }));
                }
                double seconds = Bench.seconds(() -> {
                    start.await();
                    for (Future<?> f : running) {
                        f.get();
                    }
                });
                long total = 0;
                for (int i = 0; i < LEADS; i++) {
                    long notes = leads.leads().notes(JpaNode.ACTOR, targets.get(i)).size();
                    long entries = leads.leads().timeline(JpaNode.ACTOR, targets.get(i)).size() - 1;
                    lost += Math.abs(acked.get(i) - notes) + Math.abs(acked.get(i) - entries);
                    total += acked.get(i);
                }
                BulkQualificationScenario.check(total == (long) THREADS * edits, "acknowledged " + total);
                Bench.log("%s %s: %.0f edits/s, %d retries", store, rep == 0 ? "warm-up" : "rep " + rep,
                        total / seconds, retried.get());
                if (rep > 0) {
                    rates.add(total / seconds);
                    retries += retried.get();
                }
            }
        } finally {
            pool.shutdownNow();
        }
        BulkQualificationScenario.check(lost == 0, lost + " updates lost");
        return new Result("6 concurrent edits", String.format("%s: %d threads × %,d edits on %d leads: edits/s",
                store, THREADS, edits, LEADS), Bench.median(rates), Double.NaN, true, "0 lost", lost == 0 ? "yes" : "no",
                "lost updates: " + lost + "; retries after a stale version: " + retries + " in " + Bench.reps()
                        + " reps; /s " + Bench.list(rates));
    }
}
