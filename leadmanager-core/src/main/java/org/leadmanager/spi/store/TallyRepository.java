package org.leadmanager.spi.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.domain.tally.TallyRange;

/**
 * Store SPI: kept tallies, numbers per project that the core keeps in step with its changes. The core hands every
 * unit of work's deltas to {@link #add} in that unit of work, so they commit or roll back with the change that
 * caused them; a number's value is the sum of everything added to it. Reading one must not cost more as the
 * project's leads grow: that is what the tallies are for.
 *
 * <p>Units of work that add to the same number concurrently must not wait for each other on one stored row (8
 * threads qualifying into one project, or several nodes): a store keeps additions apart and sums them when read,
 * folding them together now and then (the JPA store), or runs its units of work one at a time anyway (the
 * in-memory store).
 *
 * <p>Every call is scoped to the tenant it is given.
 */
public interface TallyRepository {

    /**
     * Adds the deltas in this unit of work.
     *
     * @param tenant whose projects the deltas are of
     * @param deltas at most one per project and key (as {@link org.leadmanager.domain.tally.Tallies#net} gives
     *               them)
     */
    void add(TenantId tenant, List<TallyDelta> deltas);

    /**
     * Settles the given numbers of a project in this unit of work, after {@link #add}: a number that sums to zero
     * then keeps no stored trace, whatever rows other units of work hold. An erasure calls it for the numbers it
     * took back, since a key may hold a value of the erased lead (its lost reason's key); waiting for other units of
     * work is allowed here. A store that keeps no zero sums does nothing.
     */
    void settle(TenantId tenant, ProjectId project, Set<TallyKey> keys);

    /**
     * The project's numbers of one tally: key to sum, including this unit of work's additions. Numbers that sum to
     * zero may be absent.
     */
    Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Tally tally);

    /**
     * The project's numbers of several tallies read together, from one state of the store (one statement), for
     * numbers derived from more than one tally: key (which names its tally) to sum, as
     * {@link #sums(TenantId, ProjectId, Tally)}.
     */
    Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Set<Tally> tallies);

    /**
     * The project's numbers in the given ranges, read together from one state of the store (one statement): key
     * (which names its tally) to sum, each summed further as its range says ({@link TallyRange#subDropped}), and
     * what several ranges return under one key added up; numbers that sum to zero may be absent. The ranges do not
     * overlap (callers make sure: a stored number is read by one range at most, so stores need not decide whether it
     * counts once or once per range). Reading must cost what the ranges hold, not what the project holds besides
     * (the funnel reads a time window of a project's days), and a store should sum where the numbers are rather
     * than return each (the funnel's window of a year holds numbers of 12 months, or of 365 days).
     */
    Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, List<TallyRange> ranges);

    /** The numbers of one tally for every project of the tenant, as {@link #sums(TenantId, ProjectId, Tally)}. */
    Map<ProjectId, Map<TallyKey, Long>> sums(TenantId tenant, Tally tally);

    /**
     * Corrects the project's lead tallies to what its leads say: {@link Tally#STATUS} is the number of leads per
     * status ({@link TallyKey#status}), {@link Tally#OWNER} the number of leads per owner and status
     * ({@link TallyKey#owner}), unassigned leads not counted. For a host that changed leads behind the library's
     * back (edited the tables by hand, restored a backup of one table): the difference between the count and the
     * kept sum is added as one more delta, both taken from one consistent state of the store, so changes committing
     * concurrently stay counted exactly once. Concurrent recounts of one project wait for each other.
     *
     * @return the corrections added, by key: count minus kept sum (empty when the tallies were right)
     */
    Map<TallyKey, Long> recount(TenantId tenant, ProjectId project);
}
