package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.spi.store.ActivityRepository;

/**
 * The timeline in {@code lm_activity}, appended by JDBC batch and read by {@code lead_seq}. The numbers come from
 * the lead row's counter {@code lm_lead.activity_seq} (the number of the lead's latest entry; a new lead starts at
 * 1, its qualification, without a statement), raised by a plain update without version check. That update holds
 * the lead's row lock until commit, so units of work appending to one lead take their numbers one after the other,
 * in commit order; a concurrent versioned update of the lead waits for it but still succeeds, since the version is
 * untouched.
 */
final class JpaActivityRepository implements ActivityRepository {
    /** Most ids bound in one IN list. */
    private static final int IN_LIMIT = 1000;

    private final JpaSession s;

    JpaActivityRepository(JpaSession session) {
        this.s = session;
    }

    /** A lead's row key; ordered by id, the order in which a unit of work locks the rows of several leads. */
    private record LeadKey(String tenant, String lead) {
        static final Comparator<LeadKey> LOCK_ORDER = Comparator.comparing(LeadKey::lead)
                .thenComparing(LeadKey::tenant);

        static LeadKey of(TenantId tenant, LeadId lead) {
            return new LeadKey(tenant.value(), lead.toString());
        }
    }

    @Override
    public void append(List<Activity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        Map<LeadKey, Integer> counts = new LinkedHashMap<>();
        activities.forEach(a -> counts.merge(LeadKey.of(a.tenant(), a.lead()), 1, Integer::sum));
        Map<LeadKey, Long> latest = raise(counts);
        Map<LeadKey, Long> next = new HashMap<>();
        counts.forEach((key, count) -> {
            Long last = latest.get(key);
            if (last == null) {
                throw gone(key);
            }
            next.put(key, last - count + 1);
        });
        s.jdbc((connection, db) -> {
            String sql = "INSERT INTO lm_activity (seq, tenant_id, lead_id, lead_seq, occurred_at, actor,"
                    + " activity_type, from_value, to_value, detail) VALUES (" + db.nextValue("lm_activity_seq")
                    + ", ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Activity a : activities) {
                    ps.setString(1, a.tenant().value());
                    ps.setString(2, a.lead().toString());
                    LeadKey key = LeadKey.of(a.tenant(), a.lead());
                    long number = next.get(key);
                    next.put(key, number + 1);
                    ps.setLong(3, number);
                    db.bind(ps, 4, a.at());
                    ps.setString(5, a.actor().value());
                    ps.setString(6, a.type().name());
                    ps.setString(7, a.from());
                    ps.setString(8, a.to());
                    ps.setString(9, a.text());
                    ps.addBatch();
                    if (++pending == s.store.batchSize()) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    @Override
    public List<Activity> findByLead(TenantId tenant, LeadId lead) {
        return s.list("select a from LmActivity a where a.leadId = ?1 and a.tenantId = ?2 order by a.leadSeq",
                ActivityEntity.class, lead.toString(), tenant.value()).stream().map(ActivityEntity::toDomain).toList();
    }

    /**
     * Locks {@code from}'s row and reads its latest number, raises {@code into}'s by the entries that follow, then
     * renumbers the moved rows in one update: {@code from}'s entry n becomes {@code into}'s old latest + n - 1.
     */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        if (from.equals(into)) {
            return;
        }
        LeadKey source = LeadKey.of(tenant, from);
        LeadKey target = LeadKey.of(tenant, into);
        Long fromLast = raise(Map.of(source, 0)).get(source);
        if (fromLast == null || fromLast == 1) {
            return; // no lead, or one without stored entries: nothing to move
        }
        int moved = (int) (fromLast - 1);
        Long intoLast = raise(Map.of(target, moved)).get(target);
        if (intoLast == null) {
            throw gone(target);
        }
        long offset = intoLast - moved - 1;
        s.jdbc((connection, db) -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE lm_activity SET lead_id = ?,"
                    + " lead_seq = lead_seq + ? WHERE lead_id = ? AND tenant_id = ?")) {
                ps.setString(1, target.lead());
                ps.setLong(2, offset);
                ps.setString(3, source.lead());
                ps.setString(4, source.tenant());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = connection.prepareStatement(
                    "UPDATE lm_lead SET activity_seq = 1 WHERE id = ? AND tenant_id = ?")) {
                ps.setString(1, source.lead());
                ps.setString(2, source.tenant());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Raises each lead's counter by its count, in {@link LeadKey#LOCK_ORDER}, and returns the new counters; a lead
     * that is not stored is missing from the result. PostgreSQL with one lead, the common case: one statement.
     * Otherwise one batch of updates and a query reading the counters back (the unit of work sees its own updates).
     */
    private Map<LeadKey, Long> raise(Map<LeadKey, Integer> counts) {
        List<LeadKey> keys = counts.keySet().stream().sorted(LeadKey.LOCK_ORDER).toList();
        String update = "UPDATE lm_lead SET activity_seq = activity_seq + ? WHERE id = ? AND tenant_id = ?";
        return s.jdbc((connection, db) -> {
            Map<LeadKey, Long> latest = new HashMap<>();
            if (db == Database.POSTGRESQL && keys.size() == 1) {
                LeadKey key = keys.get(0);
                try (PreparedStatement ps = connection.prepareStatement(update + " RETURNING activity_seq")) {
                    bind(ps, counts.get(key), key);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            latest.put(key, rs.getLong(1));
                        }
                    }
                }
                return latest;
            }
            try (PreparedStatement ps = connection.prepareStatement(update)) {
                for (LeadKey key : keys) {
                    bind(ps, counts.get(key), key);
                    ps.addBatch();
                }
                // the counts of a batch may be SUCCESS_NO_INFO on some drivers: the query below tells what exists
                ps.executeBatch();
            }
            for (int from = 0; from < keys.size(); from += IN_LIMIT) {
                readCounters(connection, keys.subList(from, Math.min(keys.size(), from + IN_LIMIT)), latest);
            }
            return latest;
        });
    }

    private static void bind(PreparedStatement ps, int count, LeadKey key) throws SQLException {
        ps.setLong(1, count);
        ps.setString(2, key.lead());
        ps.setString(3, key.tenant());
    }

    private static void readCounters(Connection connection, List<LeadKey> chunk, Map<LeadKey, Long> into)
            throws SQLException {
        Set<LeadKey> keys = new HashSet<>(chunk);
        String sql = "SELECT id, tenant_id, activity_seq FROM lm_lead WHERE id IN ("
                + keys.stream().map(k -> "?").collect(Collectors.joining(", ")) + ")";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            int i = 1;
            for (LeadKey key : keys) {
                ps.setString(i++, key.lead());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LeadKey key = new LeadKey(rs.getString(2), rs.getString(1));
                    if (keys.contains(key)) {
                        into.put(key, rs.getLong(3));
                    }
                }
            }
        }
    }

    private static StaleModificationException gone(LeadKey key) {
        return new StaleModificationException("lead " + key.lead() + " is gone; reload and retry", null);
    }
}
