package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.followup.FollowUp;

/**
 * MariaDB 10.11+: {@code ON DUPLICATE KEY UPDATE} for insert-if-absent, {@code FOR UPDATE SKIP LOCKED} for claims,
 * READ COMMITTED for the store's own transactions, UTC wall-clock time in {@code DATETIME(6)}.
 */
final class MariaDbDialect implements SqlDialect {
    // not INSERT IGNORE: that would also turn truncation and other errors into warnings
    private static final String INSERT = "INSERT INTO lm_lead (" + LeadRows.NAMES + ") VALUES ("
            + LeadRows.PLACEHOLDERS + ") ON DUPLICATE KEY UPDATE id = id";

    @Override
    public String folder() {
        return "mariadb";
    }

    /**
     * A sort compares only the first {@code max_sort_length} bytes of each key (1024 by default, at four bytes a
     * character: 256 characters), so two names whose keys differ further on would sort as equal. Raised for the
     * statement alone to cover the longest key (400 characters).
     */
    @Override
    public String sortedSelect(String select) {
        return "SET STATEMENT max_sort_length = 2048 FOR " + select;
    }

    /**
     * InnoDB's default REPEATABLE READ would read from a snapshot taken at the first read: a lead that a concurrent
     * unit of work committed after it could not be found after insert-if-absent skipped it. Only this transaction
     * is affected (SET TRANSACTION without SESSION); it must be the first statement.
     */
    @Override
    public void beginTransaction(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
        }
    }

    @Override
    public void bind(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.toString());
        }
    }

    /** DATETIME(6) holds UTC wall-clock time, exactly as the provider writes an Instant there. */
    @Override
    public void bind(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    @Override
    public UUID uuid(ResultSet rs, int index) throws SQLException {
        String value = rs.getString(index);
        return value == null ? null : UUID.fromString(value);
    }

    /** DATETIME(6) holds UTC wall-clock time. */
    @Override
    public Instant instant(ResultSet rs, int index) throws SQLException {
        LocalDateTime value = rs.getObject(index, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** One JDBC batch of the chunk, then one query for which of its ids are stored. */
    @Override
    public Set<UUID> insertLeadsIfAbsent(JpaSession s, List<LeadEntity> rows) {
        s.jdbc((connection, dialect) -> {
            LeadRows.insertBatch(connection, dialect, INSERT, rows);
            return null;
        });
        return LeadRows.stored(s, rows);
    }

    /**
     * Locks the earliest claimable rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers take disjoint
     * rows without waiting, then marks them claimed with one JPQL update.
     */
    @Override
    public List<FollowUp> claimDue(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        @SuppressWarnings("unchecked")
        List<FollowUpEntity> locked = s.list(s.em.createNativeQuery("SELECT * FROM lm_follow_up"
                + " WHERE state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED') AND claimable_at <= ?1"
                + " ORDER BY claimable_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED", FollowUpEntity.class)
                .setParameter(1, now).setParameter(2, limit));
        List<FollowUp> claimed = new ArrayList<>(locked.size());
        if (locked.isEmpty()) {
            return claimed;
        }
        s.em.createQuery("update LmFollowUp f set f.reminder = 'CLAIMED', f.claimableAt = :lease, f.claimedBy = :node,"
                + " f.attempts = f.attempts + 1, f.version = f.version + 1 where f.id in :ids")
                .setParameter("lease", leaseUntil).setParameter("node", node)
                .setParameter("ids", locked.stream().map(f -> f.id).toList()).executeUpdate();
        for (FollowUpEntity f : locked) {
            FollowUp before = f.toDomain();
            claimed.add(before.claimed(node, leaseUntil).withVersion(before.version() + 1));
        }
        return claimed;
    }

    /** Locks the earliest claimable leads with {@code FOR UPDATE SKIP LOCKED}, then claims them with one update. */
    @Override
    public List<LeadEntity> claimBreached(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        List<LeadEntity> locked = s.list(s.em.createNativeQuery("SELECT * FROM lm_lead"
                + " WHERE response_claimable_at <= ?1 ORDER BY response_claimable_at, id LIMIT ?2"
                + " FOR UPDATE SKIP LOCKED", LeadEntity.class).setParameter(1, now).setParameter(2, limit));
        if (!locked.isEmpty()) {
            s.em.createQuery("update LmLead l set l.responseClaimableAt = :lease, l.responseClaimedBy = :node,"
                    + " l.responseAttempts = l.responseAttempts + 1 where l.id in :ids").setParameter("lease", leaseUntil).setParameter("node", node)
                    .setParameter("ids", locked.stream().map(l -> l.id).toList()).executeUpdate();
        }
        return locked;
    }
}
