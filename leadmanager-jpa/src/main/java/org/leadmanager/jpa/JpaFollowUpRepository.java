package org.leadmanager.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadmanager.StaleModificationException;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.spi.FollowUpRepository;

/** Follow-ups in {@code lm_follow_up}, which is also the reminder claim queue. */
final class JpaFollowUpRepository implements FollowUpRepository {
    private static final String CLAIMABLE = "state = 'OPEN' AND reminder IN ('PENDING', 'CLAIMED')";

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

    @Override
    public List<FollowUp> findFailed(TenantId tenant, int limit) {
        return map(s.limited("select f from LmFollowUp f where f.tenantId = ?1 and f.reminder = 'FAILED'"
                + " order by f.dueAt, f.id", FollowUpEntity.class, limit, tenant.value()));
    }

    private static List<FollowUp> map(List<FollowUpEntity> entities) {
        return entities.stream().map(FollowUpEntity::toDomain).toList();
    }
}
