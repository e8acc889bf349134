package org.leadmanager.spring;

import java.time.Duration;
import java.util.List;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * The host's notifier, with every outcome told to the reminder observers; also the dispatcher's batch listener, so
 * the observers hear of each batch.
 */
final class ObservedReminderNotifier implements ReminderNotifier, ReminderDispatcher.Listener {
    private final ReminderNotifier host;
    private final Observers<ReminderObserver> observers;

    ObservedReminderNotifier(ReminderNotifier host, List<ReminderObserver> observers) {
        this.host = host;
        this.observers = new Observers<>(observers, "ReminderObserver");
    }

    @Override
    public void notify(Reminder reminder) throws Exception {
        try {
            host.notify(reminder);
        } catch (Exception e) {
            observers.tell(observer -> observer.failed(reminder, e));
            throw e;
        }
        observers.tell(observer -> observer.fired(reminder));
    }

    @Override
    public void batch(int claimed, int fired, Duration took) {
        observers.tell(observer -> observer.batch(claimed, fired, took));
    }

    void round(Duration took, int fired, Throwable failure) {
        observers.tell(observer -> observer.round(took, fired, failure));
    }
}
