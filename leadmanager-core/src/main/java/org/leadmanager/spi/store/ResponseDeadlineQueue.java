package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Lead;

/**
 * Store SPI: the claim queue of breached first-response deadlines, as the escalation dispatcher works it, with the
 * reminder queue's claim and lease ({@link ReminderQueue}): claim breached leads with a lease, then settle the ones
 * escalated. A lead is claimable while its deadline ({@link Lead#responseDueAt}) has passed and no lease on it
 * runs; setting its deadline ({@link LeadRepository#setResponseDue}) drops any claim. Claims never change a lead's
 * version, so they never make a user's change of the lead stale.
 */
public interface ResponseDeadlineQueue {

    /**
     * A lead claimed for escalation: as stored when claimed, with the claim.
     *
     * @param lead       the lead; {@code lead.responseDueAt()} is the deadline that passed
     * @param node       who holds the claim
     * @param leaseUntil when the claim ends and another node may take the lead
     */
    record Claimed(Lead lead, String node, Instant leaseUntil) {
    }

    /**
     * Claims up to {@code limit} leads of any tenant whose deadline is at or before {@code now} and that no running
     * lease holds, earliest deadline first, for {@code node} until {@code leaseUntil}. Concurrent claims from any
     * number of nodes never return the same lead twice while its lease runs (PostgreSQL and MariaDB:
     * {@code FOR UPDATE SKIP LOCKED}). A store may claim fewer than {@code limit} while more are breached.
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
}
