package org.leadmanager.jpa;

import jakarta.persistence.Query;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadmanager.domain.followup.FollowUp;

/**
 * H2 2.x: {@code MERGE} for insert-if-absent; claims of reminders and events by conditional JPQL updates (its
 * SKIP LOCKED skips too much).
 */
final class H2Dialect implements SqlDialect {
    /** How often a chunk that raced with a concurrent insert of the same contact is retried. */
    private static final int ATTEMPTS = 10;
    private static final String MERGE = "MERGE INTO lm_lead t USING (VALUES (" + LeadRows.PLACEHOLDERS + ")) s ("
            + LeadRows.NAMES + ") ON t.project_id = s.project_id AND t.contact_id = s.contact_id"
            + " WHEN NOT MATCHED THEN INSERT (" + LeadRows.NAMES + ") VALUES ("
            + LeadRows.COLUMNS.stream().map(c -> "s." + c.name()).collect(Collectors.joining(", ")) + ")";

    @Override
    public String folder() {
        return "h2";
    }

    /**
     * H2's MERGE is not atomic: a concurrent insert of the same key fails it after waiting for the other
     * transaction; once that committed, the retry sees the row and skips it.
     */
    @Override
    public Set<UUID> insertLeadsIfAbsent(JpaSession s, List<LeadEntity> rows) {
        s.jdbc((connection, dialect) -> {
            for (int attempt = 1; ; attempt++) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    LeadRows.insertBatch(connection, dialect, MERGE, rows);
                    connection.releaseSavepoint(savepoint);
                    return null;
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                    if (!Errors.isUniqueViolation(e) || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        });
        return LeadRows.stored(s, rows);
    }

    /** Event candidates are read without locks; {@link #claimEvents} settles races. */
    @Override
    public boolean skipLocked() {
        return false;
    }

    /**
     * Claims each chosen row with an update conditional on the claim it was read with ({@code claimable_at}, which
     * every claim moves); a row another claim took first is left out, and so are the later rows of its lead.
     */
    @Override
    public List<EventEntity> claimEvents(JpaSession s, List<EventEntity> chosen, String node, Instant lease) {
        List<EventEntity> claimed = new ArrayList<>(chosen.size());
        Set<UUID> lost = new HashSet<>();
        for (EventEntity e : chosen) {
            if (e.leadId != null && lost.contains(e.leadId)) {
                continue;
            }
            String asRead = e.claimableAt == null ? "e.claimableAt is null" : "e.claimableAt = :was";
            Query update = s.em.createQuery("update LmEvent e set e.claimedBy = :node,"
                    + " e.claimableAt = :lease where e.id = :id and e.state = 'PENDING' and " + asRead)
                    .setParameter("node", node).setParameter("lease", lease).setParameter("id", e.id);
            if (e.claimableAt != null) {
                update.setParameter("was", e.claimableAt);
            }
            if (update.executeUpdate() == 1) {
                claimed.add(e);
            } else if (e.leadId != null) {
                lost.add(e.leadId);
            }
        }
        return claimed;
    }

    /**
     * H2 accepts {@code SKIP LOCKED}, but skips every row another transaction scanned, not only the locked ones: it
     * reads the candidates and claims each with an update conditional on its version; a row another claimer took
     * first is left out.
     */
    @Override
    public List<FollowUp> claimDue(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        List<FollowUp> claimed = new ArrayList<>();
        List<FollowUpEntity> due = s.list(s.em.createQuery("select f from LmFollowUp f where f.state = 'OPEN'"
                + " and f.reminder in ('PENDING', 'CLAIMED') and f.claimableAt <= :now"
                + " order by f.claimableAt, f.id", FollowUpEntity.class).setParameter("now", now)
                .setMaxResults(limit));
        for (FollowUpEntity f : due) {
            int rows = s.em.createQuery("update LmFollowUp f set f.reminder = 'CLAIMED', f.claimableAt = :lease,"
                    + " f.claimedBy = :node, f.attempts = f.attempts + 1, f.version = f.version + 1"
                    + " where f.id = :id and f.version = :version").setParameter("lease", leaseUntil)
                    .setParameter("node", node).setParameter("id", f.id).setParameter("version", f.version)
                    .executeUpdate();
            if (rows == 1) {
                FollowUp before = f.toDomain();
                claimed.add(before.claimed(node, leaseUntil).withVersion(before.version() + 1));
            }
        }
        return claimed;
    }
}
