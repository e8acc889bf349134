package org.leadmanager;

import java.time.Duration;
import java.util.Objects;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * Fires each due follow-up's reminder once, across any number of nodes sharing a store: it claims due follow-ups in
 * batches with a lease, calls the {@link ReminderNotifier}, then marks them fired and publishes
 * {@code FollowUpDue}. A node that dies after claiming leaves a lease; when it expires another node fires the
 * follow-up (the notifier may then see the same idempotency key twice). A throwing notifier is retried with
 * exponential backoff; after {@code maxAttempts} the reminder is marked failed and listed by
 * {@link FollowUps#failedReminders}. Nothing runs until {@link #start()} or {@link #dispatchDue()}.
 *
 * <p>Each claim counts as one attempt, so the notifier is called at most {@code maxAttempts} times per due time,
 * whatever happens to the outcomes. A failure is recorded as the exception's class name and message, made storable
 * by {@link org.leadmanager.domain.followup.ErrorText ErrorText} (characters a database refuses replaced, cut to
 * {@link org.leadmanager.domain.followup.FollowUp#MAX_ERROR} chars); should the store refuse even that, as a fixed
 * text; should it refuse that too, the claim expires like a dead node's. A reminder claimed more than
 * {@code maxAttempts} times (its last attempt ended without a recorded outcome: a failure the store refused, a node
 * that died or ran out of lease) is marked failed without calling the notifier again. No reminder is sent more
 * than {@code maxAttempts} times, and none is dropped silently: it fires, or is listed as failed once the store
 * takes that write.
 */
public interface ReminderDispatcher extends AutoCloseable {

    /**
     * Settings; start from {@link #defaults(ReminderNotifier)}.
     *
     * @param notifier     called for each due follow-up
     * @param nodeId       names this node in claims; unique per node
     * @param pollInterval pause between polls when started, at least 10 ms
     * @param batchSize    follow-ups claimed per round trip, 1..1000
     * @param lease        how long a claim is held before another node may take it over; longer than notifying a
     *                     whole batch takes, since a batch is claimed at once and marked after its last call
     * @param threads      polling threads when started, 1..64
     * @param maxAttempts  notifier attempts before the reminder is marked failed, 1..100; a claim that ended without
     *                     a recorded outcome counts as one
     * @param backoff      pause after the first failed attempt, doubled for each further one, capped at one hour
     * @param listener     told of each batch, e.g. for metrics
     */
    record Options(ReminderNotifier notifier, String nodeId, Duration pollInterval, int batchSize, Duration lease,
            int threads, int maxAttempts, Duration backoff, Listener listener) {

        public Options {
            Objects.requireNonNull(notifier, "notifier");
            Settings.checkNodeId(nodeId);
            check(pollInterval != null && pollInterval.toMillis() >= 10, "pollInterval must be at least 10 ms");
            check(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000, was " + batchSize);
            check(lease != null && lease.toMillis() >= 1, "lease must be positive");
            check(threads >= 1 && threads <= 64, "threads must be 1..64, was " + threads);
            check(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts must be 1..100, was " + maxAttempts);
            check(backoff != null && !backoff.isNegative(), "backoff must not be negative");
            Objects.requireNonNull(listener, "listener");
        }

        /** Poll every 5 s, batches of 20, 2-minute lease, one thread, 5 attempts from 30 s backoff. */
        public static Options defaults(ReminderNotifier notifier) {
            return new Options(notifier, Settings.randomNodeId(), Duration.ofSeconds(5), 20, Duration.ofMinutes(2), 1,
                    5, Duration.ofSeconds(30), Listener.NONE);
        }

        public Options withNodeId(String id) {
            return new Options(notifier, id, pollInterval, batchSize, lease, threads, maxAttempts, backoff, listener);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(notifier, nodeId, interval, batchSize, lease, threads, maxAttempts, backoff, listener);
        }

        public Options withBatchSize(int size) {
            return new Options(notifier, nodeId, pollInterval, size, lease, threads, maxAttempts, backoff, listener);
        }

        public Options withLease(Duration length) {
            return new Options(notifier, nodeId, pollInterval, batchSize, length, threads, maxAttempts, backoff,
                    listener);
        }

        public Options withThreads(int count) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, count, maxAttempts, backoff, listener);
        }

        public Options withRetries(int attempts, Duration firstBackoff) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, threads, attempts, firstBackoff,
                    listener);
        }

        public Options withListener(Listener batches) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, threads, maxAttempts, backoff,
                    batches);
        }

        private static void check(boolean ok, String message) {
            Settings.check(ok, message);
        }
    }

    /**
     * Told of each batch a dispatcher works through, on the dispatching thread; should be fast and should not throw
     * (what it throws is logged and ignored).
     */
    @FunctionalInterface
    interface Listener {
        /** Tells nothing. */
        Listener NONE = (claimed, fired, took) -> {
        };

        /**
         * A claimed batch was worked through: its reminders sent and the ones delivered marked fired.
         *
         * @param claimed reminders in the batch
         * @param fired   of them, marked fired
         * @param took    from the batch's first notifier call until it was marked
         */
        void batch(int claimed, int fired, Duration took);
    }

    /**
     * Claims and fires everything due now, batch after batch, on the calling thread, until nothing is due.
     * For hosts that drive reminders from their own scheduler.
     *
     * @return how many reminders fired
     */
    int dispatchDue();

    /** Starts the polling threads. @throws IllegalStateException if already started or closed */
    void start();

    /**
     * Stops polling and waits (up to 30 s) for the running batch to finish; a batch already claimed is still sent
     * and marked, so at most one more batch follows the call. Idempotent.
     */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();
}
