package org.leadmanager.spring;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the dispatchers' statistics (reminders, escalations) share: notifier calls accepted, the ones that threw (in
 * total and in a row), besides the rounds. Thread-safe.
 */
abstract class NotifierStatistics extends RoundStatistics {
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedInARow = new AtomicLong();

    /** The notifier accepted one. */
    final void delivered() {
        delivered.incrementAndGet();
        failedInARow.set(0);
    }

    /** The notifier threw. */
    final void notifierFailed(Throwable failure) {
        failed.incrementAndGet();
        failedInARow.incrementAndGet();
        failed(failure);
    }

    /** @return notifier calls that did not throw */
    final long deliveredCount() {
        return delivered.get();
    }

    /** @return notifier calls that threw */
    public final long failed() {
        return failed.get();
    }

    /** @return notifier calls that threw since the last one that did not */
    public final long failedInARow() {
        return failedInARow.get();
    }
}
