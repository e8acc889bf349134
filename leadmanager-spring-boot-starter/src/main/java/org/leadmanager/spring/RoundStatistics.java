package org.leadmanager.spring;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the background jobs' statistics share: rounds run, the ones a failure ended, and the last failure, whether of
 * a round or of a single item. Thread-safe.
 */
abstract class RoundStatistics {
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean lastRoundFailed;

    /** A round ended; {@code failure} is what ended it early, or null. */
    void roundEnded(Throwable failure) {
        rounds.incrementAndGet();
        lastRoundFailed = failure != null;
        if (failure != null) {
            failedRounds.incrementAndGet();
            failed(failure);
        }
    }

    /** Something failed: it becomes the last failure. */
    void failed(Throwable failure) {
        String message = failure.getMessage();
        lastFailure.set(failure.getClass().getName() + (message == null ? "" : ": " + message));
    }

    /** @return rounds run */
    public long rounds() {
        return rounds.get();
    }

    /** @return rounds ended early by a failure (e.g. of the store) */
    public long failedRounds() {
        return failedRounds.get();
    }

    /** @return whether the latest round ended early by a failure */
    public boolean lastRoundFailed() {
        return lastRoundFailed;
    }

    /** @return the last failure's class and message, or null if none */
    public String lastFailure() {
        return lastFailure.get();
    }
}
