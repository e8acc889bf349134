package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.followup.ErrorText;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.spi.store.StoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim, publish, mark: three steps, the first and the last each a short unit of work, the publisher called between
 * them outside any; while a round goes on, the marks of one batch and the claim of the next share one. The claim is a
 * lease, so a relay that dies after claiming only delays its events until the lease ends; marking and recording
 * failures change only what is still under this relay's claim. Events retaken after such a lease are published one
 * at a time, each attempt counted first, so an event whose publisher kills the relay every time is set aside all the
 * same.
 *
 * <p>Within a batch, the events of a lead after one that was not published (its publisher threw, or its failure
 * could not be recorded) are given back unpublished: the store hands them out again only after that one went out or
 * was set aside.
 */
final class Relay implements EventRelay {
    private static final Logger LOG = LoggerFactory.getLogger(Relay.class);
    /** Recorded when the store refuses the error's own text: plain ASCII that any text column takes. */
    private static final String UNSTORABLE_ERROR = "the publisher failed; its error text could not be stored";
    private static final int PURGE_BATCH = 1000;
    /** Claims that lose a race with another relay (H2) are tried this often before the round ends. */
    private static final int CLAIM_TRIES = 3;
    private static final int MAX_LISTED = 10_000;

    private final Context ctx;
    private final Options options;
    private final Poller poller;

    Relay(Context ctx, Options options) {
        this.ctx = ctx;
        this.options = options;
        this.poller = new Poller("event relay " + options.nodeId(), "leadmanager-events-" + options.nodeId(),
                this::relayDue, options.pollInterval(), 1);
    }

    @Override
    public int relayDue() {
        if (!ctx.events) {
            return 0;
        }
        purge();
        int published = 0;
        List<ClaimedEvent> batch = claim();
        while (!batch.isEmpty()) {
            Outcome outcome = relay(batch);
            published += outcome.published();
            if (outcome.next() != null && poller.stopping()) {
                // claimed with the marks while a stop was asked for: given back rather than left to its lease
                giveBack(outcome.next());
                break;
            }
            // not "fewer than a batch": a store may claim less while more is publishable; but a batch that settled
            // nothing (its lease ran out at once, or all of it waits behind events held elsewhere) ends the round
            batch = outcome.next() != null ? outcome.next()
                    : poller.stopping() || !outcome.progressed() ? List.of() : claim();
        }
        return published;
    }

    /**
     * What a batch did: events published, whether any event was published, set aside or failed on record, and the
     * next batch if it was claimed with the marks (else null).
     */
    private record Outcome(int published, boolean progressed, List<ClaimedEvent> next) {
    }

    private void purge() {
        if (options.retention().isZero()) {
            return;
        }
        Instant before = ctx.now().minus(options.retention());
        int removed;
        do {
            removed = ctx.store.inTransaction(s -> s.events().purgePublished(before, PURGE_BATCH));
        } while (removed == PURGE_BATCH && !poller.stopping());
    }

    private List<ClaimedEvent> claim() {
        for (int attempt = 1; ; attempt++) {
            try {
                return ctx.store.inTransaction(this::claim);
            } catch (StaleModificationException e) {
                if (attempt == CLAIM_TRIES) {
                    LOG.debug("Relay {} lost {} claims in a row to other relays; trying at the next round",
                            options.nodeId(), attempt, e);
                    return List.of();
                }
            }
        }
    }

    private List<ClaimedEvent> claim(StoreSession s) {
        Instant now = ctx.now();
        return s.events().claim(now, options.batchSize(), options.nodeId(), now.plus(options.lease()));
    }

    /**
     * Publishes a claimed batch in order, marks what went out, gives back what must wait. With nothing to give
     * back and no stop asked for, the marks share their unit of work with the next claim.
     */
    private Outcome relay(List<ClaimedEvent> batch) {
        List<ClaimedEvent> published = new ArrayList<>(batch.size());
        List<ClaimedEvent> marked = new ArrayList<>();
        List<ClaimedEvent> unused = new ArrayList<>();
        Set<LeadId> held = new HashSet<>();
        int tried = 0;
        for (ClaimedEvent event : batch) {
            if (!ctx.now().isBefore(event.leaseUntil())) {
                // another relay may have claimed the rest: leave them to whoever holds them now
                LOG.warn("Lease of relay {} ran out during a batch; the lease should outlast a whole batch",
                        options.nodeId());
                break;
            }
            if (event.lead() != null && held.contains(event.lead())) {
                unused.add(event);
                continue;
            }
            tried++;
            if (!publish(event, published, marked)) {
                if (event.lead() != null) {
                    held.add(event.lead());
                }
            }
        }
        List<ClaimedEvent> next = null;
        if (!published.isEmpty()) {
            next = markPublished(published, unused.isEmpty() && !poller.stopping());
        }
        if (!unused.isEmpty()) {
            giveBack(unused);
        }
        return new Outcome(published.size() + marked.size(), tried > 0, next);
    }

    /** Gives claimed events back for any relay to claim again, or leaves them to the end of their lease. */
    private void giveBack(List<ClaimedEvent> claimed) {
        try {
            ctx.store.inTransaction(s -> {
                s.events().release(claimed);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.warn("Relay {} could not give back {} claimed events; they wait for the end of the lease",
                    options.nodeId(), claimed.size(), e);
        }
    }

    /**
     * Marks published events in one unit of work; with {@code claimNext} it also claims the next batch, saving a
     * commit per batch. Should that unit of work fail, nothing of it was written: the marks are made again alone,
     * so a failing claim cannot undo them, and the caller claims anew.
     *
     * @return the next batch if it was claimed here, else null
     */
    private List<ClaimedEvent> markPublished(List<ClaimedEvent> published, boolean claimNext) {
        boolean keep = !options.retention().isZero();
        if (claimNext) {
            try {
                return ctx.store.inTransaction(s -> {
                    s.events().markPublished(published, ctx.now(), keep);
                    return claim(s);
                });
            } catch (RuntimeException e) {
                LOG.debug("Marking a batch together with the next claim failed; marking it alone", e);
            }
        }
        ctx.store.inTransaction(s -> s.events().markPublished(published, ctx.now(), keep));
        return null;
    }

    /**
     * Publishes one claimed event, or sets it aside when it cannot be read. A published event joins
     * {@code published}, to be marked with the batch, or, published with care, {@code marked}, marked already.
     *
     * @return false if the later events of its lead must wait: it was neither published nor set aside
     */
    private boolean publish(ClaimedEvent event, List<ClaimedEvent> published, List<ClaimedEvent> marked) {
        if (event.envelope() == null) {
            return setAside(event, event.attempts() + 1, "the store cannot read the event: " + event.unreadable());
        }
        return event.retaken() ? publishWithCare(event, marked) : attempt(event, published);
    }

    /**
     * An event whose earlier claim ended without an outcome may have killed its relay: its attempt is counted
     * before the publisher is called, and it is marked published on its own right after, so that should it kill this
     * relay too, the events before it are done and only it counts one more attempt. One that has run out of
     * attempts so is set aside without another call.
     */
    private boolean publishWithCare(ClaimedEvent event, List<ClaimedEvent> marked) {
        if (event.attempts() >= options.maxAttempts()) {
            return setAside(event, event.attempts(), event.attempts() + " attempts ended without a recorded outcome"
                    + " (the relay died or ran out of lease); not published again");
        }
        boolean counted;
        try {
            counted = ctx.store.inTransaction(s -> s.events().countAttempt(event));
        } catch (RuntimeException e) {
            LOG.warn("Could not count an attempt of event {}; it waits for the end of the lease", event.id(), e);
            return false;
        }
        if (!counted) {
            return false;
        }
        List<ClaimedEvent> one = new ArrayList<>(1);
        boolean settled = attempt(event, one);
        if (!one.isEmpty()) {
            ctx.store.inTransaction(s -> s.events().markPublished(one, ctx.now(), !options.retention().isZero()));
            marked.add(event);
        }
        return settled;
    }

    /** Calls the publisher; a published event joins {@code published}, a failure is recorded. */
    private boolean attempt(ClaimedEvent event, List<ClaimedEvent> published) {
        try {
            ctx.publisher.publish(event.envelope());
        } catch (Exception e) {
            tell(listener -> listener.failed(event.envelope(), e));
            return recordFailure(event, e);
        }
        published.add(event);
        tell(listener -> listener.published(event.envelope()));
        return true;
    }

    /**
     * Records a failed attempt: with the error's text, made storable; if the store refuses that, with a fixed text.
     *
     * @return whether the event was set aside (its last attempt failed and that was recorded)
     */
    private boolean recordFailure(ClaimedEvent event, Exception error) {
        int attempt = event.attempts() + 1;
        boolean last = attempt >= options.maxAttempts();
        Instant retryAt = last ? null : ctx.now().plus(Settings.backoff(options.backoff(), attempt));
        String text = ErrorText.of(error);
        boolean recorded = record(event, attempt, text, retryAt)
                || record(event, attempt, UNSTORABLE_ERROR, retryAt);
        String outcome = !recorded ? "; not recorded, it is retried after the lease"
                : last ? "; set aside" : "; retried at " + retryAt;
        LOG.warn("Publishing event {} ({}) failed, attempt {} of {}{}: {}", event.id(), event.type(), attempt,
                options.maxAttempts(), outcome, text);
        if (last && recorded) {
            tell(listener -> listener.setAside(event.id(), text));
        }
        return last && recorded;
    }

    private boolean setAside(ClaimedEvent event, int attempts, String reason) {
        String text = ErrorText.storable(reason);
        if (!record(event, attempts, text, null)) {
            return false;
        }
        LOG.warn("Event {} ({}) set aside: {}", event.id(), event.type(), text);
        tell(listener -> listener.setAside(event.id(), text));
        return true;
    }

    /** @return whether the store recorded it (false also when the claim was overtaken) */
    private boolean record(ClaimedEvent event, int attempts, String error, Instant retryAt) {
        try {
            return ctx.store.inTransaction(s -> s.events().recordFailure(event, attempts, error, retryAt));
        } catch (RuntimeException e) {
            LOG.warn("Could not record the failed publication of event {}", event.id(), e);
            return false;
        }
    }

    private void tell(Consumer<Listener> call) {
        try {
            call.accept(options.listener());
        } catch (RuntimeException e) {
            LOG.warn("The event relay's listener failed", e);
        }
    }

    @Override
    public void start() {
        poller.start();
        ctx.relayStarted(poller);
    }

    @Override
    public void stop() {
        ctx.relayStopped(poller);
        poller.stop();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public Backlog backlog() {
        return ctx.read(s -> new Backlog(s.events().countPending(), s.events().countSetAside(),
                s.events().countKept()));
    }

    @Override
    public List<SetAsideEvent> setAside(int limit) {
        if (limit < 1) {
            throw ValidationException.of("limit", "Min", "must be at least 1", "value", 1);
        }
        if (limit > MAX_LISTED) {
            throw ValidationException.of("limit", "Max", "must be at most " + MAX_LISTED, "value", MAX_LISTED);
        }
        return ctx.read(s -> s.events().findSetAside(limit));
    }

    @Override
    public boolean retry(SetAsideEvent event) {
        if (event == null) {
            throw ValidationException.of("event", "NotNull", "must not be null");
        }
        boolean retried = ctx.store.inTransaction(s -> s.events().retry(event.tenant(), event.id()));
        if (retried) {
            poller.wakeUp();
        }
        return retried;
    }

    @Override
    public int retryAll() {
        int retried = ctx.store.inTransaction(s -> s.events().retryAll());
        if (retried > 0) {
            poller.wakeUp();
        }
        return retried;
    }
}
