package org.leadmanager.spring;

import java.time.Duration;
import org.leadmanager.spi.host.Reminder;

/**
 * Counts what the reminder dispatcher of this node did since start: reminders fired, notifier failures (in total
 * and in a row), dispatch rounds and the last failure. Read by the health indicator. Thread-safe.
 */
public final class ReminderStatistics extends NotifierStatistics implements ReminderObserver {

    @Override
    public void fired(Reminder reminder) {
        delivered();
    }

    @Override
    public void failed(Reminder reminder, Exception failure) {
        notifierFailed(failure);
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        roundEnded(failure);
    }

    /** @return reminders the notifier accepted */
    public long fired() {
        return deliveredCount();
    }
}
