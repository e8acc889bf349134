package org.leadmanager.spring;

import java.time.Duration;
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
public final class ReminderDispatcherLifecycle extends PeriodicTask {
    private final LeadManager leadManager;
    private final ReminderDispatcher.Options options;
    private final ObservedReminderNotifier notifier;
    /** Replaced when the context starts again after a stop, which closed it. */
    private volatile ReminderDispatcher dispatcher;
    private boolean closed;

    /**
     * @param leadManager the lead manager whose reminders to fire; non-null
     * @param notifier    the host's notifier; non-null
     * @param observers   told of every notifier call and round
     * @param settings    the {@code leadmanager.reminders.*} settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public ReminderDispatcherLifecycle(LeadManager leadManager, ReminderNotifier notifier,
            List<ReminderObserver> observers, LeadManagerProperties.Reminders settings) {
        super("leadmanager-reminders", settings.getPollInterval(), settings.getThreads());
        this.notifier = new ObservedReminderNotifier(notifier, observers);
        ReminderDispatcher.Options options = ReminderDispatcher.Options.defaults(this.notifier)
                .withPollInterval(settings.getPollInterval())
                .withBatchSize(settings.getBatchSize())
                .withLease(settings.getLease())
                .withThreads(settings.getThreads())
                .withRetries(settings.getMaxAttempts(), settings.getBackoff())
                .withListener(this.notifier);
        if (settings.getNodeId() != null) {
            options = options.withNodeId(settings.getNodeId());
        }
        this.leadManager = leadManager;
        this.options = options;
        this.dispatcher = leadManager.reminderDispatcher(options);
    }

    /** Fires everything due now on the calling thread, as one round; also what each polling round does. */
    public int dispatchDue() {
        long start = System.nanoTime();
        try {
            int fired = dispatcher.dispatchDue();
            notifier.round(Duration.ofNanos(System.nanoTime() - start), fired, null);
            return fired;
        } catch (RuntimeException | Error e) {
            notifier.round(Duration.ofNanos(System.nanoTime() - start), 0, e);
            throw e;
        }
    }

    @Override
    void runOnce() {
        dispatchDue();
    }

    /** A stopped dispatcher ends every round after one batch: starting again takes a new one. */
    @Override
    synchronized void starting() {
        if (closed) {
            dispatcher = leadManager.reminderDispatcher(options);
            closed = false;
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        dispatcher.close();
        closed = true;
    }
}
