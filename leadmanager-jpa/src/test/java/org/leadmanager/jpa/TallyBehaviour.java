package org.leadmanager.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.leadmanager.Funnel;
import org.leadmanager.LeadQuery;
import org.leadmanager.Projects;
import org.leadmanager.Reports;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.tck.TckFixture;

/**
 * Kept tallies in {@code lm_tally}: delta rows that are folded, a fold that never waits for rows another unit of
 * work holds, a recount after the tables were edited by hand, and columns wide enough for every key.
 */
abstract class TallyBehaviour extends StoreTestBase {

    @Test
    void aRecountRepairsTheCountsAfterTheLeadTableWasEditedByHand() throws SQLException {
        TckFixture fx = TckFixture.create(store());
        Project project = fx.project("Solar roofs");
        Lead first = fx.lead(project.id());
        Lead second = fx.lead(project.id());
        fx.lead(project.id());
        try (Connection c = db().connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE lm_lead SET status = 'won', assignee = 'bob' WHERE tenant_id = ? AND id IN (?, ?)")) {
            SqlDialect dialect = SqlDialect.of(c);
            ps.setString(1, fx.tenant.value());
            dialect.bind(ps, 2, first.id().value());
            dialect.bind(ps, 3, second.id().value());
            assertEquals(2, ps.executeUpdate());
        }
        assertEquals(3, fx.lm.search().countByStatus(fx.manager, project.id(), LeadCriteria.all())
                .of(TckFixture.NEW), "kept counts do not see the hand-made change");

        Projects.Recount recount = fx.lm.projects().recount(fx.manager, project.id());

        assertEquals(3, recount.corrected(), "new -2, won +2, bob's won leads +2");
        assertEquals(1, recount.counts().of(TckFixture.NEW));
        assertEquals(2, recount.counts().of(TckFixture.WON));
        assertEquals(Map.of(TckFixture.WON, 2L), nonZero(fx.lm.search().countByStatus(fx.manager, project.id(),
                LeadCriteria.all().withAssignees(fx.bob)).byStatus()));
    }

    @Test
    void deltaRowsAreFoldedSoAProjectKeepsFewRowsWithTheSameSums() throws SQLException {
        TenantId tenant = Fixtures.tenant();
        ProjectId project = new ProjectId(Fixtures.newId());
        int units = 5 * TallyFolds.FOLD_AFTER;
        for (int i = 0; i < units; i++) {
            long n = i % 3 == 0 ? -1 : 2;
            run(s -> s.tallies().add(tenant, List.of(new TallyDelta(project, TallyKey.status(Fixtures.NEW), n),
                    new TallyDelta(project, TallyKey.owner(Fixtures.ALICE, Fixtures.NEW), 1))));
        }

        long expectedNew = 0;
        for (int i = 0; i < units; i++) {
            expectedNew += i % 3 == 0 ? -1 : 2;
        }
        assertEquals(Map.of(TallyKey.status(Fixtures.NEW), expectedNew), tx(s -> s.tallies().sums(tenant, project,
                Tally.STATUS)));
        assertEquals(Map.of(TallyKey.owner(Fixtures.ALICE, Fixtures.NEW), (long) units), tx(s -> s.tallies()
                .sums(tenant, project, Tally.OWNER)));
        long rows = rows(tenant, project);
        assertTrue(rows <= TallyFolds.FOLD_AFTER + 2, units * 2 + " rows added, " + rows + " left after folding");
    }

    @Test
    void aFoldSkipsRowsAnotherUnitOfWorkHoldsInsteadOfWaiting() throws SQLException {
        TenantId tenant = Fixtures.tenant();
        ProjectId project = new ProjectId(Fixtures.newId());
        TallyKey key = TallyKey.status(Fixtures.NEW);
        for (int i = 0; i < 3; i++) {
            run(s -> s.tallies().add(tenant, List.of(new TallyDelta(project, key, 10))));
        }
        try (Connection holder = db().connect()) {
            // READ COMMITTED, as the store expects of every transaction: under MariaDB's REPEATABLE READ the held
            // range would also lock the gaps between the rows, and so every insert of the project's tally rows
            holder.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            holder.setAutoCommit(false);
            try (PreparedStatement ps = holder.prepareStatement("SELECT n FROM lm_tally WHERE tenant_id = ?"
                    + " AND project_id = ? FOR UPDATE")) {
                ps.setString(1, tenant.value());
                SqlDialect.of(holder).bind(ps, 2, project.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assertEquals(10, rs.getLong(1));
                    }
                }
            }

            // enough additions for several folds, each of which must pass the held rows by
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int i = 0; i < 3 * TallyFolds.FOLD_AFTER; i++) {
                    run(s -> s.tallies().add(tenant, List.of(new TallyDelta(project, key, 1))));
                }
            }, "a fold waited for rows another transaction holds");
            assertTrue(rows(tenant, project) >= 3, "the held rows are still there");
            holder.rollback();
        }
        assertEquals(Map.of(key, 30L + 3 * TallyFolds.FOLD_AFTER), tx(s -> s.tallies().sums(tenant, project,
                Tally.STATUS)), "every row counted once");
    }

    @Test
    void theTallyColumnsHoldTheLongestNamesAndKeys() throws SQLException {
        Map<String, Integer> sizes = new TreeMap<>();
        try (Connection c = db().connect();
                ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "%", "%")) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("lm_tally")) {
                    sizes.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("COLUMN_SIZE"));
                }
            }
        }
        assertEquals(16, sizes.get("tally"), "a tally name has at most 16 characters");
        assertEquals(TallyKey.MAX_PART, sizes.get("tally_key"));
        assertEquals(TallyKey.MAX_PART, sizes.get("tally_sub"));
    }

    @Test
    void theMigrationToMonthNumbersComputesThemFromTheDayNumbersAlreadyStored() throws SQLException {
        try (TestDatabase db = db().newEmpty()) {
            TestDatabase.runScript(db, db.script());
            TckFixture fx = TckFixture.create(JpaLeadStore.create(db.newEmf()));
            Project project = fx.projectWithTeam("Before month numbers", fx.alice);
            for (int step = 0; step < 40; step++) {
                Lead lead = fx.lead(project.id(), "Lead " + step);
                if (step % 2 == 0) {
                    fx.lm.leads().assign(fx.manager, lead.id(), fx.alice);
                }
                fx.clock.advance(Duration.ofHours(40));
                if (step % 3 == 0) {
                    fx.lm.leads().changeStatus(fx.manager, lead.id(), TckFixture.CONTACTED);
                } else if (step % 3 == 1) {
                    fx.lm.leads().disqualify(fx.manager, lead.id(), step % 2 == 0 ? "Zu teuer" : "Kein Bedarf");
                }
            }
            // whole months from March to April, and March's second half with April whole
            Reports.FunnelQuery months = new Reports.FunnelQuery(project.id(), LocalDate.of(2026, 3, 1),
                    LocalDate.of(2026, 4, 30), Funnel.Breakdown.OWNER);
            Reports.FunnelQuery edge = new Reports.FunnelQuery(project.id(), LocalDate.of(2026, 3, 16),
                    LocalDate.of(2026, 4, 30), Funnel.Breakdown.OWNER);
            Funnel wholeMonths = fx.lm.reports().funnel(fx.manager, months);
            Funnel withEdge = fx.lm.reports().funnel(fx.manager, edge);
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                assertTrue(st.executeUpdate("DELETE FROM lm_tally WHERE tally IN ('f_move_m', 'f_stay_m',"
                        + " 'f_lost_m')") > 0, "month numbers were kept");
            }
            assertEquals(0, fx.lm.reports().funnel(fx.manager, months).slices().stream()
                    .mapToLong(Funnel.Slice::qualified).sum(), "without month numbers whole months count nothing");

            TestDatabase.runScript(db, "db/leadmanager/" + db.kind() + "/V2__funnel_months.sql");

            assertEquals(wholeMonths, fx.lm.reports().funnel(fx.manager, months));
            assertEquals(withEdge, fx.lm.reports().funnel(fx.manager, edge));
            // run again over the month numbers it made (and those written since): replaced, not added to
            fx.lm.leads().changeStatus(fx.manager, fx.lm.search().find(fx.manager, LeadQuery.firstPage(project.id(),
                    LeadCriteria.all().withStatuses(TckFixture.NEW))).leads().get(0).id(), TckFixture.CONTACTED);
            // the year 2026 in whole months: the history from March and the change just made
            Reports.FunnelQuery year = new Reports.FunnelQuery(project.id(), LocalDate.of(2026, 1, 1),
                    LocalDate.of(2026, 12, 31), Funnel.Breakdown.OWNER);
            Funnel afterChange = fx.lm.reports().funnel(fx.manager, year);
            TestDatabase.runScript(db, "db/leadmanager/" + db.kind() + "/V2__funnel_months.sql");
            assertEquals(afterChange, fx.lm.reports().funnel(fx.manager, year));
            assertTrue(wholeMonths.slices().stream().mapToLong(Funnel.Slice::qualified).sum() >= 30,
                    "the window holds the history");
        }
    }

    private long rows(TenantId tenant, ProjectId project) throws SQLException {
        try (Connection c = db().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM lm_tally WHERE tenant_id = ? AND project_id = ?")) {
            ps.setString(1, tenant.value());
            SqlDialect.of(c).bind(ps, 2, project.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<org.leadmanager.domain.project.StatusKey, Long> nonZero(
            Map<org.leadmanager.domain.project.StatusKey, Long> counts) {
        Map<org.leadmanager.domain.project.StatusKey, Long> result = new TreeMap<>(
                java.util.Comparator.comparing(org.leadmanager.domain.project.StatusKey::value));
        counts.forEach((k, v) -> {
            if (v != 0) {
                result.put(k, v);
            }
        });
        return result;
    }
}
