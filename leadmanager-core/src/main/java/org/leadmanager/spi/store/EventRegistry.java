package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.SetAsideEvent;

/**
 * Store SPI: the publication registry, one entry per recorded event, as the event relay works it. An event joins it
 * when the unit of work that recorded it ({@link StoreSession#recordEvents}) commits, numbered in commit order
 * ({@code seq}), pending. A relay claims pending events with a lease, publishes them outside any unit of work, then
 * marks them published; a failed attempt puts an event back with a retry time, or sets it aside for good. Every
 * change here is conditional on the claim (node and lease end) the caller holds, so a relay whose lease ran out and
 * was overtaken changes nothing. Every outcome (published, failed, set aside, given back) ends the claim; a claim
 * that ends only with its lease leaves the event {@linkplain ClaimedEvent#retaken retaken} at its next claim.
 *
 * <p><b>Order per lead.</b> Of the pending events of one lead ({@code EventEnvelope.event().lead()}), only a
 * leading run may be claimed: an event is never handed out while an earlier pending event of its lead is claimed by
 * another relay, waits for a retry, or is not handed out in the same claim. Events set aside or published do not hold
 * back the later ones; events of no lead are not ordered.
 *
 * <p>Tenant-agnostic like the relay, except {@link #retry}. Valid only inside {@link LeadStore#inTransaction}.
 */
public interface EventRegistry {

    /**
     * Claims up to {@code limit} pending events of any tenant that are claimable at {@code now} (never tried, or
     * their lease or retry time reached), in {@code seq} order, observing the order per lead (see the class
     * comment), marking each claimed by {@code node} until {@code leaseUntil}. A claim counts no attempt. Concurrent
     * claims never return the same event twice while its lease runs. A store may claim fewer than {@code limit}
     * while more are claimable (for example when another relay holds some of the rows).
     *
     * @param now        non-null
     * @param limit      most events to claim; none if below 1
     * @param node       non-null id of the claiming relay
     * @param leaseUntil non-null end of the lease
     * @return the claimed events in {@code seq} order; an event the store cannot read back comes without envelope
     */
    List<ClaimedEvent> claim(Instant now, int limit, String node, Instant leaseUntil);

    /**
     * Marks published those of the events still under the claim they were returned with: removes them, or with
     * {@code keep} keeps them, published at {@code now}, until {@link #purgePublished} removes them.
     *
     * @param published events as {@link #claim} returned them, non-null
     * @param now       non-null
     * @param keep      whether to keep the rows as published rather than remove them
     * @return how many were marked
     */
    int markPublished(List<ClaimedEvent> published, Instant now, boolean keep);

    /**
     * Counts the next attempt of a claimed event (its attempts become {@code claimed.attempts() + 1}) while it is
     * still under that claim, before it is published: for events that may kill their relay, so that one that keeps
     * doing so runs out of attempts.
     *
     * @param claimed as {@link #claim} returned it, non-null
     * @return whether it was counted; false if the event is gone or claimed anew
     */
    boolean countAttempt(ClaimedEvent claimed);

    /**
     * Records how an attempt of a claimed event failed, while it is still under that claim: pending again, unclaimed,
     * from {@code retryAt}, or with {@code retryAt} null set aside.
     *
     * @param claimed  as {@link #claim} returned it, non-null
     * @param attempts the event's attempts from now on
     * @param error    the storable error text, non-null
     * @param retryAt  when it becomes claimable again; null: set it aside
     * @return whether it was recorded; false if the event is gone or claimed anew
     */
    boolean recordFailure(ClaimedEvent claimed, int attempts, String error, Instant retryAt);

    /**
     * Gives claims back unused: those still under the claim they were returned with become unclaimed and claimable
     * at once.
     *
     * @param claimed as {@link #claim} returned them, non-null
     */
    void release(List<ClaimedEvent> claimed);

    /** Events set aside, of any tenant, in {@code seq} order, at most {@code limit}. */
    List<SetAsideEvent> findSetAside(int limit);

    /**
     * Makes an event set aside pending again, claimable at once, with no attempts counted.
     *
     * @param tenant non-null; an event of another tenant is left alone
     * @param id     non-null
     * @return false if the tenant has no such event set aside
     */
    boolean retry(TenantId tenant, UUID id);

    /** Makes every event set aside pending again, as {@link #retry} does. @return how many */
    int retryAll();

    /**
     * Removes up to {@code limit} events kept as published ({@link #markPublished} with {@code keep}) that were
     * published before {@code publishedBefore}.
     *
     * @return how many were removed
     */
    int purgePublished(Instant publishedBefore, int limit);

    /** How many events are pending, claimed ones included. */
    long countPending();

    /** How many events are set aside. */
    long countSetAside();

    /** How many published events are kept. */
    long countKept();
}
