package org.leadmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.LeadId;

/**
 * Erases leads past their project's {@link RetentionRule}, on any number of nodes sharing a store. Nothing runs
 * until {@link #start()} or {@link #eraseDue()}; {@link #dryRun} lists what would go without changing anything.
 *
 * <p>Each lead is erased in a unit of work of its own, after checking under the lead's lock that it is still past
 * its limit (a note added meanwhile saves it). Nodes may find the same leads; the first erases a lead, the others
 * find it gone and skip it, so each lead is erased and receipted ({@code LeadErased}) once. Time comes from the lead
 * manager's clock.
 */
public interface RetentionJob extends AutoCloseable {

    /**
     * Settings; start from {@link #of(List)}.
     *
     * @param rules        the rules, at most one per project and kind makes sense; non-null, copied
     * @param pollInterval pause between rounds when started, at least 10 ms
     * @param batchSize    leads looked at per query, 1..1000
     */
    record Options(List<RetentionRule> rules, Duration pollInterval, int batchSize) {

        public Options {
            rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
            Settings.check(pollInterval != null && pollInterval.toMillis() >= 10,
                    "pollInterval must be at least 10 ms");
            Settings.check(batchSize >= 1 && batchSize <= 1000, "batchSize must be 1..1000, was " + batchSize);
        }

        /** The rules, polled every hour, in batches of 100. */
        public static Options of(List<RetentionRule> rules) {
            return new Options(rules, Duration.ofHours(1), 100);
        }

        public Options withPollInterval(Duration interval) {
            return new Options(rules, interval, batchSize);
        }

        public Options withBatchSize(int size) {
            return new Options(rules, pollInterval, size);
        }
    }

    /**
     * A lead past its limit.
     *
     * @param rule           the rule it is past
     * @param lead           its id
     * @param lastActivityAt its last activity
     */
    record Due(RetentionRule rule, LeadId lead, Instant lastActivityAt) {
    }

    /**
     * The leads that {@link #eraseDue} would erase now, rule by rule, each rule's oldest first, at most
     * {@code limit} in all. Changes nothing.
     */
    List<Due> dryRun(int limit);

    /**
     * Erases every lead past its limit now, on the calling thread, batch after batch. For hosts that drive the job
     * from their own scheduler.
     *
     * @return how many leads this call erased
     */
    int eraseDue();

    /** Starts a polling thread. @throws IllegalStateException if already started or closed */
    void start();

    /** Stops polling, waiting (up to 30 s) for the running round. Idempotent. */
    void stop();

    /** Same as {@link #stop()}. */
    @Override
    void close();
}
