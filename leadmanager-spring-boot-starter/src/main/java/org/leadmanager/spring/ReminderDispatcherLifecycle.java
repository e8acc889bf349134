package org.leadmanager.spring;

import java.util.List;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * Runs the lead manager's reminder dispatcher with the context: after every bean was created it dispatches what is
 * due every {@code leadmanager.reminders.poll-interval} on {@code threads} threads of its own (each round claims and
 * fires everything due, batch after batch, through {@link ReminderDispatcher#dispatchDue()}); when the context
 * closes it stops polling and waits for the running round. Every {@link ReminderObserver} is told of each notifier
 * call, each batch and each round.
 */
public final class ReminderDispatcherLifecycle extends DispatcherLifecycle<ReminderDispatcher> {
    private final ObservedReminderNotifier notifier;

    /**
     * @param leadManager the lead manager whose reminders to fire; non-null
     * @param notifier    the host's notifier; non-null
     * @param observers   told of every notifier call and round
     * @param settings    the {@code leadmanager.reminders.*} settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public ReminderDispatcherLifecycle(LeadManager leadManager, ReminderNotifier notifier,
            List<ReminderObserver> observers, LeadManagerProperties.Reminders settings) {
        this(leadManager, new ObservedReminderNotifier(notifier, observers), settings);
    }

    private ReminderDispatcherLifecycle(LeadManager leadManager, ObservedReminderNotifier notifier,
            LeadManagerProperties.Reminders settings) {
        this(leadManager, notifier, options(notifier, settings), settings);
    }

    private ReminderDispatcherLifecycle(LeadManager leadManager, ObservedReminderNotifier notifier,
            ReminderDispatcher.Options options, LeadManagerProperties.Reminders settings) {
        super("leadmanager-reminders", settings.getPollInterval(), settings.getThreads(),
                () -> leadManager.reminderDispatcher(options), ReminderDispatcher::close);
        this.notifier = notifier;
    }

    private static ReminderDispatcher.Options options(ObservedReminderNotifier notifier,
            LeadManagerProperties.Reminders settings) {
        ReminderDispatcher.Options options = ReminderDispatcher.Options.defaults(notifier)
                .withPollInterval(settings.getPollInterval())
                .withBatchSize(settings.getBatchSize())
                .withLease(settings.getLease())
                .withThreads(settings.getThreads())
                .withRetries(settings.getMaxAttempts(), settings.getBackoff())
                .withListener(notifier);
        return settings.getNodeId() == null ? options : options.withNodeId(settings.getNodeId());
    }

    /** Fires everything due now on the calling thread, as one round; also what each polling round does. */
    public int dispatchDue() {
        return round(ReminderDispatcher::dispatchDue, notifier::round);
    }

    @Override
    void runOnce() {
        dispatchDue();
    }
}
