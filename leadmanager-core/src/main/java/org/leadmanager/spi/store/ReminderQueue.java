package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.List;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.followup.FollowUp;

/**
 * Store SPI: the claim queue of follow-up reminders, as the reminder dispatcher works it: claim due reminders with a
 * lease, mark the delivered ones fired, record failed attempts. Every change here is conditional on the claim (node
 * and lease end) the caller holds, so a node whose lease ran out and was overtaken changes nothing.
 */
public interface ReminderQueue {

    /**
     * Claims up to {@code limit} follow-ups of any tenant that are {@link FollowUp#claimable claimable} at
     * {@code now}, earliest first, marking each {@link FollowUp#claimed claimed} by {@code node} until
     * {@code leaseUntil} and counting the attempt. Concurrent claims from any number of nodes never return the same
     * follow-up twice while its lease runs (PostgreSQL and MariaDB: {@code FOR UPDATE SKIP LOCKED}). A store may
     * claim fewer than {@code limit} while more are due (for example when another node won some of the rows).
     *
     * @param now non-null
     * @param limit most follow-ups to claim; none if below 1
     * @param node non-null id of the claiming node
     * @param leaseUntil non-null end of the lease
     * @return the claimed follow-ups as stored now (claimed, with their new versions), earliest claimable first
     */
    List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil);

    /**
     * Marks fired ({@link FollowUp#fired}) those of the claimed follow-ups that are still open and under the very
     * claim they were returned with by {@link #claimDue}: same node and same lease end (not the same version: a
     * contact merge moves a follow-up without touching its claim). The others are left alone.
     *
     * @param tenant non-null; follow-ups of other tenants are left alone
     * @param claimed follow-ups as {@link #claimDue} returned them, non-null
     * @param now non-null, the time recorded as the reminder's
     * @return the follow-ups marked fired, as stored now (the current lead, the new version), in input order
     * @throws org.leadmanager.error.StaleModificationException if a concurrent change interfered; the unit of work
     *         must then be rolled back
     */
    List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now);

    /**
     * Records a failed delivery attempt ({@link FollowUp#attemptFailed}) of a claimed follow-up, but only while it
     * is still open and under the claim it was returned with (same node and lease end).
     *
     * @param claimed as {@link #claimDue} returned it, non-null
     * @param error the storable error text, non-null
     * @param retryAt when the reminder becomes claimable again; null: it failed for good
     * @return whether the attempt was recorded; false if the follow-up is gone, closed or claimed anew
     */
    boolean recordFailure(FollowUp claimed, String error, Instant retryAt);

    /**
     * Open follow-ups of the tenant whose reminder failed for good, by due time, then id, at most {@code limit}.
     *
     * @param tenant non-null
     */
    List<FollowUp> findFailed(TenantId tenant, int limit);
}
