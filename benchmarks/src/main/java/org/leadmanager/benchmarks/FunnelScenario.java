package org.leadmanager.benchmarks;

import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.leadmanager.Funnel;
import org.leadmanager.Reports;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.tally.Funnels;
import org.leadmanager.domain.tally.TallyRange;

/**
 * Scenario 9: the conversion funnel. One project of 2,000,000 leads with a year of history ({@link FunnelHistory}),
 * and the same at a tenth of the size in a database of its own. The funnel of a 30-day and of a 365-day window,
 * for the whole project and per owner, and of a window from the middle of a month to the middle of another per
 * owner (whole months and days at both edges), through {@code reports().funnel} (it reads the window's kept numbers),
 * against a hand-written aggregate over the timeline: the status changes of the leads that moved in the window,
 * joined to their leads, the time on each status left by {@code LAG} over the lead's changes, its median by
 * {@code percentile_disc(0.5)}, the owner at each change by window functions over the assignment entries, and the
 * leads qualified in the window. Before timing, each case checks that both give the same leads qualified, entries
 * and exits per status and slice, and that each median lies in the bucket the library reports.
 */
final class FunnelScenario implements Scenario {
    private static final String SCENARIO = "9 funnel";
    /** The leads whose status changed in the window: the baseline's own index serves it. */
    private static final String MOVED = "WITH moved AS (SELECT DISTINCT lead_id FROM lm_activity"
            + " WHERE tenant_id = ? AND activity_type = 'STATUS_CHANGED' AND occurred_at >= ? AND occurred_at < ?)";
    private static final String IN_WINDOW = " WHERE occurred_at >= ? AND occurred_at < ?";
    private static final String STAY = "EXTRACT(EPOCH FROM occurred_at - COALESCE(LAG(occurred_at)"
            + " OVER (PARTITION BY lead_id ORDER BY lead_seq), created_at)) AS stay";
    /** Slice, kind (in, out, qualified), status, leads, median seconds on the status left. */
    private static final String PROJECT_BASELINE = MOVED
            + ", changes AS (SELECT a.occurred_at, a.from_value, a.to_value, EXTRACT(EPOCH FROM a.occurred_at"
            + " - COALESCE(LAG(a.occurred_at) OVER (PARTITION BY a.lead_id ORDER BY a.lead_seq), l.created_at))"
            + " AS stay FROM moved m JOIN lm_lead l ON l.id = m.lead_id JOIN lm_activity a ON a.lead_id = m.lead_id"
            + " AND a.activity_type = 'STATUS_CHANGED' WHERE l.tenant_id = ? AND l.project_id = ?)"
            + " SELECT 'p', 'in', to_value, count(*), NULL::numeric FROM changes" + IN_WINDOW + " GROUP BY to_value"
            + " UNION ALL SELECT 'p', 'out', from_value, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY stay)"
            + " FROM changes" + IN_WINDOW + " GROUP BY from_value"
            + " UNION ALL SELECT 'p', 'qualified', ?, count(*), NULL FROM lm_lead WHERE tenant_id = ?"
            + " AND project_id = ? AND created_at >= ? AND created_at < ?";
    /**
     * The owner at a change: the owner the latest assignment entry before it gave; before the first, the one that
     * entry took the lead from; without any, the lead's owner now.
     */
    private static final String OWNER_BASELINE = MOVED
            + ", entries AS (SELECT a.lead_id, a.lead_seq, a.activity_type, a.occurred_at, a.from_value, a.to_value,"
            + " l.created_at, l.assignee,"
            + " count(*) FILTER (WHERE a.activity_type <> 'STATUS_CHANGED')"
            + " OVER (PARTITION BY a.lead_id ORDER BY a.lead_seq) AS grp,"
            + " count(*) FILTER (WHERE a.activity_type <> 'STATUS_CHANGED') OVER (PARTITION BY a.lead_id)"
            + " AS assignments,"
            + " first_value(a.from_value) OVER (PARTITION BY a.lead_id"
            + " ORDER BY a.activity_type = 'STATUS_CHANGED', a.lead_seq) AS first_from"
            + " FROM moved m JOIN lm_lead l ON l.id = m.lead_id JOIN lm_activity a ON a.lead_id = m.lead_id"
            + " AND a.activity_type IN ('STATUS_CHANGED', 'ASSIGNED', 'UNASSIGNED')"
            + " WHERE l.tenant_id = ? AND l.project_id = ?)"
            + ", owned AS (SELECT lead_id, lead_seq, activity_type, occurred_at, from_value, to_value, created_at,"
            + " CASE WHEN grp > 0 THEN first_value(to_value) OVER (PARTITION BY lead_id, grp ORDER BY lead_seq)"
            + " WHEN assignments > 0 THEN first_from ELSE assignee END AS owner FROM entries)"
            + ", changes AS (SELECT occurred_at, from_value, to_value,"
            + " CASE WHEN owner IS NULL THEN 'o' ELSE 'o:' || owner END AS slice, " + STAY
            + " FROM owned WHERE activity_type = 'STATUS_CHANGED')"
            + " SELECT slice, 'in', to_value, count(*), NULL::numeric FROM changes" + IN_WINDOW
            + " GROUP BY slice, to_value"
            + " UNION ALL SELECT slice, 'out', from_value, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY stay)"
            + " FROM changes" + IN_WINDOW + " GROUP BY slice, from_value"
            + " UNION ALL SELECT CASE WHEN q.owner IS NULL THEN 'o' ELSE 'o:' || q.owner END, 'qualified', ?,"
            + " count(*), NULL FROM (SELECT CASE WHEN f.lead_id IS NULL THEN l.assignee ELSE f.from_value END"
            + " AS owner FROM lm_lead l LEFT JOIN LATERAL (SELECT a.lead_id, a.from_value FROM lm_activity a"
            + " WHERE a.lead_id = l.id AND a.activity_type IN ('ASSIGNED', 'UNASSIGNED') ORDER BY a.lead_seq"
            + " LIMIT 1) f ON true WHERE l.tenant_id = ? AND l.project_id = ? AND l.created_at >= ?"
            + " AND l.created_at < ?) q GROUP BY 1";
    /** Indexes only the baseline uses: status changes by time, leads by qualification time. */
    private static final String[] BASELINE_INDEXES = {
        "CREATE INDEX bench_activity_time_ix ON lm_activity (tenant_id, activity_type, occurred_at, lead_id)",
        "CREATE INDEX bench_lead_created_ix ON lm_lead (tenant_id, project_id, created_at)"};
    /** The kept numbers of one range of a tally. */
    private static final String NUMBERS_READ = "SELECT count(*) FROM lm_tally WHERE tenant_id = ? AND project_id = ?"
            + " AND tally = ? AND tally_key >= ? AND tally_key < ? AND tally_sub >= ? AND tally_sub < ?";
    /** Calls per repetition of an operation: as many as take about {@link #REPETITION_MS}, 1 to this many. */
    private static final int CALLS = 20;
    private static final double REPETITION_MS = 500;

    /** One measured case: a window and a breakdown. */
    private record Case(String label, LocalDate from, LocalDate to, Funnel.Breakdown by) {

        String slices() {
            return by == Funnel.Breakdown.PROJECT ? Funnels.PROJECT : Funnels.OWNER_PREFIX;
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("30-day window, whole project", LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"),
                    Funnel.Breakdown.PROJECT),
            new Case("30-day window, per owner", LocalDate.parse("2025-06-01"), LocalDate.parse("2025-06-30"),
                    Funnel.Breakdown.OWNER),
            new Case("365-day window, whole project", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                    Funnel.Breakdown.PROJECT),
            new Case("365-day window, per owner", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"),
                    Funnel.Breakdown.OWNER),
            new Case("334-day window, mid-month to mid-month, per owner", LocalDate.parse("2025-01-16"),
                    LocalDate.parse("2025-12-15"), Funnel.Breakdown.OWNER));

    /** The figures both compute, of one slice. */
    private static final class Figures {
        long qualified;
        final Map<String, Long> entered = new HashMap<>();
        final Map<String, Long> left = new HashMap<>();
        final Map<String, Long> medianSeconds = new HashMap<>();
    }

    /** One size's medians (ms per call) and what its data hold. */
    private record Measured(int leads, FunnelHistory.Written written, Map<Case, Double> ours,
            Map<Case, Double> baseline, Map<Case, Long> numbersRead, Map<Case, Long> qualified) {
    }

    @Override
    public List<Result> run() throws Exception {
        int large = Bench.scaled(2_000_000, 20_000);
        int small = Math.max(2_000, large / 10);
        Measured tenth = measure("bench_funnel_small", small);
        Measured full = measure("bench_funnel", large);
        List<Result> results = new ArrayList<>();
        for (Measured m : List.of(tenth, full)) {
            for (Case k : CASES) {
                double ours = m.ours().get(k);
                double theirs = m.baseline().get(k);
                results.add(new Result(SCENARIO, String.format("%s, %,d leads: API call, ms", k.label(), m.leads()),
                        ours, theirs, false, "-", "-", String.format("%,d timeline entries, %,d kept numbers in"
                                + " the project; the funnel reads %,d of them; %,d leads qualified in the window;"
                                + " baseline: the aggregate over the timeline (LAG, percentile_disc), one open"
                                + " connection", m.written().entries(), m.written().numbers(),
                                m.numbersRead().get(k), m.qualified().get(k))));
            }
        }
        for (Case k : CASES) {
            double grown = full.ours().get(k) / tenth.ours().get(k);
            results.add(new Result(SCENARIO, String.format("%s: %,d vs %,d leads (ours; baseline column: ours at"
                    + " %,d)", k.label(), large, small, small), full.ours().get(k), tenth.ours().get(k), false,
                    "≤ 1.50", Bench.yesNo(grown <= 1.5), String.format("numbers read %,d → %,d; the baseline"
                            + " grew %.1f× (%s → %s ms)", tenth.numbersRead().get(k), full.numbersRead().get(k),
                            full.baseline().get(k) / tenth.baseline().get(k), Result.number(tenth.baseline().get(k)),
                            Result.number(full.baseline().get(k)))));
        }
        return results;
    }

    private static Measured measure(String database, int size) throws Exception {
        try (BenchDatabase db = BenchDatabase.create(database)) {
            JpaNode node = new JpaNode(db, "funnel", 4, new GeneratedContacts());
            Project project = node.project("Funnel");
            FunnelHistory.Written[] written = new FunnelHistory.Written[1];
            double load = Bench.seconds(() -> written[0] = FunnelHistory.write(db, project, size));
            // the lead tallies (leads per status and owner), which the store keeps beside the funnel's numbers
            double recount = Bench.seconds(() -> node.leads.projects().recount(JpaNode.ACTOR, project.id()));
            double indexes = Bench.seconds(() -> db.execute(BASELINE_INDEXES));
            db.execute("VACUUM ANALYZE lm_lead", "VACUUM ANALYZE lm_activity", "VACUUM ANALYZE lm_tally",
                    "CHECKPOINT");
            Bench.log("%,d leads, %,d timeline entries and %,d kept numbers written in %.1f s (the numbers by"
                    + " Funnels.history per lead); lead tallies recounted in %.1f s; the baseline's indexes built in"
                    + " %.1f s", size, written[0].entries(), written[0].numbers(), load, recount, indexes);

            Map<Case, Long> numbersRead = new HashMap<>();
            Map<Case, Long> qualified = new HashMap<>();
            Map<String, Bench.ThrowingRunnable> ops = new LinkedHashMap<>();
            Map<String, Integer> calls = new HashMap<>();
            try (Connection c = db.connect()) {
                for (Case k : CASES) {
                    Reports.FunnelQuery query = new Reports.FunnelQuery(project.id(), k.from(), k.to(), k.by());
                    long started = System.nanoTime();
                    Funnel ours = node.leads.reports().funnel(JpaNode.ACTOR, query);
                    double oursMs = (System.nanoTime() - started) / 1e6;
                    started = System.nanoTime();
                    Map<String, Figures> theirs = baseline(c, project, k);
                    double baselineMs = (System.nanoTime() - started) / 1e6;
                    agree(project, k, ours, theirs);
                    numbersRead.put(k, numbersRead(c, project, k));
                    qualified.put(k, ours.slices().stream().mapToLong(Funnel.Slice::qualified).sum());
                    Bench.log("%s: library and baseline agree (%d slices, %,d qualified); first calls: library"
                            + " %.0f ms, baseline %.0f ms", k.label(), theirs.size(), qualified.get(k), oursMs,
                            baselineMs);
                    ops.put("ours " + k.label(), () -> node.leads.reports().funnel(JpaNode.ACTOR, query));
                    ops.put("jdbc " + k.label(), () -> baseline(c, project, k));
                    calls.put("ours " + k.label(), calls(oursMs));
                    calls.put("jdbc " + k.label(), calls(baselineMs));
                }
                // the library's calls once more before timing, and their number per repetition from these: the
                // first calls ran before the JIT compiler had seen them
                for (Case k : CASES) {
                    String op = "ours " + k.label();
                    calls.put(op, calls(Bench.millisPerCall(calls.get(op), ops.get(op))));
                }
                Map<String, List<Double>> times = new HashMap<>();
                for (int rep = 1; rep <= Bench.reps(); rep++) {
                    Map<String, Double> ms = new LinkedHashMap<>();
                    for (Map.Entry<String, Bench.ThrowingRunnable> op : ops.entrySet()) {
                        ms.put(op.getKey(), Bench.millisPerCall(calls.get(op.getKey()), op.getValue()));
                    }
                    Bench.log("rep %d: %s", rep, ms);
                    ms.forEach((op, t) -> times.computeIfAbsent(op, x -> new ArrayList<>()).add(t));
                }
                times.forEach((op, t) -> Bench.log("%-40s ms/call %s (%d calls per repetition)", op, Bench.list(t),
                        calls.get(op)));
                Map<Case, Double> ours = new HashMap<>();
                Map<Case, Double> baseline = new HashMap<>();
                for (Case k : CASES) {
                    ours.put(k, Bench.median(times.get("ours " + k.label())));
                    baseline.put(k, Bench.median(times.get("jdbc " + k.label())));
                }
                return new Measured(size, written[0], ours, baseline, numbersRead, qualified);
            }
        }
    }

    /** Calls per repetition of an operation whose first call took {@code firstMs}. */
    private static int calls(double firstMs) {
        return (int) Math.max(1, Math.min(CALLS, REPETITION_MS / firstMs));
    }

    /** The baseline's figures per slice ("p", or "o:<owner>" and "o" for no owner). */
    private static Map<String, Figures> baseline(Connection c, Project project, Case k) throws SQLException {
        Instant from = k.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant before = k.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String tenant = JpaNode.TENANT.value();
        Map<String, Figures> slices = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(k.by() == Funnel.Breakdown.PROJECT ? PROJECT_BASELINE
                : OWNER_BASELINE)) {
            bind(ps, tenant, from, before, tenant, project.id().value(), from, before, from, before,
                    FunnelHistory.INITIAL, tenant, project.id().value(), from, before);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Figures f = slices.computeIfAbsent(rs.getString(1), s -> new Figures());
                    String status = rs.getString(3);
                    long n = rs.getLong(4);
                    switch (rs.getString(2)) {
                        case "in" -> f.entered.merge(status, n, Long::sum);
                        case "out" -> {
                            f.left.put(status, n);
                            f.medianSeconds.put(status, rs.getBigDecimal(5).setScale(0,
                                    RoundingMode.FLOOR).longValueExact());
                        }
                        default -> {
                            // the qualification is the lead's entry onto the project's initial status
                            f.qualified += n;
                            f.entered.merge(status, n, Long::sum);
                        }
                    }
                }
            }
        }
        return slices;
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            ps.setObject(i + 1, v instanceof Instant t ? t.atOffset(ZoneOffset.UTC) : v);
        }
    }

    /**
     * Both give the same leads qualified, entries and exits per status in every slice, and the library's median
     * time on a status is the end of the bucket holding the baseline's median (both take the value of rank
     * ceil(n/2)).
     */
    private static void agree(Project project, Case k, Funnel ours, Map<String, Figures> theirs) {
        Map<String, Funnel.Slice> mine = new HashMap<>();
        for (Funnel.Slice slice : ours.slices()) {
            String key = k.by() == Funnel.Breakdown.PROJECT ? Funnels.PROJECT : Funnels.ownerSlice(slice.owner());
            mine.put(key, slice);
        }
        Set<String> keys = new TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        BulkQualificationScenario.check(!theirs.isEmpty(), k.label() + ": the baseline found figures");
        for (String key : keys) {
            Funnel.Slice slice = mine.get(key);
            Figures f = theirs.getOrDefault(key, new Figures());
            String where = k.label() + ", slice " + key + ": ";
            BulkQualificationScenario.check(slice != null || f.qualified == 0 && f.entered.isEmpty(),
                    where + "the library has the slice");
            BulkQualificationScenario.check((slice == null ? 0 : slice.qualified()) == f.qualified,
                    where + "qualified " + (slice == null ? 0 : slice.qualified()) + " vs " + f.qualified);
            for (LeadStatus status : project.statuses()) {
                String s = status.key().value();
                Funnel.Stage stage = slice == null ? null : slice.stage(status.key()).orElse(null);
                long entered = stage == null ? 0 : stage.entered();
                long left = stage == null ? 0 : stage.left();
                BulkQualificationScenario.check(entered == f.entered.getOrDefault(s, 0L),
                        where + s + " entered " + entered + " vs " + f.entered.get(s));
                BulkQualificationScenario.check(left == f.left.getOrDefault(s, 0L),
                        where + s + " left " + left + " vs " + f.left.get(s));
                if (left > 0) {
                    Duration bucketEnd = Funnels.bucketEnd(Funnels.bucket(Duration.ofSeconds(
                            f.medianSeconds.get(s))));
                    BulkQualificationScenario.check(Objects.equals(stage.medianStay(), bucketEnd), where + s
                            + " median " + stage.medianStay() + " vs the baseline's " + f.medianSeconds.get(s)
                            + " s (bucket end " + bucketEnd + ")");
                }
            }
        }
    }

    /** The kept numbers the funnel reads: the window's ({@link Funnels#window}) and all of the open leads'. */
    private static long numbersRead(Connection c, Project project, Case k) throws SQLException {
        String slices = k.slices();
        String slicesBefore = String.valueOf((char) (slices.charAt(0) + 1));
        List<TallyRange> ranges = new ArrayList<>(Funnels.window(slices, slicesBefore, k.from(), k.to()));
        ranges.add(new TallyRange(Funnels.OPEN, slices, slicesBefore, "", "\u007f"));
        long read = 0;
        try (PreparedStatement ps = c.prepareStatement(NUMBERS_READ)) {
            for (TallyRange r : ranges) {
                bind(ps, JpaNode.TENANT.value(), project.id().value(), r.tally().name(), r.keyFrom(), r.keyBefore(),
                        r.subFrom(), r.subBefore());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    read += rs.getLong(1);
                }
            }
        }
        return read;
    }
}
