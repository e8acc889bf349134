package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.FailedEscalation;
import org.leadmanager.domain.lead.Lead;

/**
 * Store SPI: the claim queue of breached first-response deadlines, as the escalation dispatcher works it, with the
 * reminder queue's claim and lease ({@link ReminderQueue}): claim breached leads with a lease (each claim counts an
 * attempt), then settle the ones escalated or record a failed attempt. A lead is claimable while its deadline
 * ({@link Lead#responseDueAt}) has passed, no lease on it runs and no failed attempt's retry time lies ahead; a lead
 * whose escalation failed for good is claimable no more and listed by {@link #findFailed}. Setting its deadline
 * ({@link LeadRepository#setResponseDue}) drops any claim, attempt count and failure. Claims never change a lead's
 * version, so they never make a user's change of the lead stale. Every change here but the claim is conditional on
 * the claim (node, lease end and deadline) the caller holds, so a node whose lease was overtaken changes nothing.
 */
public interface ResponseDeadlineQueue {

    /**
     * A lead claimed for escalation: as stored when claimed, with the claim.
     *
     * @param lead       the lead; {@code lead.responseDueAt()} is the deadline that passed
     * @param node       who holds the claim
     * @param leaseUntil when the claim ends and another node may take the lead
     * @param attempts   escalation attempts at this deadline, this claim's included (1 on the first claim)
     */
    record Claimed(Lead lead, String node, Instant leaseUntil, int attempts) {
    }

    /**
     * Claims up to {@code limit} leads of any tenant whose deadline is at or before {@code now} and that no running
     * lease holds, earliest deadline first, for {@code node} until {@code leaseUntil}. Concurrent claims from any
     * number of nodes never return the same lead twice while its lease runs (PostgreSQL and MariaDB:
     * {@code FOR UPDATE SKIP LOCKED}). A store may claim fewer than {@code limit} while more are breached. Each
     * claim counts one attempt.
     *
     * @return the claimed leads, earliest deadline first
     */
    List<Claimed> claimBreached(Instant now, int limit, String node, Instant leaseUntil);

    /**
     * Ends the clocks of those claimed leads that are still under the very claim they were returned with (same node
     * and lease end, same deadline): their deadline becomes null. The others (responded to, reassigned, erased or
     * claimed anew since) are left alone.
     *
     * @param tenant  leads of other tenants are left alone
     * @param claimed as {@link #claimBreached} returned them
     * @return the ids of the leads settled, in input order
     */
    List<LeadId> settleClaimed(TenantId tenant, List<Claimed> claimed);

    /**
     * Records a failed escalation attempt of a claimed lead, but only while it is under the very claim it was
     * returned with (same node, lease end and deadline): the lease ends, the error is kept and the lead becomes
     * claimable again at {@code retryAt}, or never again (failed for good, listed by {@link #findFailed}) when
     * {@code retryAt} is null. The deadline stays.
     *
     * @param claimed as {@link #claimBreached} returned it
     * @param error   the storable error text, non-null
     * @param retryAt when the lead becomes claimable again; null: it failed for good
     * @return whether the attempt was recorded; false if the lead is gone, its clock was set anew or it was claimed
     *         anew
     */
    boolean recordFailure(Claimed claimed, String error, Instant retryAt);

    /**
     * The tenant's leads whose escalation failed for good and whose clock still runs, earliest deadline first, then
     * by id, at most {@code limit}.
     */
    List<FailedEscalation> findFailed(TenantId tenant, int limit);
}
