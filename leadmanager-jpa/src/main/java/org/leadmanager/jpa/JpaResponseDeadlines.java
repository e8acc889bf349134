package org.leadmanager.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.FailedEscalation;
import org.leadmanager.spi.store.ResponseDeadlineQueue;

/**
 * The claim queue of breached first-response deadlines over {@code lm_lead}: claims are the database's
 * ({@link SqlDialect#claimBreached}) and move {@code response_claimable_at} to the lease end, counting
 * {@code response_attempts}; settling and recording a failure are updates conditional on the claim (node, lease end
 * and deadline), so a node whose lease was overtaken changes nothing. None touches the lead's version.
 */
final class JpaResponseDeadlines implements ResponseDeadlineQueue {
    private static final Comparator<Claimed> BY_DEADLINE = Comparator
            .comparing((Claimed c) -> c.lead().responseDueAt())
            .thenComparing(c -> c.lead().id().value(), JpaSession.UNSIGNED);

    /** The condition every change but the claim carries: the lead is still under the very claim it was taken with. */
    private static final String UNDER_CLAIM = " where l.id = :id and l.tenantId = :tenant"
            + " and l.responseClaimedBy = :node and l.responseClaimableAt = :lease and l.responseDueAt = :due";

    private final JpaSession s;

    JpaResponseDeadlines(JpaSession session) {
        this.s = session;
    }

    @Override
    public List<Claimed> claimBreached(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (limit < 1) {
            return List.of();
        }
        List<Claimed> claimed = new ArrayList<>();
        for (LeadEntity row : s.dialect.claimBreached(s, now, limit, node, leaseUntil)) {
            claimed.add(new Claimed(row.toDomain(), node, leaseUntil, row.responseAttempts + 1));
        }
        claimed.sort(BY_DEADLINE);
        return claimed;
    }

    /** One conditional JPQL update per lead: a batch is small, and each must say whether it was still ours. */
    @Override
    public List<LeadId> settleClaimed(TenantId tenant, List<Claimed> claimed) {
        List<LeadId> settled = new ArrayList<>(claimed.size());
        for (Claimed c : claimed) {
            if (c.lead().responseDueAt() == null || !c.lead().tenant().equals(tenant)) {
                continue;
            }
            if (underClaim(s.em.createQuery("update LmLead l set l.responseDueAt = null,"
                    + " l.responseClaimableAt = null, l.responseClaimedBy = null, l.responseAttempts = 0,"
                    + " l.responseError = null" + UNDER_CLAIM), tenant, c).executeUpdate() == 1) {
                settled.add(c.lead().id());
            }
        }
        return settled;
    }

    /** One JPQL update, conditional on the claim. */
    @Override
    public boolean recordFailure(Claimed claimed, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        if (claimed.lead().responseDueAt() == null) {
            return false;
        }
        return underClaim(s.em.createQuery("update LmLead l set l.responseClaimableAt = :retryAt,"
                + " l.responseClaimedBy = null, l.responseError = :error" + UNDER_CLAIM), claimed.lead().tenant(),
                claimed).setParameter("retryAt", retryAt).setParameter("error", error).executeUpdate() == 1;
    }

    /** Binds {@link #UNDER_CLAIM}'s parameters. */
    private static jakarta.persistence.Query underClaim(jakarta.persistence.Query update, TenantId tenant,
            Claimed c) {
        return update.setParameter("id", c.lead().id().value()).setParameter("tenant", tenant.value())
                .setParameter("node", c.node()).setParameter("lease", c.leaseUntil())
                .setParameter("due", c.lead().responseDueAt());
    }

    @Override
    public List<FailedEscalation> findFailed(TenantId tenant, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return s.<LeadEntity>list(s.em.createQuery("select l from LmLead l where l.tenantId = :tenant"
                + " and l.responseDueAt is not null and l.responseClaimableAt is null"
                + " order by l.responseDueAt, l.id", LeadEntity.class).setParameter("tenant", tenant.value())
                .setMaxResults(limit)).stream()
                .map(l -> new FailedEscalation(l.toDomain(), l.responseAttempts,
                        l.responseError == null ? "" : l.responseError))
                .toList();
    }
}
