package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;

/** Store SPI: follow-ups and the claim queue of their reminders. */
public interface FollowUpRepository {

    void insert(FollowUp followUp);

    /** @return the follow-up with its new version. @throws org.leadmanager.error.StaleModificationException on mismatch */
    FollowUp update(FollowUp followUp);

    Optional<FollowUp> find(TenantId tenant, FollowUpId id);

    /**
     * The tenant's follow-ups with the given ids, by id; ids the tenant has no follow-up for are absent. The
     * default asks {@link #find} for each; stores override it with one query (the reminder dispatcher checks a
     * whole claimed batch at once).
     */
    default Map<FollowUpId, FollowUp> findAll(TenantId tenant, Collection<FollowUpId> ids) {
        Map<FollowUpId, FollowUp> found = new LinkedHashMap<>();
        for (FollowUpId id : ids) {
            find(tenant, id).ifPresent(f -> found.put(id, f));
        }
        return found;
    }

    /**
     * Stores each changed follow-up as {@link #update} does. The default calls {@link #update} for each; stores
     * override it with one round trip (the reminder dispatcher marks a whole batch fired at once).
     *
     * @return the follow-ups with their new versions, in input order
     * @throws org.leadmanager.error.StaleModificationException if any stored version differs; the unit of work must then
     *         be rolled back, as after a failed {@link #update}
     */
    default List<FollowUp> updateAll(List<FollowUp> followUps) {
        List<FollowUp> updated = new ArrayList<>(followUps.size());
        for (FollowUp followUp : followUps) {
            updated.add(update(followUp));
        }
        return updated;
    }

    /**
     * Marks fired ({@link FollowUp#fired}) those of the claimed follow-ups that are still open and under the very
     * claim they were returned with by {@link #claimDue}: same node and same lease end (not the same version: a
     * contact merge moves a follow-up without touching its claim). The others are left alone.
     *
     * <p>The default reads them with {@link #findAll} and writes them with {@link #updateAll}; stores override it
     * with one conditional update (the reminder dispatcher marks a whole batch at once).
     *
     * @param claimed follow-ups as {@link #claimDue} returned them
     * @return the follow-ups marked fired, as stored now (the current lead, the new version), in input order
     * @throws org.leadmanager.error.StaleModificationException if a concurrent change interfered; the unit of work must
     *         then be rolled back
     */
    default List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now) {
        Map<FollowUpId, FollowUp> current = findAll(tenant, claimed.stream().map(FollowUp::id).toList());
        List<FollowUp> fired = new ArrayList<>(claimed.size());
        for (FollowUp c : claimed) {
            FollowUp stored = current.get(c.id());
            if (stored != null && stored.open() && stored.reminder() == ReminderState.CLAIMED
                    && Objects.equals(c.claimedBy(), stored.claimedBy())
                    && Objects.equals(c.claimableAt(), stored.claimableAt())) {
                fired.add(stored.fired(now));
            }
        }
        return updateAll(fired);
    }

    /** A lead's follow-ups, by due time. */
    List<FollowUp> findByLead(TenantId tenant, LeadId lead);

    /** A user's open follow-ups by due time, at most {@code limit}. */
    List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit);

    /** Moves every follow-up of one lead to another (contact merge). */
    void moveAll(TenantId tenant, LeadId from, LeadId into);

    /**
     * Claims up to {@code limit} follow-ups of any tenant that are {@link FollowUp#claimable claimable} at
     * {@code now}, earliest first, marking each {@link FollowUp#claimed claimed} by {@code node} until
     * {@code leaseUntil}. Concurrent claims from any number of nodes never return the same follow-up twice while
     * its lease runs (PostgreSQL and MariaDB: {@code FOR UPDATE SKIP LOCKED}).
     *
     * @return the claimed follow-ups with their new versions
     */
    List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil);

    /** Open follow-ups of the tenant whose reminder failed for good, by due time, at most {@code limit}. */
    List<FollowUp> findFailed(TenantId tenant, int limit);
}
