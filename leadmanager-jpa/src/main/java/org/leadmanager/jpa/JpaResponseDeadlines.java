package org.leadmanager.jpa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.spi.store.ResponseDeadlineQueue;

/**
 * The claim queue of breached first-response deadlines over {@code lm_lead}: claims are the database's
 * ({@link SqlDialect#claimBreached}) and move {@code response_claimable_at} to the lease end; settling is an update
 * conditional on the claim (node, lease end and deadline), so a node whose lease was overtaken settles nothing.
 * Neither touches the lead's version.
 */
final class JpaResponseDeadlines implements ResponseDeadlineQueue {
    private static final Comparator<Claimed> BY_DEADLINE = Comparator
            .comparing((Claimed c) -> c.lead().responseDueAt())
            .thenComparing(c -> c.lead().id().value(), JpaSession.UNSIGNED);

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
            claimed.add(new Claimed(row.toDomain(), node, leaseUntil));
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
            int rows = s.em.createQuery("update LmLead l set l.responseDueAt = null, l.responseClaimableAt = null,"
                    + " l.responseClaimedBy = null where l.id = :id and l.tenantId = :tenant"
                    + " and l.responseClaimedBy = :node and l.responseClaimableAt = :lease and l.responseDueAt = :due")
                    .setParameter("id", c.lead().id().value()).setParameter("tenant", tenant.value())
                    .setParameter("node", c.node()).setParameter("lease", c.leaseUntil())
                    .setParameter("due", c.lead().responseDueAt()).executeUpdate();
            if (rows == 1) {
                settled.add(c.lead().id());
            }
        }
        return settled;
    }
}
