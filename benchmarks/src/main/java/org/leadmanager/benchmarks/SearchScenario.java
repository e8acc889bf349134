package org.leadmanager.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.StatusCounts;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;

/**
 * Scenario 3: 2,000,000 leads (1.5 million in the searched project), filtered by project, three of six statuses
 * and one of five assignees (about 125,000 matches), newest activity first, pages of 50: page 1 and page 2000 by
 * cursor through the public API, against the hand-written SQL on the same index run through plain JDBC; and the
 * counts per status for the same filter (from the kept counts, which a recount builds after the leads were
 * generated) against one hand-written grouped query.
 */
final class SearchScenario implements Scenario {
    private static final String FILTER = " FROM lm_lead WHERE tenant_id = ? AND project_id = ?"
            + " AND status IN (?, ?, ?) AND assignee = ?";
    private static final String PAGE_1 = "SELECT " + GeneratedLeads.COLUMNS + FILTER
            + " ORDER BY last_activity_at DESC, id DESC LIMIT ?";
    private static final String PAGE_N = "SELECT " + GeneratedLeads.COLUMNS + FILTER
            + " AND (last_activity_at, id) < (?, ?) ORDER BY last_activity_at DESC, id DESC LIMIT ?";
    private static final String COUNTS = "SELECT status, count(*)" + FILTER + " GROUP BY status";
    private static final List<StatusKey> SELECTED = List.of(StatusKey.of("new"), StatusKey.of("contacted"),
            StatusKey.of("proposal"));
    private static final UserId AGENT = UserId.of("agent-1");
    private static final int DEEP_PAGE = 2000;
    private static final int CALLS = 300;
    private static final int ROUNDS = 10;
    /**
     * Repetitions run and discarded before the measured ones: the API call runs through more code than the
     * hand-written statement, which the JIT compiler needs more calls to finish with.
     */
    private static final int WARM_UP = 3;

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(2_000_000, 20_000);
        try (BenchDatabase db = BenchDatabase.create("bench_search")) {
            JpaNode node = new JpaNode(db, "search", 4, new GeneratedContacts());
            Project project = node.project("Searched");
            Project other = node.project("Other");
            double load = Bench.seconds(() -> load(db, size, project, other));
            // leads written behind the library's back: their kept counts come from a recount
            double recount = Bench.seconds(() -> List.of(project, other).forEach(p -> node.leads.projects()
                    .recount(JpaNode.ACTOR, p.id())));
            Bench.log("loaded %,d leads in %.1f s, counted them for the kept counts in %.1f s", size, load, recount);

            LeadCriteria criteria = LeadCriteria.all().withStatuses(SELECTED.toArray(StatusKey[]::new))
                    .withAssignees(AGENT);
            LeadQuery first = LeadQuery.firstPage(project.id(), criteria);
            int deepPage = Math.min(DEEP_PAGE, (int) (db.count("SELECT count(*)" + FILTER.replace("?", "%s")
                    .formatted("'bench'", "'" + project.id() + "'", "'new'", "'contacted'", "'proposal'",
                            "'agent-1'")) / 50));
            // walk to the deep page once, with the cursors the API hands out
            LeadPage page = node.leads.search().find(JpaNode.ACTOR, first);
            Lead beforeDeep = null;
            String deepCursor = null;
            for (int p = 2; p <= deepPage; p++) {
                beforeDeep = page.leads().get(page.leads().size() - 1);
                deepCursor = page.nextCursor();
                page = node.leads.search().find(JpaNode.ACTOR, first.after(deepCursor));
            }
            LeadQuery deep = deepCursor == null ? first : first.after(deepCursor);
            List<Lead> ourDeep = page.leads();
            Instant afterTime = beforeDeep == null ? null : beforeDeep.lastActivityAt();
            String afterId = beforeDeep == null ? null : beforeDeep.id().toString();

            try (Connection c = db.connect()) {
                List<String> theirDeep = deepPage > 1 ? page(c, project, afterTime, afterId)
                        : page(c, project, null, null);
                BulkQualificationScenario.check(theirDeep.equals(ourDeep.stream().map(l -> l.id().toString())
                        .toList()), "the baseline's deep page equals ours");
                Map<String, Long> theirCounts = counts(c, project);
                StatusCounts ourCounts = node.leads.search().countByStatus(JpaNode.ACTOR, project.id(), criteria);
                for (StatusKey s : SELECTED) {
                    BulkQualificationScenario.check(ourCounts.of(s) == theirCounts.getOrDefault(s.value(), 0L),
                            "counts agree for " + s);
                }
                Bench.log("page %d of 50 reached; %,d matches", deepPage, ourCounts.total());

                LeadSearch storeSearch = new LeadSearch(JpaNode.TENANT, project.id(), criteria,
                        LeadSort.byLastActivity(), project.statusOrder(), null, 51);
                // pages: every repetition runs ROUNDS rounds of CALLS / ROUNDS calls of each operation in turn, so a
                // disturbance of the shared machine (or the previous operation's after-effects) spreads over all of
                // them; counts afterwards, 10 calls each
                Map<String, Bench.ThrowingRunnable> pages = new java.util.LinkedHashMap<>();
                pages.put("ours page 1", () -> node.leads.search().find(JpaNode.ACTOR, first));
                pages.put("jdbc page 1", () -> page(c, project, null, null));
                // our statement on one open connection, as the baseline runs: the calls of a round in one read-only
                // unit of work
                pages.put("ours query", () -> node.store.read(s -> {
                    for (int i = 0; i < CALLS / ROUNDS; i++) {
                        s.leads().search(storeSearch);
                    }
                    return null;
                }));
                // the same statement in a read of its own per call: a pooled connection and a unit of work each
                pages.put("ours read", () -> node.store.read(s -> s.leads().search(storeSearch)));
                pages.put("ours deep page", () -> node.leads.search().find(JpaNode.ACTOR, deep));
                pages.put("jdbc deep page", () -> page(c, project, afterTime, afterId));
                Map<String, Bench.ThrowingRunnable> counts = new java.util.LinkedHashMap<>();
                counts.put("ours counts", () -> node.leads.search().countByStatus(JpaNode.ACTOR, project.id(),
                        criteria));
                counts.put("jdbc counts", () -> counts(c, project));
                Map<String, List<Double>> times = new HashMap<>();
                for (int rep = 1 - WARM_UP; rep <= Bench.reps(); rep++) {
                    Map<String, Double> total = new HashMap<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (Map.Entry<String, Bench.ThrowingRunnable> op : pages.entrySet()) {
                            int calls = op.getKey().equals("ours query") ? 1 : CALLS / ROUNDS;
                            total.merge(op.getKey(), Bench.millisPerCall(calls, op.getValue()) * calls, Double::sum);
                        }
                    }
                    for (Map.Entry<String, Bench.ThrowingRunnable> op : counts.entrySet()) {
                        total.put(op.getKey(), Bench.millisPerCall(10, op.getValue()) * 10);
                    }
                    if (rep > 0) {
                        total.forEach((op, ms) -> times.computeIfAbsent(op, k -> new ArrayList<>())
                                .add(ms / (op.endsWith("counts") ? 10 : CALLS)));
                    }
                }
                times.forEach((op, t) -> Bench.log("%-16s ms/call %s", op, Bench.list(t)));
                double p1 = Bench.median(times.get("ours page 1"));
                double pN = Bench.median(times.get("ours deep page"));
                double query = Bench.median(times.get("ours query"));
                double read = Bench.median(times.get("ours read"));
                double j1 = Bench.median(times.get("jdbc page 1"));
                double jN = Bench.median(times.get("jdbc deep page"));
                double oc = Bench.median(times.get("ours counts"));
                double jc = Bench.median(times.get("jdbc counts"));
                String data = String.format("%,d leads, %,d matches", size, ourCounts.total());
                return List.of(
                        new Result("3 search", "page 1 of 50: our query, ms per page", query, j1, false, "≤ 1.30",
                                Bench.yesNo(query / j1 <= 1.3), data + "; both on one open connection; ours: the"
                                        + " store's page statement through LeadRepository.search, rows mapped to leads;"
                                        + " baseline: the hand-written statement, every column read"),
                        new Result("3 search", "page 1 of 50: a store read per call, ms per call", read, j1, false,
                                "-", "-", "LeadStore.read with the page statement: a pooled connection and an"
                                        + " EntityManager per call, no validation, access check or cursor"),
                        new Result("3 search", "page 1 of 50: API call, ms per call", p1, j1, false, "≤ 1.30",
                                Bench.yesNo(p1 / j1 <= 1.3), "search().find: a pooled connection per call, argument"
                                        + " validation, access check, page statement, cursor; the project is"
                                        + " unchanged, so every call uses the remembered one (its version checked by"
                                        + " the page statement): one statement per call"),
                        new Result("3 search", "page " + deepPage + " by cursor: API call, ms per call", pN, jN, false,
                                "≤ 1.30", Bench.yesNo(pN / jN <= 1.3), "same; baseline: the hand-written statement with"
                                        + " the same keyset"),
                        new Result("3 search", "page " + deepPage + " vs page 1 (ours; baseline column: our page 1)",
                                pN, p1, false, "≤ 1.50", Bench.yesNo(pN / p1 <= 1.5), "keyset: depth costs nothing"),
                        new Result("3 search", "counts per status, same filter: ms per call", oc, jc, false,
                                "≤ 1.30", Bench.yesNo(oc / jc <= 1.3), "a filter on statuses and an owner: ours"
                                        + " from the kept counts, the baseline one grouped query"));
            }
        }
    }

    /** Ids of one page (51 rows read, as the library reads one extra to know whether there is a next page). */
    private static List<String> page(Connection c, Project project, Instant afterTime, String afterId)
            throws SQLException {
        List<String> ids;
        try (PreparedStatement ps = c.prepareStatement(afterTime == null ? PAGE_1 : PAGE_N)) {
            int i = bindFilter(ps, project);
            if (afterTime != null) {
                ps.setObject(i++, afterTime.atOffset(ZoneOffset.UTC));
                ps.setObject(i++, java.util.UUID.fromString(afterId));
            }
            ps.setInt(i, 51);
            ids = GeneratedLeads.page(ps);
        }
        return ids;
    }

    private static Map<String, Long> counts(Connection c, Project project) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
            bindFilter(ps, project);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    private static int bindFilter(PreparedStatement ps, Project project) throws SQLException {
        int i = 1;
        ps.setString(i++, JpaNode.TENANT.value());
        ps.setObject(i++, project.id().value());
        for (StatusKey s : SELECTED) {
            ps.setString(i++, s.value());
        }
        ps.setString(i++, AGENT.value());
        return i;
    }

    /**
     * Generates the leads inside the database: project by (g / 36) % 4 (a quarter in the other project), status by
     * (g / 6) % 6, assignee by g % 6 (0 = unassigned), last activity spread over a year.
     */
    private static void load(BenchDatabase db, int size, Project project, Project other) throws SQLException {
        db.execute(GeneratedLeads.insert(size,
                "CASE WHEN (g / 36) % 4 = 0 THEN '" + other.id() + "'::uuid ELSE '" + project.id() + "'::uuid END",
                "(ARRAY['new','contacted','qualified','proposal','won','lost'])[1 + (g / 6) % 6]",
                "CASE WHEN g % 6 = 0 THEN NULL ELSE 'agent-' || g % 6 END"),
                "VACUUM ANALYZE lm_lead", "CHECKPOINT");
    }
}
