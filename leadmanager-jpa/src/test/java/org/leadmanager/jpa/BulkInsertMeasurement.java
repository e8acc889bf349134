package org.leadmanager.jpa;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;

/**
 * Rough throughput of {@code insertIfAbsent} on the embedded PostgreSQL, in the core's shape (one unit of work per
 * chunk of 1000). Not a benchmark (see the benchmarks module); run with {@code -Dleadmanager.measure=true}.
 */
@EnabledIfSystemProperty(named = "leadmanager.measure", matches = "true")
class BulkInsertMeasurement {

    @Test
    void insertIfAbsentOnPostgres() {
        try (TestDatabase db = TestDatabase.postgres()) {
            if (Boolean.getBoolean("leadmanager.measure.dropFk")) {
                try (var c = db.connect(); var st = c.createStatement()) {
                    st.execute("ALTER TABLE lm_lead DROP CONSTRAINT lm_lead_project_fk");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            JpaLeadStore store = db.store();
            Project project = Fixtures.project(Fixtures.tenant(), "Measure");
            store.inTransaction(s -> {
                s.projects().insert(project);
                return null;
            });
            for (int round = 0; round < 3; round++) {
                int offset = round * 100_000;
                long start = System.nanoTime();
                for (int chunk = 0; chunk < 100_000; chunk += 1000) {
                    int from = offset + chunk;
                    List<Lead> leads = IntStream.range(from, from + 1000)
                            .mapToObj(i -> Fixtures.lead(project, "c" + i)).toList();
                    store.inTransaction(s -> s.leads().insertIfAbsent(leads));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("round %d: 100000 new leads in %.2f s = %.0f rows/s%n", round, seconds,
                        100_000 / seconds);
            }
            long start = System.nanoTime();
            for (int chunk = 0; chunk < 100_000; chunk += 1000) {
                int from = chunk;
                List<Lead> again = IntStream.range(from, from + 1000)
                        .mapToObj(i -> Fixtures.lead(project, "c" + i)).toList();
                store.inTransaction(s -> s.leads().insertIfAbsent(again));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("100000 existing contacts (nothing inserted) in %.2f s = %.0f rows/s%n", seconds,
                    100_000 / seconds);
        }
    }
}
