package org.leadmanager;

import java.time.Duration;
import java.util.Objects;
import org.leadmanager.spi.host.EscalationNotifier;

/**
 * Escalates each breached first-response deadline once, across any number of nodes sharing a store, with the
 * reminder dispatcher's claim and lease: it claims leads whose deadline passed in batches with a lease, calls the
 * {@link EscalationNotifier}, then settles them in one unit of work per tenant: their clock ends, a
 * {@code FirstResponseBreached} event and timeline entry are recorded and, if the project's
 * {@link org.leadmanager.domain.deadline.FirstResponsePolicy} says so, the lead goes to the next member its
 * assignment policy picks (whose clock then starts). A node that dies after claiming leaves a lease; when it ends
 * another node escalates the lead (the notifier may then see the same idempotency key twice), and only one of
 * them settles it. A lead whose project has no policy any more is settled without escalation. Nothing runs until
 * {@link #start()} or {@link #escalateDue()}.
 *
 * <p>As with reminders, each claim counts as one attempt: a throwing notifier (or a breach that cannot be settled)
 * is tried again with exponential backoff, and after {@code maxAttempts} the escalation is marked failed and listed
 * by {@link Projects#failedEscalations} until the lead's clock ends (its owner responds, it gets another owner or it
 * is closed). A failure is stored as the exception's class name and message, made storable by
 * {@link org.leadmanager.domain.followup.ErrorText ErrorText}; should the store refuse that, as a fixed text; should
 * it refuse that too, the claim expires like a dead node's. A breach claimed more than {@code maxAttempts} times
 * (its last attempt ended without a recorded outcome) is marked failed without calling the notifier again. So the
 * notifier is called at most {@code maxAttempts} times per breach, and no breach is dropped silently: it is
 * settled, or listed as failed once the store takes that write.
 */
public interface EscalationDispatcher extends AutoCloseable {

    /**
     * Settings; start from {@link #defaults(EscalationNotifier)}.
     *
     * @param notifier     called for each breach
     * @param nodeId       names this node in claims; unique per node
     * @param pollInterval pause between polls when started, at least 10 ms
     * @param batchSize    leads claimed per round trip, 1..1000
     * @param lease        how long a claim is held before another node may take it over; longer than notifying a
     *                     whole batch takes
     * @param threads      polling threads when started, 1..64
     * @param maxAttempts  attempts before the escalation is marked failed, 1..100; a claim that ended without a
     *                     recorded outcome counts as one
     * @param backoff      pause after the first failed attempt, doubled for each further one, capped at one hour
     */
    record Options(EscalationNotifier notifier, String nodeId, Duration pollInterval, int batchSize, Duration lease,
            int threads, int maxAttempts, Duration backoff) {

        public Options {
            Objects.requireNonNull(notifier, "notifier");
            Settings.checkNodeId(nodeId);
            Settings.check(pollInterval != null && pollInterval.toMillis() >= 10,
                    "pollInterval must be at least 10 ms");
            Settings.check(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000, was " + batchSize);
            Settings.check(lease != null && lease.toMillis() >= 1, "lease must be positive");
            Settings.check(threads >= 1 && threads <= 64, "threads must be 1..64, was " + threads);
            Settings.check(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts must be 1..100, was " + maxAttempts);
            Settings.check(backoff != null && !backoff.isNegative(), "backoff must not be negative");
        }

        /** Poll every 30 s, batches of 20, 2-minute lease, one thread, 5 attempts from 30 s backoff. */
        public static Options defaults(EscalationNotifier notifier) {
            return new Options(notifier, Settings.randomNodeId(), Duration.ofSeconds(30), 20, Duration.ofMinutes(2),
                    1, 5, Duration.ofSeconds(30));
        }

        public Options withNodeId(String id) {
            return new Options(notifier, id, pollInterval, batchSize, lease, threads, maxAttempts, backoff);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(notifier, nodeId, interval, batchSize, lease, threads, maxAttempts, backoff);
        }

        public Options withBatchSize(int size) {
            return new Options(notifier, nodeId, pollInterval, size, lease, threads, maxAttempts, backoff);
        }

        public Options withLease(Duration length) {
            return new Options(notifier, nodeId, pollInterval, batchSize, length, threads, maxAttempts, backoff);
        }

        public Options withThreads(int count) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, count, maxAttempts, backoff);
        }

        public Options withRetries(int attempts, Duration firstBackoff) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, threads, attempts, firstBackoff);
        }
    }

    /**
     * Claims and escalates every breach now, batch after batch, on the calling thread, until none is left that this
     * node may claim. For hosts that drive escalations from their own scheduler.
     *
     * @return how many breaches this call settled with an escalation
     */
    int escalateDue();

    /** Starts the polling threads. @throws IllegalStateException if already started or closed */
    void start();

    /** Stops polling and waits (up to 30 s) for the running batch to finish. Idempotent. */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();
}
