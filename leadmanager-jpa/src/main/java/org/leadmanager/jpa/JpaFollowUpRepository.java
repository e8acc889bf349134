package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.spi.store.FollowUpRepository;

/** Follow-ups in {@code lm_follow_up}, which is also the reminder claim queue. */
final class JpaFollowUpRepository implements FollowUpRepository {
    private static final String CLAIMABLE = "state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED')";
    /** Most ids bound in one IN list. */
    private static final int IN_LIMIT = 1000;

    private final JpaSession s;

    JpaFollowUpRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(FollowUp followUp) {
        s.insert(FollowUpEntity.of(followUp));
    }

    @Override
    public FollowUp update(FollowUp followUp) {
        if (!s.updateVersioned(FollowUpEntity.of(followUp))) {
            throw new StaleModificationException("follow-up", followUp.id(), followUp.version());
        }
        return followUp.withVersion(followUp.version() + 1);
    }

    @Override
    public Optional<FollowUp> find(TenantId tenant, FollowUpId id) {
        return s.first("select f from LmFollowUp f where f.id = ?1 and f.tenantId = ?2", FollowUpEntity.class,
                id.toString(), tenant.value()).map(FollowUpEntity::toDomain);
    }

    /** One query per {@value #IN_LIMIT} ids. */
    @Override
    public Map<FollowUpId, FollowUp> findAll(TenantId tenant, Collection<FollowUpId> ids) {
        List<String> keys = ids.stream().map(FollowUpId::toString).distinct().toList();
        Map<String, FollowUp> byKey = new HashMap<>();
        for (int from = 0; from < keys.size(); from += IN_LIMIT) {
            for (FollowUpEntity f : s.list("select f from LmFollowUp f where f.tenantId = ?1 and f.id in ?2",
                    FollowUpEntity.class, tenant.value(), keys.subList(from, Math.min(keys.size(), from + IN_LIMIT)))) {
                byKey.put(f.id, f.toDomain());
            }
        }
        Map<FollowUpId, FollowUp> found = new LinkedHashMap<>();
        for (FollowUpId id : ids) {
            FollowUp followUp = byKey.get(id.toString());
            if (followUp != null) {
                found.put(id, followUp);
            }
        }
        return found;
    }

    /** One JDBC batch of versioned updates: one round trip for the whole list. */
    @Override
    public List<FollowUp> updateAll(List<FollowUp> followUps) {
        if (followUps.isEmpty()) {
            return List.of();
        }
        int[] rows = s.updateVersioned(followUps.stream().map(FollowUpEntity::of).toList());
        List<FollowUp> updated = new ArrayList<>(followUps.size());
        for (int i = 0; i < rows.length; i++) {
            FollowUp f = followUps.get(i);
            // a driver may answer SUCCESS_NO_INFO for a batch (MariaDB with useBulkStmts): then read the version
            boolean applied = rows[i] == 1 || rows[i] != 0
                    && find(f.tenant(), f.id()).map(stored -> stored.version() == f.version() + 1).orElse(false);
            if (!applied) {
                throw new StaleModificationException("follow-up", f.id(), f.version());
            }
            updated.add(f.withVersion(f.version() + 1));
        }
        return updated;
    }

    /**
     * PostgreSQL: one conditional update for the whole batch: each follow-up is marked fired only while it is open
     * and still under the claim it came with (node and lease end), checked by the update itself (a concurrent
     * change of the row is re-checked after it commits), and the rows come back as stored. Others: the default.
     */
    @Override
    public List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        if (s.database() != Database.POSTGRESQL) {
            return FollowUpRepository.super.fireClaimed(tenant, claimed, now);
        }
        Columns columns = Columns.of(FollowUpEntity.class);
        String returned = columns.attributes().stream().map(a -> "f." + a.column()).collect(Collectors.joining(", "));
        String sql = "UPDATE lm_follow_up f SET reminder = 'FIRED', claimable_at = NULL, reminded_at = ?,"
                + " last_error = NULL, version = f.version + 1"
                + " FROM unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) AS c(id, node, lease)"
                + " WHERE f.id = c.id AND f.tenant_id = ? AND f.state = 'OPEN' AND f.reminder = 'CLAIMED'"
                + " AND f.claimed_by = c.node AND f.claimable_at = c.lease"
                + " RETURNING " + returned;
        Map<String, FollowUp> fired = s.jdbc((connection, db) -> {
            Map<String, FollowUp> rows = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                db.bind(ps, 1, now);
                ps.setArray(2, connection.createArrayOf("varchar",
                        claimed.stream().map(f -> f.id().toString()).toArray()));
                ps.setArray(3, connection.createArrayOf("varchar",
                        claimed.stream().map(FollowUp::claimedBy).toArray()));
                ps.setArray(4, connection.createArrayOf("timestamptz",
                        claimed.stream().map(f -> f.claimableAt() == null ? null : f.claimableAt().toString())
                                .toArray()));
                ps.setString(5, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        FollowUpEntity row = columns.readInOrder(rs, db, FollowUpEntity::new, 1);
                        rows.put(row.id, row.toDomain());
                    }
                }
            }
            return rows;
        });
        List<FollowUp> result = new ArrayList<>(fired.size());
        for (FollowUp c : claimed) {
            FollowUp f = fired.remove(c.id().toString());
            if (f != null) {
                result.add(f);
            }
        }
        return result;
    }

    @Override
    public List<FollowUp> findByLead(TenantId tenant, LeadId lead) {
        return map(s.list("select f from LmFollowUp f where f.leadId = ?1 and f.tenantId = ?2"
                + " order by f.dueAt, f.id", FollowUpEntity.class, lead.toString(), tenant.value()));
    }

    @Override
    public List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit) {
        return map(s.limited("select f from LmFollowUp f where f.tenantId = ?1 and f.ownerId = ?2"
                + " and f.state = 'OPEN' order by f.dueAt, f.id", FollowUpEntity.class, limit, tenant.value(),
                owner.value()));
    }

    /** Moves the follow-ups and bumps their versions, so a change based on the old lead fails. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        s.execute("update LmFollowUp f set f.leadId = ?1, f.version = f.version + 1 where f.leadId = ?2"
                + " and f.tenantId = ?3", into.toString(), from.toString(), tenant.value());
    }

    /**
     * PostgreSQL and MariaDB lock the earliest claimable rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent
     * claimers take disjoint rows without waiting, then mark them claimed with one update. H2 reads candidates and
     * claims each with an update conditional on its version: a row another claimer took first is left out.
     */
    @Override
    public List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil) {
        if (limit < 1) {
            return List.of();
        }
        if (s.database() == Database.POSTGRESQL) {
            return s.jdbc((connection, db) -> claimInOneStatement(connection, db, now, limit, node, leaseUntil));
        }
        List<FollowUpEntity> claimed;
        if (s.database().skipLocked()) {
            @SuppressWarnings("unchecked")
            List<FollowUpEntity> locked = s.em.createNativeQuery("SELECT * FROM lm_follow_up WHERE " + CLAIMABLE
                    + " AND claimable_at <= ?1 ORDER BY claimable_at, id LIMIT ?2 FOR UPDATE SKIP LOCKED",
                    FollowUpEntity.class).setParameter(1, now).setParameter(2, limit).getResultList();
            claimed = s.detached(locked);
            if (!claimed.isEmpty()) {
                s.execute("update LmFollowUp f set f.reminder = 'CLAIMED', f.claimableAt = ?1, f.claimedBy = ?2,"
                        + " f.attempts = f.attempts + 1, f.version = f.version + 1 where f.id in ?3",
                        leaseUntil, node, claimed.stream().map(f -> f.id).toList());
            }
        } else {
            claimed = new ArrayList<>();
            for (FollowUpEntity f : s.limited("select f from LmFollowUp f where f.state = 'OPEN'"
                    + " and f.reminder in ('PENDING', 'CLAIMED') and f.claimableAt <= ?1 order by f.claimableAt, f.id",
                    FollowUpEntity.class, limit, now)) {
                int rows = s.execute("update LmFollowUp f set f.reminder = 'CLAIMED', f.claimableAt = ?1,"
                        + " f.claimedBy = ?2, f.attempts = f.attempts + 1, f.version = f.version + 1"
                        + " where f.id = ?3 and f.version = ?4", leaseUntil, node, f.id, f.version);
                if (rows == 1) {
                    claimed.add(f);
                }
            }
        }
        List<FollowUp> result = new ArrayList<>(claimed.size());
        for (FollowUpEntity f : claimed) {
            FollowUp before = f.toDomain();
            result.add(before.claimed(node, leaseUntil).withVersion(before.version() + 1));
        }
        return result;
    }

    /**
     * PostgreSQL: lock, claim and return the batch in one round trip; the rows come back in their new, claimed
     * state and are put in claim order (earliest claimable first) by the time they were claimable before.
     */
    private static List<FollowUp> claimInOneStatement(Connection connection, Database db, Instant now, int limit,
            String node, Instant leaseUntil) throws SQLException {
        Columns columns = Columns.of(FollowUpEntity.class);
        String returned = columns.attributes().stream().map(a -> "f." + a.column()).collect(Collectors.joining(", "));
        // the limit as a literal, not a parameter: with "LIMIT ?" the server's generic plan (used once pgjdbc
        // prepares the statement on the server) expects a large batch and joins it to a sequential scan of the
        // whole table by hash, ~25 ms at 100,000 follow-ups instead of ~1.5 ms for 100 probes of the primary key
        String sql = "WITH due AS (SELECT id, claimable_at AS was FROM lm_follow_up WHERE " + CLAIMABLE
                + " AND claimable_at <= ? ORDER BY claimable_at, id LIMIT " + limit + " FOR UPDATE SKIP LOCKED)"
                + " UPDATE lm_follow_up f SET reminder = 'CLAIMED', claimable_at = ?, claimed_by = ?,"
                + " attempts = f.attempts + 1, version = f.version + 1 FROM due WHERE f.id = due.id"
                + " RETURNING " + returned + ", due.was";
        record Claimed(Instant was, FollowUpEntity row) {
        }
        List<Claimed> claimed = new ArrayList<>(limit);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            db.bind(ps, 1, now);
            db.bind(ps, 2, leaseUntil);
            ps.setString(3, node);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(new Claimed(db.instant(rs, columns.attributes().size() + 1),
                            columns.readInOrder(rs, db, FollowUpEntity::new, 1)));
                }
            }
        }
        claimed.sort(Comparator.comparing(Claimed::was).thenComparing(c -> c.row().id));
        return claimed.stream().map(c -> c.row().toDomain()).toList();
    }

    @Override
    public List<FollowUp> findFailed(TenantId tenant, int limit) {
        // open ones only, as the in-memory store and FollowUps.failedReminders: closing one settles its reminder
        return map(s.limited("select f from LmFollowUp f where f.tenantId = ?1 and f.reminder = 'FAILED'"
                + " and f.state = 'OPEN' order by f.dueAt, f.id", FollowUpEntity.class, limit, tenant.value()));
    }

    private static List<FollowUp> map(List<FollowUpEntity> entities) {
        return entities.stream().map(FollowUpEntity::toDomain).toList();
    }
}
