package org.leadmanager;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.spi.host.EventPublisher;

/**
 * Publishes committed events to the lead manager's {@link EventPublisher}, from the store's publication registry,
 * across any number of relays and nodes sharing a store. A relay claims pending events in batches with a lease (a
 * short transaction of its own), publishes them outside any transaction, then marks them published in another short
 * transaction that changes only what is still under its claim (and, within a round, claims the next batch). Writes
 * never publish: nothing goes out until a relay runs, started ({@link #start()}) or driven ({@link #relayDue()}).
 *
 * <p><b>At least once.</b> A relay that dies between publishing and marking leaves its claims to expire; another
 * relay publishes those events again after the lease, with the same {@link EventEnvelope#id()}, the key to
 * deduplicate by. Two relays never hold the same event at the same time, so without failures each event is
 * published once.
 *
 * <p><b>Order.</b> Events of one lead ({@link org.leadmanager.domain.event.DomainEvent#lead()}) are published in the
 * order their changes committed: no relay publishes one while an earlier event of that lead is pending with another
 * relay or waits for a retry. One relay publishes in commit order; events of different leads may overtake each
 * other across relays.
 *
 * <p><b>Failures.</b> When the publisher throws, the event is retried after {@code backoff}, then twice that, and
 * so on (capped at one hour), up to {@code maxAttempts} attempts; the later events of its lead wait meanwhile. Then it
 * is set aside with its error, and so is an event the store cannot read back: listed by {@link #setAside(int)},
 * retried by the host ({@link #retry}, {@link #retryAll()}), never in the way of other events, later ones of its
 * lead included. Events retaken after a relay died are published one at a time, each attempt counted before the
 * publisher is called, so an event that keeps killing its relay is set aside too.
 *
 * <p><b>Published rows.</b> With {@code retention} zero (the default) an event leaves the store in the transaction
 * that marks it published. With a longer retention it is kept, marked with its publication time, and the relay
 * removes it once the retention is over; the rows hold personal data, so keep them only as long as needed.
 */
public interface EventRelay extends AutoCloseable {

    /** What the relay did, for metrics; called on the relaying thread. Must be fast; what it throws is logged. */
    interface Listener {

        /** The publisher accepted an event. */
        default void published(EventEnvelope event) {
        }

        /** The publisher threw for an event; it is retried after its backoff or, after the last attempt, set aside. */
        default void failed(EventEnvelope event, Exception failure) {
        }

        /** An event was set aside; {@code reason} is the error stored with it. */
        default void setAside(UUID eventId, String reason) {
        }
    }

    /**
     * Settings; start from {@link #defaults()}.
     *
     * @param nodeId       names this relay in claims; unique per relay
     * @param pollInterval pause between rounds when started, at least 10 ms
     * @param batchSize    events claimed per round trip, 1..1000
     * @param lease        how long a claim is held before another relay may take it over; longer than publishing a
     *                     whole batch takes, since a batch is claimed at once and marked after its last event
     * @param maxAttempts  publish attempts before an event is set aside, 1..100; once an event was retaken after its
     *                     relay died, each attempt counts whatever its outcome
     * @param backoff      pause after the first failed attempt, doubled for each further one, capped at one hour
     * @param retention    how long published events are kept in the store; zero: not at all
     * @param listener     told of what the relay does
     */
    record Options(String nodeId, Duration pollInterval, int batchSize, Duration lease, int maxAttempts,
            Duration backoff, Duration retention, Listener listener) {

        public Options {
            Settings.checkNodeId(nodeId);
            Settings.check(pollInterval != null && pollInterval.toMillis() >= 10, "pollInterval must be at least 10 ms");
            Settings.check(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000, was " + batchSize);
            Settings.check(lease != null && lease.toMillis() >= 1, "lease must be positive");
            Settings.check(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts must be 1..100, was " + maxAttempts);
            Settings.check(backoff != null && !backoff.isNegative(), "backoff must not be negative");
            Settings.check(retention != null && !retention.isNegative(), "retention must not be negative");
            Objects.requireNonNull(listener, "listener");
        }

        /**
         * A random node id, polling every second, batches of 100, a 2-minute lease, 10 attempts from a 10 s backoff,
         * published events removed at once, no listener.
         */
        public static Options defaults() {
            return new Options(Settings.randomNodeId(), Duration.ofSeconds(1), 100, Duration.ofMinutes(2), 10,
                    Duration.ofSeconds(10), Duration.ZERO, new Listener() { });
        }

        public Options withNodeId(String id) {
            return new Options(id, pollInterval, batchSize, lease, maxAttempts, backoff, retention, listener);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(nodeId, interval, batchSize, lease, maxAttempts, backoff, retention, listener);
        }

        public Options withBatchSize(int size) {
            return new Options(nodeId, pollInterval, size, lease, maxAttempts, backoff, retention, listener);
        }

        public Options withLease(Duration length) {
            return new Options(nodeId, pollInterval, batchSize, length, maxAttempts, backoff, retention, listener);
        }

        public Options withRetries(int attempts, Duration firstBackoff) {
            return new Options(nodeId, pollInterval, batchSize, lease, attempts, firstBackoff, retention, listener);
        }

        public Options withRetention(Duration keep) {
            return new Options(nodeId, pollInterval, batchSize, lease, maxAttempts, backoff, keep, listener);
        }

        public Options withListener(Listener told) {
            return new Options(nodeId, pollInterval, batchSize, lease, maxAttempts, backoff, retention, told);
        }
    }

    /**
     * The registry's state, over all tenants.
     *
     * @param pending  events not yet published nor set aside, claimed ones included: the backlog
     * @param setAside events set aside, waiting for the host
     * @param kept     published events kept for the retention
     */
    record Backlog(long pending, long setAside, long kept) {
    }

    /**
     * Claims and publishes everything publishable now, batch after batch, on the calling thread, until nothing is
     * left (events waiting for a retry or held by other relays stay); with a retention, first removes the published
     * events whose retention is over. For hosts that drive the relay from their own scheduler; every node may call it
     * at the same time. Without a publisher ({@link EventPublisher#none()}) it publishes nothing.
     *
     * @return how many events the publisher accepted
     * @throws org.leadmanager.error.StoreException if the store fails; what was published is marked as far as
     *         the store allowed, the rest is published again after its lease
     */
    int relayDue();

    /**
     * Starts a daemon thread that relays every {@code pollInterval}, and right after each change of this lead manager
     * that recorded events (a change inside a host's transaction is picked up by the next poll after the host's
     * commit). @throws IllegalStateException if already started or closed
     */
    void start();

    /**
     * Stops the thread and waits (up to 30 s) for the running batch: a batch already claimed is still published and
     * marked. Idempotent.
     */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();

    /** The registry's counts. @throws org.leadmanager.error.StoreException if the store fails */
    Backlog backlog();

    /**
     * Events set aside, of every tenant, in commit order.
     *
     * @param limit most to list, 1..10,000
     * @throws org.leadmanager.error.ValidationException if the limit is out of range
     */
    List<SetAsideEvent> setAside(int limit);

    /**
     * Puts an event set aside back in line, with no attempts counted: the next round publishes it (before the later
     * events of its lead that are still pending).
     *
     * @param event as {@link #setAside(int)} listed it
     * @return false if it is no longer set aside
     * @throws org.leadmanager.error.ValidationException if event is null
     */
    boolean retry(SetAsideEvent event);

    /** Puts every event set aside back in line, as {@link #retry} does. @return how many */
    int retryAll();
}
