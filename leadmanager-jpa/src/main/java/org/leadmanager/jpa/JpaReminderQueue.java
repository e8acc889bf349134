package org.leadmanager.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.spi.store.ReminderQueue;

/**
 * The reminder claim queue over {@code lm_follow_up}: claims are the database's ({@link SqlDialect#claimDue}),
 * marking and recording are updates conditional on the claim (node and lease end), so a node whose lease was
 * overtaken changes nothing.
 */
final class JpaReminderQueue implements ReminderQueue {
    private final JpaSession s;

    JpaReminderQueue(JpaSession session) {
        this.s = session;
    }

    @Override
    public List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        return limit < 1 ? List.of() : s.dialect.claimDue(s, now, limit, node, leaseUntil);
    }

    /** One conditional update per claim (node and lease end) in the batch, normally one for the whole batch. */
    @Override
    public List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now) {
        record Claim(String node, Instant lease) {
        }
        Map<Claim, List<UUID>> byClaim = new LinkedHashMap<>();
        for (FollowUp f : claimed) {
            if (f.claimedBy() != null && f.claimableAt() != null) {
                byClaim.computeIfAbsent(new Claim(f.claimedBy(), f.claimableAt()), c -> new ArrayList<>())
                        .add(f.id().value());
            }
        }
        Map<UUID, FollowUp> fired = new HashMap<>();
        byClaim.forEach((claim, ids) -> {
            for (int from = 0; from < ids.size(); from += JpaSession.IN_LIMIT) {
                for (FollowUpEntity row : s.dialect.fireClaimed(s, tenant.value(),
                        ids.subList(from, Math.min(ids.size(), from + JpaSession.IN_LIMIT)), claim.node(),
                        claim.lease(), now)) {
                    fired.put(row.id, row.toDomain());
                }
            }
        });
        List<FollowUp> result = new ArrayList<>(fired.size());
        for (FollowUp c : claimed) {
            FollowUp f = fired.remove(c.id().value());
            if (f != null) {
                result.add(f);
            }
        }
        return result;
    }

    /** One JPQL update, conditional on the claim. */
    @Override
    public boolean recordFailure(FollowUp claimed, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        FollowUp failed = claimed.attemptFailed(error, retryAt);
        return s.em.createQuery("update LmFollowUp f set f.reminder = :reminder, f.claimableAt = :retryAt,"
                + " f.lastError = :error, f.version = f.version + 1 where f.id = :id and f.tenantId = :tenant"
                + " and f.state = 'OPEN' and f.reminder = 'CLAIMED' and f.claimedBy = :node"
                + " and f.claimableAt = :lease")
                .setParameter("reminder", failed.reminder().name()).setParameter("retryAt", failed.claimableAt())
                .setParameter("error", failed.lastError()).setParameter("id", claimed.id().value())
                .setParameter("tenant", claimed.tenant().value()).setParameter("node", claimed.claimedBy())
                .setParameter("lease", claimed.claimableAt()).executeUpdate() == 1;
    }

    @Override
    public List<FollowUp> findFailed(TenantId tenant, int limit) {
        // open ones only, as the in-memory store and FollowUps.failedReminders: closing one settles its reminder
        return JpaFollowUpRepository.map(s.list(s.em.createQuery("select f from LmFollowUp f"
                + " where f.tenantId = :tenant and f.reminder = 'FAILED' and f.state = 'OPEN'"
                + " order by f.dueAt, f.id", FollowUpEntity.class).setParameter("tenant", tenant.value())
                .setMaxResults(limit)));
    }
}
