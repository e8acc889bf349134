package org.leadmanager.spring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.leadmanager.spi.host.Reminder;

/**
 * Counts what the reminder dispatcher of this node did since start: reminders fired, notifier failures (in total
 * and in a row), dispatch rounds and the last failure. Read by the health indicator. Thread-safe.
 */
public final class ReminderStatistics implements ReminderObserver {
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedInARow = new AtomicLong();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean lastRoundFailed;

    @Override
    public void fired(Reminder reminder) {
        fired.incrementAndGet();
        failedInARow.set(0);
    }

    @Override
    public void failed(Reminder reminder, Exception failure) {
        failed.incrementAndGet();
        failedInARow.incrementAndGet();
        lastFailure.set(describe(failure));
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        rounds.incrementAndGet();
        lastRoundFailed = failure != null;
        if (failure != null) {
            failedRounds.incrementAndGet();
            lastFailure.set(describe(failure));
        }
    }

    /** @return reminders the notifier accepted */
    public long fired() {
        return fired.get();
    }

    /** @return notifier calls that threw */
    public long failed() {
        return failed.get();
    }

    /** @return notifier calls that threw since the last one that did not */
    public long failedInARow() {
        return failedInARow.get();
    }

    /** @return dispatch rounds run */
    public long rounds() {
        return rounds.get();
    }

    /** @return dispatch rounds ended early by a failure (e.g. of the store) */
    public long failedRounds() {
        return failedRounds.get();
    }

    /** @return whether the latest dispatch round ended early by a failure */
    public boolean lastRoundFailed() {
        return lastRoundFailed;
    }

    /** @return the last failure's class and message, or null if none */
    public String lastFailure() {
        return lastFailure.get();
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getName() + (message == null ? "" : ": " + message);
    }
}
