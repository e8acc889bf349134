package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.domain.tally.TallyRange;
import org.leadmanager.spi.store.TallyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kept tallies in {@code lm_tally} as delta rows: every unit of work inserts rows of its own, one per number it
 * changes (with a random id), and a number's value is the sum of its rows. The rows of the numbers a node added to
 * are folded into one per number, now and then, by a unit of work that adds to the project ({@link TallyFolds}).
 *
 * <h2>Why delta rows</h2>
 * <p>Counting leads per project and status on every change must not make the changes of one project wait for each
 * other. A single counter row per number does: every unit of work that qualifies into a project updates the same
 * row and holds its lock until it commits. Two ways around it were measured (a scratch program, 8 threads each
 * qualifying one lead per transaction into one project on the embedded PostgreSQL 17 of the benchmarks, on the
 * shared 2-core machine, three rounds each): without any counting 1,500–3,400 transactions/s; one counter row per
 * number 810–1,050/s; 16 striped counter rows per number (a random stripe per transaction, upserted) 1,750–2,700/s;
 * delta rows as here (folded every 64 rows in that program), 2,000–2,600/s. With 2 ms between the counter's write and the commit
 * (what a few round trips to a database over the network cost): without counting 1,060–1,990/s, one counter row
 * 220–256/s, stripes 1,220–1,550/s, delta rows 920–1,620/s. Reading a project's sums took 0.3–1.9 ms in every
 * variant, against 15–100 ms for counting the project's 80,000 leads.
 *
 * <p>Stripes and delta rows perform alike; delta rows were chosen because they never wait at all: an insert of new
 * keys takes no lock another unit of work holds, so there is neither a wait nor a deadlock to reason about (stripes
 * still collide when two units of work pick one stripe, and a unit of work changing several numbers must lock their
 * stripes in one order); it is one plain {@code INSERT} on every database (stripes need each database's upsert); and
 * a repair is one more delta ({@link #recount}). The price is the folding, which keeps reads short: it locks the
 * rows of the numbers added to with {@code FOR UPDATE SKIP LOCKED}, so it skips (and leaves for a later fold)
 * whatever another unit of work holds instead of waiting, deletes what it locked and inserts one row per non-zero sum. It runs in a
 * savepoint and is given up without harm if anything goes wrong; it also checks that it deleted exactly the rows it
 * summed, so no row can count twice.
 */
final class JpaTallyRepository implements TallyRepository {
    private static final Logger LOG = LoggerFactory.getLogger(JpaTallyRepository.class);
    private static final String COLUMNS = "tenant_id, project_id, id, tally, tally_key, tally_sub, n";
    private static final String INSERT = "INSERT INTO lm_tally (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    /** The sums of some tallies of one project: followed by a list of as many parameters as there are tallies. */
    private static final String PROJECT_SUMS = "SELECT tally, tally_key, tally_sub, SUM(n) FROM lm_tally"
            + " WHERE tenant_id = ? AND project_id = ? AND tally IN ";
    private static final String PROJECT_SUMS_END = " GROUP BY tally, tally_key, tally_sub";
    private static final String TENANT_SUMS = "SELECT project_id, tally_key, tally_sub, SUM(n) FROM lm_tally"
            + " WHERE tenant_id = ? AND tally = ? GROUP BY project_id, tally_key, tally_sub";
    /**
     * One row by its whole key: a statement per row (one batch), since a list of ids lets MariaDB scan the project's
     * rows instead, and so wait for rows another unit of work holds.
     */
    private static final String DELETE_ROW = "DELETE FROM lm_tally WHERE tenant_id = ? AND project_id = ? AND id = ?";
    private static final String LOCK_PROJECT = "SELECT id FROM lm_project WHERE id = ? AND tenant_id = ?";
    /** The rows of some numbers of one project: followed by one {@link #NUMBER} per number, joined by OR. */
    private static final String LOCK_ROWS = "SELECT id, tally, tally_key, tally_sub, n FROM lm_tally"
            + " WHERE tenant_id = ? AND project_id = ? AND (";
    private static final String NUMBER = "(tally = ? AND tally_key = ? AND tally_sub = ?)";
    private static final String NUMBER_WITHOUT_SUB = "(tally = ? AND tally_key = ? AND tally_sub IS NULL)";
    private static final String LOCK_ROWS_END = ") FOR UPDATE SKIP LOCKED";
    private static final String LOCK_ROWS_WAITING_END = ") FOR UPDATE";
    /** Numbers per statement that locks rows to fold. */
    private static final int FOLD_CHUNK = 64;
    /**
     * The sums of one range of a project's numbers, its sub-keys cut as the range says ({@code %s}: the sub-key
     * expression, the same in the select and the grouping); the ranges of one read joined by UNION ALL, so one
     * statement reads them from one state of the database.
     */
    private static final String KEY_RANGE = "tally_key >= ? AND tally_key < ?";
    private static final String KEY_EQUALS = "tally_key = ?";
    private static final String RANGE_SUMS = "SELECT tally, tally_key, %1$s, SUM(n) FROM lm_tally"
            + " WHERE tenant_id = ? AND project_id = ? AND tally = ? AND tally_key >= ? AND tally_key < ?"
            + " AND tally_sub >= ? AND tally_sub < ? GROUP BY tally, tally_key, %1$s";
    /**
     * The lead tallies' corrections, count minus kept sum, in one statement, so that both come from one state of
     * the database (under READ COMMITTED every statement reads one): the kept rows first, so their column types
     * type the union.
     */
    private static final String DRIFT = "SELECT tally, tally_key, tally_sub, SUM(n) FROM ("
            + "SELECT tally, tally_key, tally_sub, -n AS n FROM lm_tally WHERE tenant_id = ? AND project_id = ?"
            + " AND tally IN ('" + Tally.STATUS + "', '" + Tally.OWNER + "')"
            + " UNION ALL SELECT '" + Tally.STATUS + "', status, NULL, COUNT(*) FROM lm_lead"
            + " WHERE tenant_id = ? AND project_id = ? GROUP BY status"
            + " UNION ALL SELECT '" + Tally.OWNER + "', assignee, status, COUNT(*) FROM lm_lead"
            + " WHERE tenant_id = ? AND project_id = ? AND assignee IS NOT NULL GROUP BY assignee, status"
            + ") d GROUP BY tally, tally_key, tally_sub HAVING SUM(n) <> 0";

    private final JpaSession s;

    JpaTallyRepository(JpaSession session) {
        this.s = session;
    }

    /** One batch of inserts; then folds each project due for it. */
    @Override
    public void add(TenantId tenant, List<TallyDelta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        Map<UUID, List<TallyKey>> keysPerProject = new LinkedHashMap<>();
        deltas.forEach(d -> keysPerProject.computeIfAbsent(d.project().value(), p -> new ArrayList<>()).add(d.key()));
        s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (TallyDelta d : deltas) {
                    bindRow(ps, dialect, tenant.value(), d.project().value(), d.key(), d.delta());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (Map.Entry<UUID, List<TallyKey>> added : keysPerProject.entrySet()) {
                Set<TallyKey> due = s.store.tallyFolds().due(added.getKey(), added.getValue());
                if (!due.isEmpty()) {
                    fold(connection, dialect, tenant.value(), added.getKey(), due, false);
                }
            }
            return null;
        });
    }

    /**
     * Folds the numbers now, waiting for rows other units of work hold, so a number summing to zero keeps no row;
     * in a savepoint like every fold, but a failure here fails the unit of work: it must not commit an erasure that
     * left a trace.
     */
    @Override
    public void settle(TenantId tenant, ProjectId project, Set<TallyKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        s.jdbc((connection, dialect) -> {
            if (!fold(connection, dialect, tenant.value(), project.value(), keys, true)) {
                throw new SQLException("the numbers of project " + project + " could not be settled");
            }
            return null;
        });
    }

    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Tally tally) {
        return sums(tenant, project, Set.of(tally));
    }

    /** One statement, so the tallies come from one state of the database. */
    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Set<Tally> tallies) {
        if (tallies.isEmpty()) {
            return Map.of();
        }
        List<Tally> asked = List.copyOf(tallies);
        String sql = PROJECT_SUMS + "(" + String.join(", ", Collections.nCopies(asked.size(), "?")) + ")"
                + PROJECT_SUMS_END;
        return s.jdbc((connection, dialect) -> {
            Map<TallyKey, Long> sums = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                dialect.bind(ps, 2, project.value());
                for (int i = 0; i < asked.size(); i++) {
                    ps.setString(3 + i, asked.get(i).name());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        for (Tally tally : asked) {
                            if (tally.name().equals(name)) {
                                put(sums, new TallyKey(tally, rs.getString(2), rs.getString(3)), rs.getLong(4));
                            }
                        }
                    }
                }
            }
            return sums;
        });
    }

    /** One statement, so the ranges come from one state of the database. */
    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, List<TallyRange> ranges) {
        if (ranges.isEmpty()) {
            return Map.of();
        }
        List<TallyRange> asked = List.copyOf(ranges);
        // the cut is a literal: the select and the grouping must name the same expression
        String sql = asked.stream().map(r -> {
            String select = String.format(RANGE_SUMS, r.subDropped() == 0 ? "tally_sub"
                    : "SUBSTRING(tally_sub FROM " + (r.subDropped() + 1) + ")");
            // a range of one key is asked for by equality, so the index seeks the sub-key range within it
            return r.singleKey() ? select.replace(KEY_RANGE, KEY_EQUALS) : select;
        }).collect(Collectors.joining(" UNION ALL "));
        return s.jdbc((connection, dialect) -> {
            Map<TallyKey, Long> sums = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 1;
                for (TallyRange range : asked) {
                    ps.setString(i++, tenant.value());
                    dialect.bind(ps, i++, project.value());
                    ps.setString(i++, range.tally().name());
                    ps.setString(i++, range.keyFrom());
                    if (!range.singleKey()) {
                        ps.setString(i++, range.keyBefore());
                    }
                    ps.setString(i++, range.subFrom());
                    ps.setString(i++, range.subBefore());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        // ranges of one tally may return one key (a window's edge days): their sums add up
                        sums.merge(new TallyKey(new Tally(rs.getString(1)), rs.getString(2), rs.getString(3)),
                                rs.getLong(4), Long::sum);
                    }
                }
            }
            sums.values().removeIf(n -> n == 0);
            return sums;
        });
    }

    @Override
    public Map<ProjectId, Map<TallyKey, Long>> sums(TenantId tenant, Tally tally) {
        return s.jdbc((connection, dialect) -> {
            Map<ProjectId, Map<TallyKey, Long>> sums = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(TENANT_SUMS)) {
                ps.setString(1, tenant.value());
                ps.setString(2, tally.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(4);
                        if (n != 0) {
                            sums.computeIfAbsent(new ProjectId(dialect.uuid(rs, 1)), p -> new HashMap<>())
                                    .put(new TallyKey(tally, rs.getString(2), rs.getString(3)), n);
                        }
                    }
                }
            }
            return sums;
        });
    }

    /**
     * First the project's row is locked until the end of the unit of work ({@link SqlDialect#lockProjectRow}): a
     * concurrent recount of the project waits, then reads the state this one committed (and finds nothing more to
     * correct). On PostgreSQL lead inserts are not held up by it (the lock does not conflict with their foreign-key
     * checks); on MariaDB and H2 they wait for the recount. Then the corrections in one statement ({@link #DRIFT}),
     * added as delta rows.
     */
    @Override
    public Map<TallyKey, Long> recount(TenantId tenant, ProjectId project) {
        boolean found = s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(LOCK_PROJECT + dialect.lockProjectRow())) {
                dialect.bind(ps, 1, project.value());
                ps.setString(2, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
        if (!found) {
            return Map.of();
        }
        Map<TallyKey, Long> drift = s.jdbc((connection, dialect) -> {
            Map<TallyKey, Long> off = new LinkedHashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(DRIFT)) {
                for (int pair = 0; pair < 3; pair++) {
                    ps.setString(2 * pair + 1, tenant.value());
                    dialect.bind(ps, 2 * pair + 2, project.value());
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        off.put(new TallyKey(new Tally(rs.getString(1)), rs.getString(2), rs.getString(3)),
                                rs.getLong(4));
                    }
                }
            }
            return off;
        });
        if (!drift.isEmpty()) {
            add(tenant, drift.entrySet().stream().map(e -> new TallyDelta(project, e.getKey(), e.getValue()))
                    .toList());
        }
        return drift;
    }

    /**
     * Folds the rows of the given numbers of the project that no other unit of work holds into one row per non-zero
     * sum, inside a savepoint: a fold that fails (or would not delete exactly what it summed) is undone and the
     * unit of work goes on.
     */
    private static boolean fold(Connection connection, SqlDialect dialect, String tenant, UUID project,
            Set<TallyKey> numbers, boolean waiting) throws SQLException {
        Savepoint savepoint = null;
        if (!waiting) {
            // waiting (settle): any failure fails the unit of work, so no savepoint is needed (nor required)
            try {
                savepoint = connection.setSavepoint();
            } catch (SQLException e) {
                // e.g. a host's distributed transaction without savepoints: the rows stay, a later fold may succeed
                LOG.debug("No savepoint to fold the tally rows of project {} in; they stay as they are", project, e);
                return false;
            }
        }
        try {
            // in one order everywhere, so two units of work waiting for each other's rows cannot deadlock
            List<TallyKey> all = numbers.stream().sorted(Comparator.comparing((TallyKey k) -> k.tally().name())
                    .thenComparing(TallyKey::key).thenComparing(k -> k.sub() == null ? "" : k.sub())).toList();
            Map<UUID, TallyKey> rows = new LinkedHashMap<>();
            Map<UUID, Long> values = new HashMap<>();
            int before;
            do {
                // waiting: a fold another unit of work committed meanwhile replaced rows this statement waited for
                // with a row its snapshot cannot see; the next statement sees it, so lock until nothing new appears
                before = rows.size();
                lockRows(connection, dialect, tenant, project, all, waiting, rows, values);
            } while (waiting && rows.size() != before);
            List<UUID> ids = new ArrayList<>(rows.keySet());
            Map<TallyKey, Long> sums = new LinkedHashMap<>();
            rows.forEach((id, key) -> sums.merge(key, values.get(id), Long::sum));
            sums.values().removeIf(n -> n == 0);
            if (ids.size() <= sums.size()) {
                // nothing to gain: at most one row per number already
                release(connection, savepoint);
                return true;
            }
            int deleted = 0;
            try (PreparedStatement ps = connection.prepareStatement(DELETE_ROW)) {
                for (UUID id : ids) {
                    ps.setString(1, tenant);
                    dialect.bind(ps, 2, project);
                    dialect.bind(ps, 3, id);
                    ps.addBatch();
                }
                for (int count : ps.executeBatch()) {
                    // a driver may report a successful statement of a batch without its count
                    deleted += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                }
            }
            if (deleted != ids.size()) {
                if (savepoint == null) {
                    throw new SQLException("a fold deleted " + deleted + " of the " + ids.size() + " rows it summed");
                }
                connection.rollback(savepoint);
                return false;
            }
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (Map.Entry<TallyKey, Long> sum : sums.entrySet()) {
                    bindRow(ps, dialect, tenant, project, sum.getKey(), sum.getValue());
                    ps.addBatch();
                }
                if (!sums.isEmpty()) {
                    ps.executeBatch();
                }
            }
            release(connection, savepoint);
            return true;
        } catch (SQLException | RuntimeException e) {
            if (savepoint == null) {
                throw e;
            }
            connection.rollback(savepoint);
            LOG.debug("Folding the tally rows of project {} failed; they stay as they are", project, e);
            return false;
        }
    }

    /** Locks the rows of the numbers (chunk by chunk), adding those not seen yet to {@code rows} and their values. */
    private static void lockRows(Connection connection, SqlDialect dialect, String tenant, UUID project,
            List<TallyKey> all, boolean waiting, Map<UUID, TallyKey> rows, Map<UUID, Long> values)
            throws SQLException {
        for (int from = 0; from < all.size(); from += FOLD_CHUNK) {
            List<TallyKey> chunk = all.subList(from, Math.min(all.size(), from + FOLD_CHUNK));
            StringBuilder sql = new StringBuilder(LOCK_ROWS);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append(chunk.get(i).sub() == null ? NUMBER_WITHOUT_SUB : NUMBER);
            }
            sql.append(waiting ? LOCK_ROWS_WAITING_END : LOCK_ROWS_END);
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                ps.setString(1, tenant);
                dialect.bind(ps, 2, project);
                int i = 3;
                for (TallyKey key : chunk) {
                    ps.setString(i++, key.tally().name());
                    ps.setString(i++, key.key());
                    if (key.sub() != null) {
                        ps.setString(i++, key.sub());
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = dialect.uuid(rs, 1);
                        if (!rows.containsKey(id)) {
                            rows.put(id, new TallyKey(new Tally(rs.getString(2)), rs.getString(3), rs.getString(4)));
                            values.put(id, rs.getLong(5));
                        }
                    }
                }
            }
        }
    }

    private static void release(Connection connection, Savepoint savepoint) throws SQLException {
        if (savepoint != null) {
            connection.releaseSavepoint(savepoint);
        }
    }

    private static void bindRow(PreparedStatement ps, SqlDialect dialect, String tenant, UUID project, TallyKey key,
            long n) throws SQLException {
        ps.setString(1, tenant);
        dialect.bind(ps, 2, project);
        dialect.bind(ps, 3, UUID.randomUUID());
        ps.setString(4, key.tally().name());
        ps.setString(5, key.key());
        ps.setString(6, key.sub());
        ps.setLong(7, n);
    }

    private static void put(Map<TallyKey, Long> sums, TallyKey key, long n) {
        if (n != 0) {
            sums.put(key, n);
        }
    }
}
