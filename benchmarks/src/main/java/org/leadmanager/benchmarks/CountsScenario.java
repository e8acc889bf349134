package org.leadmanager.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.leadmanager.ProjectOverview;
import org.leadmanager.StatusCounts;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.tally.Tallies;
import org.leadmanager.domain.tally.Tally;

/**
 * Scenario 7: kept counts. 2,000,000 leads in 50 projects, generated in the database (one project holds 500,000
 * open leads of five agents, the others about 30,600 leads each), the kept counts built by
 * {@code projects().recount} per project. Measured against the hand-written grouped queries on the same data: the
 * lead managers list (all projects with counts per status), one project's counts per status, counts for a filter
 * the kept counts cannot answer (a created-date range in the large project), and the open leads per owner that
 * least-open-leads assignment weighs; then leads joining a bound group one by one
 * ({@code contactJoinedGroup}) into the 500,000-lead project, least-open-leads against round-robin; and 8 threads
 * qualifying one lead per call into one project against 1 thread.
 */
final class CountsScenario implements Scenario {
    private static final List<String> OPEN = List.of("new", "contacted", "qualified", "proposal");
    private static final Set<StatusKey> OPEN_KEYS = Set.of(StatusKey.of("new"), StatusKey.of("contacted"),
            StatusKey.of("qualified"), StatusKey.of("proposal"));
    private static final List<UserId> TEAM = List.of(UserId.of("agent-1"), UserId.of("agent-2"),
            UserId.of("agent-3"), UserId.of("agent-4"), UserId.of("agent-5"));
    private static final String LIST_BASELINE = "SELECT project_id, status, count(*) FROM lm_lead WHERE tenant_id = ?"
            + " GROUP BY project_id, status";
    private static final String PROJECT_BASELINE = "SELECT status, count(*) FROM lm_lead WHERE tenant_id = ?"
            + " AND project_id = ? GROUP BY status";
    private static final String OPEN_BASELINE = "SELECT assignee, count(*) FROM lm_lead WHERE tenant_id = ?"
            + " AND project_id = ? AND status IN ('new', 'contacted', 'qualified', 'proposal')"
            + " AND assignee IS NOT NULL GROUP BY assignee";
    private static final String RANGE_BASELINE = "SELECT status, count(*) FROM lm_lead WHERE tenant_id = ?"
            + " AND project_id = ? AND created_at >= ? AND created_at < ? GROUP BY status";
    private static final Instant FROM = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-09-01T00:00:00Z");
    private static final int PROJECTS = 50;
    private static final int THREADS = 8;
    /** Calls per repetition of each fast operation, and of each hand-written query over many leads. */
    private static final int CALLS = 200;
    private static final int SLOW_CALLS = 5;
    /** Contact numbers of the leads that join later; the generated leads use 1..2,000,000. */
    private static final long JOINERS = 90_000_000L;
    private static final long PARALLEL = 80_000_000L;

    @Override
    public List<Result> run() throws Exception {
        int size = Bench.scaled(2_000_000, 20_000);
        int big = Bench.scaled(500_000, 5_000);
        int joins = Bench.scaled(1000, 50);
        int parallel = Bench.scaled(4000, 400);
        try (BenchDatabase db = BenchDatabase.create("bench_counts")) {
            JpaNode node = new JpaNode(db, "counts", THREADS + 2, new GeneratedContacts());
            List<Project> projects = new ArrayList<>();
            for (int p = 0; p < PROJECTS; p++) {
                projects.add(node.project(String.format("Project %02d", p)));
            }
            Project bigProject = projects.get(0);
            Project oneProject = projects.get(1);
            double load = Bench.seconds(() -> load(db, size, big, projects));
            double recount = Bench.seconds(() -> projects.forEach(p -> BulkQualificationScenario.check(
                    node.leads.projects().recount(JpaNode.ACTOR, p.id()).corrected() > 0, "recount of " + p.name())));
            db.execute("VACUUM ANALYZE lm_tally", "CHECKPOINT");
            Bench.log("loaded %,d leads in %.1f s; kept counts of %d projects built by recount in %.1f s", size, load,
                    PROJECTS, recount);

            ContactGroupId group = ContactGroupId.of("joiners");
            node.leads.projects().bindGroups(JpaNode.ACTOR, bigProject.id(), Set.of(group));
            node.leads.projects().setTeam(JpaNode.ACTOR, bigProject.id(), TEAM);

            try (Connection c = db.connect()) {
                checkAgree(node, c, projects);
                Map<String, Bench.ThrowingRunnable> fast = new LinkedHashMap<>();
                fast.put("ours list", () -> node.leads.projects().list(JpaNode.ACTOR));
                fast.put("ours list read", () -> node.store.read(s -> s.tallies().sums(JpaNode.TENANT,
                        Tally.STATUS)));
                fast.put("ours project", () -> node.leads.search().countByStatus(JpaNode.ACTOR, oneProject.id(),
                        LeadCriteria.all()));
                fast.put("jdbc project", () -> grouped(c, PROJECT_BASELINE, oneProject));
                fast.put("ours open", () -> node.store.read(s -> Tallies.perOwner(s.tallies().sums(JpaNode.TENANT,
                        bigProject.id(), Tally.OWNER), OPEN_KEYS)));
                Map<String, Bench.ThrowingRunnable> slow = new LinkedHashMap<>();
                slow.put("jdbc list", () -> grouped(c, LIST_BASELINE, null));
                slow.put("jdbc open", () -> grouped(c, OPEN_BASELINE, bigProject));
                LeadCriteria range = LeadCriteria.all().withCreated(FROM, TO);
                slow.put("ours range", () -> node.leads.search().countByStatus(JpaNode.ACTOR, bigProject.id(),
                        range));
                slow.put("jdbc range", () -> grouped(c, RANGE_BASELINE, bigProject));

                Map<String, List<Double>> times = new HashMap<>();
                AtomicLong nextJoiner = new AtomicLong(JOINERS);
                for (int rep = 0; rep <= Bench.reps(); rep++) {
                    Map<String, Double> ms = new HashMap<>();
                    for (Map.Entry<String, Bench.ThrowingRunnable> op : fast.entrySet()) {
                        ms.put(op.getKey(), Bench.millisPerCall(CALLS, op.getValue()));
                    }
                    for (Map.Entry<String, Bench.ThrowingRunnable> op : slow.entrySet()) {
                        ms.put(op.getKey(), Bench.millisPerCall(SLOW_CALLS, op.getValue()));
                    }
                    node.leads.projects().setAssignmentPolicy(JpaNode.ACTOR, bigProject.id(),
                            AssignmentPolicy.roundRobin());
                    ms.put("round-robin", joinOneByOne(node, group, nextJoiner, joins));
                    node.leads.projects().setAssignmentPolicy(JpaNode.ACTOR, bigProject.id(),
                            AssignmentPolicy.leastOpenLeads());
                    ms.put("least-open", joinOneByOne(node, group, nextJoiner, joins));
                    Bench.log("%s: %s", rep == 0 ? "warm-up" : "rep " + rep, ms);
                    if (rep > 0) {
                        ms.forEach((op, t) -> times.computeIfAbsent(op, k -> new ArrayList<>()).add(t));
                    }
                }
                checkAgree(node, c, projects);

                double one = qualifyPerSecond(node, 1, parallel, PARALLEL);
                double eight = qualifyPerSecond(node, THREADS, parallel, PARALLEL + parallel);
                checkAgree(node, c, List.of(node.leads.projects().list(JpaNode.ACTOR).stream()
                        .map(ProjectOverview::project).filter(p -> p.name().equals("Parallel 8")).findFirst()
                        .orElseThrow()));

                Map<String, Double> median = new HashMap<>();
                times.forEach((op, t) -> {
                    Bench.log("%-16s ms %s", op, Bench.list(t));
                    median.put(op, Bench.median(t));
                });
                double list = median.get("ours list");
                double jdbcList = median.get("jdbc list");
                double project = median.get("ours project");
                double leastOpen = median.get("least-open");
                double roundRobin = median.get("round-robin");
                String data = String.format("%,d leads in %d projects", size, PROJECTS);
                long perProject = db.count("SELECT count(*) FROM lm_lead WHERE project_id = '" + oneProject.id()
                        + "'");
                return List.of(
                        new Result("7 kept counts", "lead managers list: API call, ms", list, jdbcList, false,
                                "≤ 5 ms", Bench.yesNo(list <= 5), data + "; projects().list: the 50 projects and"
                                        + " their kept counts; baseline: one grouped query over the tenant's leads"),
                        new Result("7 kept counts", "lead managers list: kept counts read alone, ms",
                                median.get("ours list read"), jdbcList, false, "-", "-", "TallyRepository.sums of the tenant in a store read"),
                        new Result("7 kept counts", String.format("one project's counts per status (%,d leads):"
                                + " API call, ms", perProject), project, median.get("jdbc project"), false, "≤ 2 ms",
                                Bench.yesNo(project <= 2), "search().countByStatus without criteria; baseline: the"
                                        + " grouped query of the project"),
                        new Result("7 kept counts", String.format("counts for a created-date range in the"
                                + " %,d-lead project: API call, ms", big), median.get("ours range"), median.get("jdbc range"), false, "≤ 1.30",
                                Bench.yesNo(median.get("ours range") / median.get("jdbc range") <= 1.3), "a filter the"
                                        + " kept counts cannot answer: counted from the leads, one grouped query each"),
                        new Result("7 kept counts", String.format("open leads per owner (%,d open leads), ms", big),
                                median.get("ours open"), median.get("jdbc open"), false, "-", "-", "what least-open assignment weighs per decision:"
                                        + " the kept numbers in a store read; baseline: the grouped query"),
                        new Result("7 kept counts", String.format("a lead joining a group into the %,d-lead project:"
                                + " least-open vs round-robin, ms per lead", big), leastOpen, roundRobin, false,
                                "≤ 2.00", Bench.yesNo(leastOpen / roundRobin <= 2), joins + " contactJoinedGroup"
                                        + " calls per repetition for each policy, one lead per call, team of 5"),
                        new Result("7 kept counts", String.format("%d threads qualifying one lead per call into one"
                                + " project: leads/s (baseline column: 1 thread)", THREADS), eight, one, true,
                                "-", "-", String.format("%,d leads each run, least-open policy: every call reads"
                                        + " and adds to the project's kept counts", parallel)));
            }
        }
    }

    /** Milliseconds per lead of {@code count} contacts joining the bound group one by one. */
    private static double joinOneByOne(JpaNode node, ContactGroupId group, AtomicLong next, int count)
            throws Exception {
        return Bench.millisPerCall(count, () -> BulkQualificationScenario.check(node.leads.qualification()
                .contactJoinedGroup(JpaNode.ACTOR, group, GeneratedContacts.id(next.getAndIncrement())).size() == 1,
                "one lead per joining contact"));
    }

    /** Leads per second of {@code threads} threads qualifying {@code total} contacts one per call into a new project. */
    private static double qualifyPerSecond(JpaNode node, int threads, int total, long firstContact) throws Exception {
        Project project = node.project("Parallel " + threads);
        node.leads.projects().setTeam(JpaNode.ACTOR, project.id(), TEAM);
        node.leads.projects().setAssignmentPolicy(JpaNode.ACTOR, project.id(), AssignmentPolicy.leastOpenLeads());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long from = firstContact + (long) t * (total / threads);
                tasks.add(() -> {
                    for (long n = from; n < from + total / threads; n++) {
                        node.leads.qualification().qualify(JpaNode.ACTOR, project.id(), GeneratedContacts.id(n));
                    }
                    return null;
                });
            }
            double seconds = Bench.seconds(() -> {
                List<Future<Void>> running = new ArrayList<>();
                for (Callable<Void> task : tasks) {
                    running.add(pool.submit(task));
                }
                for (Future<Void> f : running) {
                    f.get();
                }
            });
            double rate = total / threads * threads / seconds;
            Bench.log("%d thread(s): %,d leads in %.2f s, %.0f leads/s", threads, total / threads * threads, seconds,
                    rate);
            return rate;
        } finally {
            pool.shutdown();
        }
    }

    /** The lead managers list and its kept counts agree with the hand-written grouped queries. */
    private static void checkAgree(JpaNode node, Connection c, List<Project> projects) throws SQLException {
        Map<String, Long> theirs = grouped(c, LIST_BASELINE, null);
        Set<org.leadmanager.domain.ProjectId> checked = new java.util.HashSet<>();
        projects.forEach(p -> checked.add(p.id()));
        int seen = 0;
        for (ProjectOverview overview : node.leads.projects().list(JpaNode.ACTOR)) {
            if (!checked.contains(overview.project().id())) {
                continue;
            }
            seen++;
            StatusCounts ours = overview.counts();
            for (StatusCounts.StatusCount s : ours.statuses()) {
                long expected = theirs.getOrDefault(overview.project().id() + "/" + s.key(), 0L);
                BulkQualificationScenario.check(s.count() == expected, overview.project().name() + " " + s.key()
                        + ": kept " + s.count() + ", counted " + expected);
            }
        }
        BulkQualificationScenario.check(seen == checked.size(), "every project listed");
    }

    /** The grouped query's rows, by their key columns joined with '/'; {@code project} binds the second parameter. */
    private static Map<String, Long> grouped(Connection c, String sql, Project project) throws SQLException {
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, JpaNode.TENANT.value());
            if (project != null) {
                ps.setObject(2, project.id().value());
            }
            if (sql.equals(RANGE_BASELINE)) {
                ps.setObject(3, FROM.atOffset(ZoneOffset.UTC));
                ps.setObject(4, TO.atOffset(ZoneOffset.UTC));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder key = new StringBuilder();
                    for (int i = 1; i < columns; i++) {
                        key.append(i == 1 ? "" : "/").append(rs.getString(i));
                    }
                    counts.put(key.toString(), rs.getLong(columns));
                }
            }
        }
        return counts;
    }

    /**
     * Generates the leads inside the database: the first {@code big} in the first project, all OPEN, owned by the
     * five agents in turn (every tenth unassigned); the rest spread over the other projects, statuses by
     * {@code (g / 6) % 6}, assignee by {@code g % 6} (0 = unassigned).
     */
    private static void load(BenchDatabase db, int size, int big, List<Project> projects) throws SQLException {
        StringBuilder others = new StringBuilder("ARRAY[");
        for (int p = 1; p < projects.size(); p++) {
            others.append(p == 1 ? "" : ", ").append('\'').append(projects.get(p).id()).append("'::uuid");
        }
        others.append(']');
        String open = "ARRAY['" + String.join("', '", OPEN) + "']";
        db.execute(GeneratedLeads.insert(size,
                "CASE WHEN g <= " + big + " THEN '" + projects.get(0).id() + "'::uuid"
                        + " ELSE (" + others + ")[1 + g % " + (projects.size() - 1) + "] END",
                "CASE WHEN g <= " + big + " THEN (" + open + ")[1 + (g / 7) % 4]"
                        + " ELSE (ARRAY['new','contacted','qualified','proposal','won','lost'])[1 + (g / 6) % 6] END",
                "CASE WHEN g <= " + big + " THEN CASE WHEN g % 10 = 0 THEN NULL ELSE 'agent-' || 1 + g % 5 END"
                        + " WHEN g % 6 = 0 THEN NULL ELSE 'agent-' || g % 6 END"),
                "VACUUM ANALYZE lm_lead", "CHECKPOINT");
    }
}
