package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadmanager.domain.followup.FollowUp;

/**
 * PostgreSQL 12+: whole chunks and batches as one statement with array parameters, {@code ON CONFLICT DO NOTHING},
 * {@code FOR UPDATE SKIP LOCKED} and {@code UPDATE ... RETURNING}, each one round trip.
 */
final class PostgresDialect implements SqlDialect {
    /** Fewest leads inserted by one {@code INSERT ... SELECT FROM unnest(arrays)}: a larger batch size is taken as is. */
    private static final int UNNEST_LIMIT = 2000;
    /**
     * The chunk as one array per column, unnested into rows in their order, returning the ids of the rows that
     * were inserted (DO NOTHING returns none for the others). Every value travels as text in the column's array
     * type, so one statement text serves every chunk size.
     */
    private static final String INSERT = "INSERT INTO lm_lead (" + LeadRows.NAMES + ") SELECT * FROM unnest("
            + LeadRows.COLUMNS.stream().map(c -> "?::" + c.sqlType() + "[]").collect(Collectors.joining(", "))
            + ") ON CONFLICT (project_id, contact_id) DO NOTHING RETURNING id";
    /**
     * One probe of the unique key (project_id, contact_id) per contact, all in one statement with one array
     * parameter: the LIMIT keeps the planner from turning the lateral subquery into a join, so it never chooses a
     * scan of the project's leads (with ANY(?) it chose a bitmap scan of the whole project, ~35 ms per 1000
     * contacts at 100k leads).
     */
    private static final String EXISTING = "SELECT k.contact_id FROM unnest(?::varchar[]) AS k(contact_id)"
            + " CROSS JOIN LATERAL (SELECT l.tenant_id FROM lm_lead l WHERE l.project_id = ?"
            + " AND l.contact_id = k.contact_id LIMIT 1) AS l WHERE l.tenant_id = ?";

    private static final String INSERT_WORDS = "INSERT INTO lm_lead_word (tenant_id, project_id, word, lead_id)"
            + " SELECT ?, ?, * FROM unnest(?::varchar[], ?::uuid[])";

    private static final String RAISE = "WITH c AS (SELECT * FROM unnest(?::uuid[], ?::int8[]) AS c(id, n)),"
            + " locked AS (SELECT l.id FROM lm_lead l WHERE l.id IN (SELECT id FROM c) AND l.tenant_id = ?"
            + " ORDER BY l.id FOR NO KEY UPDATE)"
            + " UPDATE lm_lead l SET activity_seq = l.activity_seq + c.n FROM c, locked"
            + " WHERE l.id = c.id AND l.id = locked.id RETURNING l.id, l.activity_seq";

    @Override
    public String folder() {
        return "postgresql";
    }

    /**
     * A chunk is one statement whatever its size: the batch size, but at least {@value #UNNEST_LIMIT} rows, since
     * one statement of arrays costs about what one row does.
     */
    @Override
    public int leadChunk(int batchSize) {
        return Math.max(batchSize, UNNEST_LIMIT);
    }

    @Override
    public Set<UUID> insertLeadsIfAbsent(JpaSession s, List<LeadEntity> rows) {
        return s.jdbc((connection, dialect) -> {
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(INSERT)) {
                for (int i = 0; i < LeadRows.COLUMNS.size(); i++) {
                    LeadRows.Column column = LeadRows.COLUMNS.get(i);
                    String[] values = new String[rows.size()];
                    for (int r = 0; r < values.length; r++) {
                        // Instant.toString is ISO-8601 in UTC, which timestamptz reads exactly
                        Object value = column.value().apply(rows.get(r));
                        values[r] = value == null ? null : value.toString();
                    }
                    ps.setArray(i + 1, connection.createArrayOf(column.sqlType(), values));
                }
                try (ResultSet keys = ps.executeQuery()) {
                    while (keys.next()) {
                        inserted.add(keys.getObject(1, UUID.class));
                    }
                }
            }
            return inserted;
        });
    }

    /**
     * One statement of two arrays (words, leads) per tenant and project, as leads are inserted: one round trip for a
     * chunk of one project whatever its number of rows.
     */
    @Override
    public void insertWords(JpaSession s, List<LeadWords.Row> rows) {
        Map<List<Object>, List<LeadWords.Row>> byProject = new LinkedHashMap<>();
        for (LeadWords.Row row : rows) {
            byProject.computeIfAbsent(List.of(row.tenant(), row.project()), k -> new ArrayList<>()).add(row);
        }
        s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(INSERT_WORDS)) {
                for (List<LeadWords.Row> group : byProject.values()) {
                    String[] words = new String[group.size()];
                    UUID[] leads = new UUID[group.size()];
                    for (int i = 0; i < words.length; i++) {
                        words[i] = group.get(i).word();
                        leads[i] = group.get(i).lead();
                    }
                    ps.setString(1, group.get(0).tenant());
                    ps.setObject(2, group.get(0).project());
                    ps.setArray(3, connection.createArrayOf("varchar", words));
                    ps.setArray(4, connection.createArrayOf("uuid", leads));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Set<String> existingContacts(JpaSession s, String tenant, UUID project, List<String> contacts) {
        return s.jdbc((connection, dialect) -> {
            Set<String> existing = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(EXISTING)) {
                ps.setArray(1, connection.createArrayOf("varchar", contacts.toArray()));
                ps.setObject(2, project);
                ps.setString(3, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
            return existing;
        });
    }

    /**
     * Locks, claims and returns the batch in one round trip; the rows come back in their new, claimed state and are
     * put in claim order (earliest claimable first) by the time they were claimable before. The limit is a literal,
     * not a parameter: with {@code LIMIT ?} the server's generic plan (used once the driver prepares the statement
     * on the server) expects a large batch and joins it to a sequential scan of the whole table by hash, ~25 ms at
     * 100,000 follow-ups instead of ~1.5 ms for 100 probes of the primary key.
     */
    @Override
    public List<FollowUp> claimDue(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        List<Object[]> rows = s.list(s.em.createNativeQuery("WITH due AS (SELECT id, claimable_at AS was"
                + " FROM lm_follow_up WHERE state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED')"
                + " AND claimable_at <= ?1 ORDER BY claimable_at, id LIMIT " + limit + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE lm_follow_up f SET reminder = 'CLAIMED', claimable_at = ?2, claimed_by = ?3,"
                + " attempts = f.attempts + 1, version = f.version + 1 FROM due WHERE f.id = due.id"
                + " RETURNING f.*, due.was", FollowUpEntity.CLAIMED)
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, node));
        rows.sort(Comparator.comparing((Object[] r) -> (Instant) r[1]).thenComparing(r -> ((FollowUpEntity) r[0]).id,
                JpaSession.UNSIGNED));
        List<FollowUp> claimed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            claimed.add(((FollowUpEntity) row[0]).toDomain());
        }
        return claimed;
    }

    /** One conditional {@code UPDATE ... RETURNING}: the rows it marked, as stored now. */
    @Override
    public List<FollowUpEntity> fireClaimed(JpaSession s, String tenant, List<UUID> ids, String node,
            Instant lease, Instant now) {
        return s.list(s.em.createNativeQuery("UPDATE lm_follow_up f SET reminder = 'FIRED', claimable_at = NULL,"
                + " reminded_at = :now, last_error = NULL, version = f.version + 1 WHERE f.tenant_id = :tenant"
                + " AND f.id IN (:ids) AND f.state = 'OPEN' AND f.reminder = 'CLAIMED' AND f.claimed_by = :node"
                + " AND f.claimable_at = :lease RETURNING f.*", FollowUpEntity.class)
                .setParameter("now", now).setParameter("tenant", tenant).setParameter("ids", ids)
                .setParameter("node", node).setParameter("lease", lease));
    }

    /**
     * All leads in one statement, one round trip whatever their number: the locking CTE takes the rows in id order
     * (the order every unit of work locks leads in; PostgreSQL compares uuids byte by byte, as
     * {@link JpaSession#UNSIGNED} does), then one update raises them and returns the new counters. A batch of
     * single-row updates instead costs a statement each: a reminder batch touches a hundred leads.
     */
    @Override
    public Map<UUID, Long> raiseActivityCounters(JpaSession s, String tenant, List<UUID> leads,
            Map<UUID, Integer> counts) {
        return s.jdbc((connection, dialect) -> {
            Long[] by = new Long[leads.size()];
            for (int i = 0; i < by.length; i++) {
                by[i] = (long) counts.get(leads.get(i));
            }
            Map<UUID, Long> latest = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(RAISE)) {
                ps.setArray(1, connection.createArrayOf("uuid", leads.toArray()));
                ps.setArray(2, connection.createArrayOf("int8", by));
                ps.setString(3, tenant);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        latest.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
            return latest;
        });
    }

    /**
     * Locks, claims and returns the batch (the rows as they were before) in one round trip, skipping leads other
     * claims or units of work hold; the limit is a literal for the reason {@link #claimDue} gives.
     * {@code FOR NO KEY UPDATE}, as the claim changes no key.
     */
    @Override
    public List<LeadEntity> claimBreached(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        return s.list(s.em.createNativeQuery("WITH due AS (SELECT * FROM lm_lead WHERE response_claimable_at <= ?1"
                + " ORDER BY response_claimable_at, id LIMIT " + limit + " FOR NO KEY UPDATE SKIP LOCKED)"
                + " UPDATE lm_lead l SET response_claimable_at = ?2, response_claimed_by = ?3,"
                + " response_attempts = l.response_attempts + 1 FROM due WHERE l.id = due.id RETURNING due.*",
                LeadEntity.class)
                .setParameter(1, now).setParameter(2, leaseUntil).setParameter(3, node));
    }

    /**
     * Custom plans for the rest of the transaction. Once the driver prepares a statement on the server (its fifth
     * execution on a connection), the server may switch to a generic plan, made once and kept until the table's
     * statistics change; for {@code lm_event}, which is empty between bursts, that plan scans the table (the
     * claim's window, the updates and deletes by id alike), and as the burst's rows and their dead versions pile up
     * each statement costs more than the last: up to 1.7 s per claim of 100 at 20,000 events.
     */
    @Override
    public void planEachExecution(JpaSession s) {
        s.jdbc((connection, dialect) -> {
            try (Statement st = connection.createStatement()) {
                st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
            return null;
        });
    }

    /** A key share (the foreign-key check of a lead insert) does not conflict with it. */
    @Override
    public String lockProjectRow() {
        return " FOR NO KEY UPDATE";
    }

    @Override
    public boolean sendsStatementsTogether() {
        return true;
    }
}
