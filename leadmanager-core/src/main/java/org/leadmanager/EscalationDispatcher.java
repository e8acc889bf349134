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
 * them settles it. A throwing notifier leaves the claim to expire, so the breach is tried again after the lease.
 * A lead whose project has no policy any more is settled without escalation. Nothing runs until {@link #start()}
 * or {@link #escalateDue()}.
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
     */
    record Options(EscalationNotifier notifier, String nodeId, Duration pollInterval, int batchSize, Duration lease,
            int threads) {

        public Options {
            Objects.requireNonNull(notifier, "notifier");
            Settings.checkNodeId(nodeId);
            Settings.check(pollInterval != null && pollInterval.toMillis() >= 10,
                    "pollInterval must be at least 10 ms");
            Settings.check(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000, was " + batchSize);
            Settings.check(lease != null && lease.toMillis() >= 1, "lease must be positive");
            Settings.check(threads >= 1 && threads <= 64, "threads must be 1..64, was " + threads);
        }

        /** Poll every 30 s, batches of 20, 2-minute lease, one thread. */
        public static Options defaults(EscalationNotifier notifier) {
            return new Options(notifier, Settings.randomNodeId(), Duration.ofSeconds(30), 20, Duration.ofMinutes(2),
                    1);
        }

        public Options withNodeId(String id) {
            return new Options(notifier, id, pollInterval, batchSize, lease, threads);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(notifier, nodeId, interval, batchSize, lease, threads);
        }

        public Options withBatchSize(int size) {
            return new Options(notifier, nodeId, pollInterval, size, lease, threads);
        }

        public Options withLease(Duration length) {
            return new Options(notifier, nodeId, pollInterval, batchSize, length, threads);
        }

        public Options withThreads(int count) {
            return new Options(notifier, nodeId, pollInterval, batchSize, lease, count);
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
