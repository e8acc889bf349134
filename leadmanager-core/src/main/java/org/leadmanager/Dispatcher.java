package org.leadmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.FollowUpChanges;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim, notify, mark: a claim is a lease, so a node that dies between claim and mark only delays the reminder
 * until the lease ends. Marking checks that the claim is still ours (same node, same lease end), so a reminder
 * taken over by another node after a lease expired is not marked twice. The claim counts the attempt, in the unit of
 * work that takes the reminder, so the notifier is called at most {@code maxAttempts} times per due time even
 * when outcomes cannot be recorded.
 */
final class Dispatcher implements ReminderDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** Recorded when the store refuses the error's own text: plain ASCII that any text column takes. */
    private static final String UNSTORABLE_ERROR = "the notifier failed; its error text could not be stored";

    private final Context ctx;
    private final Options options;
    private final Poller poller;

    Dispatcher(Context ctx, Options options) {
        this.ctx = ctx;
        this.options = options;
        this.poller = new Poller("reminder dispatcher " + options.nodeId(),
                "leadmanager-reminders-" + options.nodeId(), this::dispatchDue, options.pollInterval(),
                options.threads());
    }

    @Override
    public int dispatchDue() {
        int fired = 0;
        List<FollowUp> claimed = claim();
        while (!claimed.isEmpty()) {
            long started = System.nanoTime();
            Marked marked = markFired(deliver(claimed), !poller.stopping());
            fired += marked.count();
            batchDone(claimed.size(), marked.count(), Duration.ofNanos(System.nanoTime() - started));
            // not "fewer than a batch": a store may claim less while more is due (H2 when another node won rows)
            claimed = marked.next() != null ? marked.next() : poller.stopping() ? List.of() : claim();
        }
        return fired;
    }

    private void batchDone(int claimed, int fired, Duration took) {
        try {
            options.listener().batch(claimed, fired, took);
        } catch (RuntimeException e) {
            LOG.warn("Reminder dispatcher listener failed; ignored", e);
        }
    }

    private List<FollowUp> claim() {
        return ctx.store.inTransaction(s -> claim(s, ctx.now()));
    }

    private List<FollowUp> claim(StoreSession s, Instant now) {
        return s.reminders().claimDue(now, options.batchSize(), options.nodeId(), now.plus(options.lease()));
    }

    /** Notifies the owners of a claimed batch; returns the ones delivered. */
    private List<FollowUp> deliver(List<FollowUp> claimed) {
        List<FollowUp> delivered = new ArrayList<>(claimed.size());
        for (FollowUp followUp : claimed) {
            if (!ctx.now().isBefore(followUp.claimableAt())) {
                // the lease ran out while earlier reminders of the batch were sent: another node may have
                // claimed the rest, so leave them to whoever holds them now
                LOG.warn("Lease of node {} ran out during a batch; the lease should outlast a whole batch",
                        options.nodeId());
                break;
            }
            if (followUp.attempts() > options.maxAttempts()) {
                giveUp(followUp);
                continue;
            }
            try {
                options.notifier().notify(new Reminder(followUp.idempotencyKey(), followUp, followUp.attempts()));
                delivered.add(followUp);
            } catch (Exception e) {
                recordFailure(followUp, e);
            }
        }
        return delivered;
    }

    /** How many follow-ups a batch marked fired, and the next batch if it was claimed with them (else null). */
    private record Marked(int count, List<FollowUp> next) {
    }

    /**
     * Marks a batch fired in one unit of work per tenant; if a concurrent change spoils it, one by one. With
     * {@code claimNext}, the unit of work of the last tenant also claims the next batch, saving a commit per batch;
     * if that unit of work fails, so does the claim, and the caller claims anew.
     */
    private Marked markFired(List<FollowUp> delivered, boolean claimNext) {
        Map<TenantId, List<FollowUp>> byTenant = new LinkedHashMap<>();
        delivered.forEach(f -> byTenant.computeIfAbsent(f.tenant(), t -> new ArrayList<>()).add(f));
        int marked = 0;
        List<FollowUp> next = null;
        int left = byTenant.size();
        for (Map.Entry<TenantId, List<FollowUp>> batch : byTenant.entrySet()) {
            Marked done = markTenant(batch.getKey(), batch.getValue(), claimNext && --left == 0);
            marked += done.count();
            next = done.next();
        }
        return new Marked(marked, next);
    }

    /** One tenant's part of a batch: with the next claim if asked; if that fails, alone; if stale, one by one. */
    private Marked markTenant(TenantId tenant, List<FollowUp> followUps, boolean claimNext) {
        if (claimNext) {
            try {
                return markFired(tenant, followUps, true);
            } catch (RuntimeException e) {
                // nothing of it was written: mark again without the claim, so a failing claim cannot undo the marks
                LOG.debug("Marking a batch together with the next claim failed; marking it alone", e);
            }
        }
        try {
            return markFired(tenant, followUps, false);
        } catch (StaleModificationException e) {
            int marked = 0;
            for (FollowUp followUp : followUps) {
                try {
                    marked += markFired(tenant, List.of(followUp), false).count();
                } catch (StaleModificationException stale) {
                    LOG.debug("Follow-up {} changed while its reminder was sent; not marked fired", followUp.id());
                }
            }
            return new Marked(marked, null);
        }
    }

    /**
     * One store call for the whole batch, whatever its size ({@code fireClaimed}: only those still under this
     * claim), then the timeline entries and events of the ones it marked; and, if asked, the next claim.
     */
    private Marked markFired(TenantId tenant, List<FollowUp> followUps, boolean claimNext) {
        return ctx.write(Actor.system(tenant), tx -> {
            List<FollowUp> fired = tx.s.reminders().fireClaimed(tenant, followUps, tx.now);
            for (FollowUp now : fired) {
                // as stored now, not as claimed: a contact merge may have moved the follow-up to another lead
                tx.record(FollowUpChanges.reminded(now));
            }
            return new Marked(fired.size(), claimNext ? claim(tx.s, tx.now) : null);
        });
    }

    /**
     * Records a failed attempt: with the error's text, made storable; if the store refuses that, with a fixed text;
     * if it refuses that too, the claim expires and the attempt still counts (see {@link #giveUp}). Nothing of it
     * is thrown: the rest of the batch goes on.
     */
    private void recordFailure(FollowUp claimed, Exception error) {
        boolean last = claimed.attempts() >= options.maxAttempts();
        String outcome = FailedAttempts.record((text, ifRefused) -> record(claimed, text, last, ifRefused), error,
                last, UNSTORABLE_ERROR);
        FailedAttempts.log(LOG, "Reminder notifier failed for follow-up " + claimed.id() + " (attempt "
                + claimed.attempts() + " of " + options.maxAttempts() + ")" + outcome, error);
    }

    /**
     * A reminder claimed more often than {@code maxAttempts}: each claim counts as an attempt (the claim itself adds
     * it), so the last attempt ended without a recorded outcome that would have stopped the claims, for example a
     * failure the store refused to record, or a node that died or ran out of lease. Sending it again would exceed
     * {@code maxAttempts}: it is marked failed instead, without calling the notifier. Should even that fail, the
     * claim expires and the next claim lands here again, still without calling the notifier.
     */
    private void giveUp(FollowUp claimed) {
        String text = "the last of " + options.maxAttempts() + " attempts ended without a recorded outcome;"
                + " not sent again";
        if (record(claimed, text, true, "; not sent again, its claim expires after the lease")) {
            LOG.warn("Reminder of follow-up {} claimed {} times, more than {} attempts; marked failed", claimed.id(),
                    claimed.attempts(), options.maxAttempts());
        }
    }

    /**
     * Stores the failed attempt, FAILED for good if {@code last}, else pending until its backoff ends.
     *
     * @param ifRefused what happens next if the store fails, for the log
     * @return false if the store failed; true also if the follow-up changed meanwhile (then there is nothing to
     *         record)
     */
    private boolean record(FollowUp claimed, String error, boolean last, String ifRefused) {
        try {
            boolean recorded = ctx.write(Actor.system(claimed.tenant()), tx -> tx.s.reminders().recordFailure(claimed,
                    error, last ? null : tx.now.plus(Settings.backoff(options.backoff(), claimed.attempts()))));
            if (!recorded) {
                LOG.debug("Follow-up {} changed while its reminder failed", claimed.id());
            }
            return true;
        } catch (StaleModificationException e) {
            LOG.debug("Follow-up {} changed while its reminder failed", claimed.id());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed reminder attempt of follow-up {}{}", claimed.id(), ifRefused, e);
            return false;
        }
    }

    @Override
    public void start() {
        poller.start();
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
