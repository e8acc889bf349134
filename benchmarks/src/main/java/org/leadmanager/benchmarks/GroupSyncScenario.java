package org.leadmanager.benchmarks;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.leadmanager.BulkResult;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.project.Project;

/**
 * Scenario 2: {@code syncGroups} of a project bound to a group of 100,000 members (read from the host page by page)
 * against the plain JDBC batch insert of the same rows. Each repetition starts from an empty lead table.
 */
final class GroupSyncScenario implements Scenario {

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(100_000, 2000);
        ContactGroupId group = GeneratedContacts.group(size);
        try (BenchDatabase db = BenchDatabase.create("bench_sync")) {
            JpaNode node = new JpaNode(db, "sync", 4, new GeneratedContacts());
            Project project = node.project("Synced");
            node.leads.projects().bindGroups(JpaNode.ACTOR, project.id(), Set.of(group));
            String projectId = project.id().toString();

            List<Double> ours = new ArrayList<>();
            List<Double> baseline = new ArrayList<>();
            for (int rep = 0; rep <= Bench.reps(); rep++) {
                reset(db);
                BulkResult[] result = new BulkResult[1];
                double s = Bench.seconds(() -> result[0] = node.leads.qualification().syncGroups(JpaNode.ACTOR,
                        project.id()));
                BulkQualificationScenario.check(result[0].added() == size, "sync added " + result[0].added());
                reset(db);
                double b;
                try (Connection c = db.connect()) {
                    b = Bench.seconds(() -> BaselineInsert.insert(c, JpaNode.TENANT.value(), projectId, 0, size,
                            "GROUP", group.value(), "manager", 1000));
                }
                BulkQualificationScenario.check(db.count("SELECT count(*) FROM lm_lead") == size, "baseline rows");
                Bench.log("%s: syncGroups %.2f s, baseline %.2f s", rep == 0 ? "warm-up" : "rep " + rep, s, b);
                if (rep > 0) {
                    ours.add(s);
                    baseline.add(b);
                }
            }
            double o = size / Bench.median(ours);
            double t = size / Bench.median(baseline);
            return List.of(new Result("2 syncGroups", String.format("%,d-member group: new leads/s", size), o, t,
                    true, "≥ 0.80", Bench.yesNo(o / t >= 0.8),
                    "library s " + Bench.list(ours) + ", baseline s " + Bench.list(baseline)));
        }
    }

    private static void reset(BenchDatabase db) throws Exception {
        db.execute("TRUNCATE lm_lead, lm_event, lm_activity", "CHECKPOINT");
    }
}
