package org.leadmanager.spring;

import java.util.List;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's notifier, with every outcome told to the reminder observers; also the dispatcher's batch listener, so
 * the observers hear of each batch.
 */
final class ObservedReminderNotifier implements ReminderNotifier, ReminderDispatcher.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ObservedReminderNotifier.class);

    private final ReminderNotifier host;
    private final List<ReminderObserver> observers;

    ObservedReminderNotifier(ReminderNotifier host, List<ReminderObserver> observers) {
        this.host = host;
        this.observers = List.copyOf(observers);
    }

    @Override
    public void notify(Reminder reminder) throws Exception {
        try {
            host.notify(reminder);
        } catch (Exception e) {
            tell(observer -> observer.failed(reminder, e));
            throw e;
        }
        tell(observer -> observer.fired(reminder));
    }

    @Override
    public void batch(int claimed, int fired, java.time.Duration took) {
        tell(observer -> observer.batch(claimed, fired, took));
    }

    void round(java.time.Duration took, int fired, Throwable failure) {
        tell(observer -> observer.round(took, fired, failure));
    }

    private void tell(java.util.function.Consumer<ReminderObserver> event) {
        for (ReminderObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("ReminderObserver {} failed; ignored", observer, e);
            }
        }
    }
}
