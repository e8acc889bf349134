package org.leadmanager.benchmarks;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.BulkResult;
import org.leadmanager.domain.project.Project;

/**
 * Scenario 1: one million contacts qualified into one project through the public API ({@code qualifyAll} on a lazy
 * input, JPA store, Hibernate, PostgreSQL), then the same million again (nothing new), against the plain JDBC batch
 * insert of the same rows. Runs in a JVM with {@code -Xmx256m}. Each repetition starts from an empty lead table.
 */
final class BulkQualificationScenario implements Scenario {

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(1_000_000, 2000);
        int warmUp = Math.min(size, 100_000);
        try (BenchDatabase db = BenchDatabase.create("bench_bulk")) {
            JpaNode node = new JpaNode(db, "bulk", 4, new GeneratedContacts());
            Project project = node.project("Bulk");
            String projectId = project.id().toString();

            Bench.log("warm-up: %,d contacts through the library and the baseline", warmUp);
            node.leads.qualification().qualifyAll(JpaNode.ACTOR, project.id(), GeneratedContacts.range(0, warmUp));
            reset(db);
            try (Connection c = db.connect()) {
                BaselineInsert.insert(c, JpaNode.TENANT.value(), projectId, 0, warmUp, "MANUAL", null, "manager", 1000);
            }

            List<Double> first = new ArrayList<>();
            List<Double> again = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            long createdAgain = 0;
            for (int rep = 1; rep <= Bench.reps(); rep++) {
                reset(db);
                BulkResult[] result = new BulkResult[1];
                first.add(Bench.seconds(() -> result[0] = node.leads.qualification().qualifyAll(JpaNode.ACTOR,
                        project.id(), GeneratedContacts.range(0, size))));
                check(result[0].added() == size, "first run added " + result[0].added() + " of " + size);
                again.add(Bench.seconds(() -> result[0] = node.leads.qualification().qualifyAll(JpaNode.ACTOR,
                        project.id(), GeneratedContacts.range(0, size))));
                check(result[0].alreadyLeads() == size, "re-run found " + result[0].alreadyLeads() + " existing");
                createdAgain += result[0].added();
                check(db.count("SELECT count(*) FROM lm_lead") == size, "lead count after the re-run");

                reset(db);
                try (Connection c = db.connect()) {
                    baseline.add(Bench.seconds(() -> BaselineInsert.insert(c, JpaNode.TENANT.value(), projectId, 0,
                            size, "MANUAL", null, "manager", 1000)));
                }
                check(db.count("SELECT count(*) FROM lm_lead") == size, "baseline row count");
                Bench.log("rep %d: library %.2f s, re-run %.2f s, baseline %.2f s", rep, first.get(rep - 1),
                        again.get(rep - 1), baseline.get(rep - 1));
            }
            double ours = size / Bench.median(first);
            double theirs = size / Bench.median(baseline);
            double rerun = Bench.median(again);
            double firstRun = Bench.median(first);
            long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            return List.of(
                    new Result("1 bulk qualification", String.format("%,d new leads/s (qualifyAll, JPA)", size), ours,
                            theirs, true, "≥ 0.80", Bench.yesNo(ours / theirs >= 0.8),
                            "JVM heap limit " + heapMb + " MiB; library s " + Bench.list(first) + ", baseline s "
                                    + Bench.list(baseline)),
                    new Result("1 bulk qualification", "re-run of the same contacts: seconds (baseline column:"
                            + " first run)", rerun, firstRun, false, "≤ 0.50",
                            Bench.yesNo(rerun / firstRun <= 0.5 && createdAgain == 0),
                            "created on re-runs: " + createdAgain + "; re-run s " + Bench.list(again)));
        }
    }

    private static void reset(BenchDatabase db) throws Exception {
        db.execute("TRUNCATE lm_lead, lm_lead_word, lm_event, lm_activity", "CHECKPOINT");
    }

    static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("check failed: " + what);
        }
    }
}
