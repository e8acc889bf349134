package org.leadmanager.spring;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.leadmanager.spi.host.Reminder;

/**
 * Counts what the reminder dispatcher of this node did since start: reminders fired, notifier failures (in total
 * and in a row), dispatch rounds and the last failure. Read by the health indicator. Thread-safe.
 */
public final class ReminderStatistics extends RoundStatistics implements ReminderObserver {
    private final AtomicLong fired = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedInARow = new AtomicLong();

    @Override
    public void fired(Reminder reminder) {
        fired.incrementAndGet();
        failedInARow.set(0);
    }

    @Override
    public void failed(Reminder reminder, Exception failure) {
        failed.incrementAndGet();
        failedInARow.incrementAndGet();
        failed(failure);
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        roundEnded(failure);
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
}
