package org.leadmanager.spring;

import java.util.List;
import org.leadmanager.EscalationDispatcher;
import org.leadmanager.LeadManager;
import org.leadmanager.spi.host.EscalationNotifier;

/**
 * Runs the lead manager's escalation dispatcher with the context, as {@link ReminderDispatcherLifecycle} runs the
 * reminders': after every bean was created it escalates the breached first-response deadlines every
 * {@code leadmanager.escalations.poll-interval} on {@code threads} threads of its own (each round through
 * {@link EscalationDispatcher#escalateDue()}); when the context closes it stops polling and waits for the running
 * round. Every {@link EscalationObserver} is told of each notifier call and each round.
 */
public final class EscalationDispatcherLifecycle extends DispatcherLifecycle<EscalationDispatcher> {
    private final ObservedEscalationNotifier notifier;

    /**
     * @param leadManager the lead manager whose breaches to escalate; non-null
     * @param notifier    the host's notifier; non-null
     * @param observers   told of every notifier call and round
     * @param settings    the {@code leadmanager.escalations.*} settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public EscalationDispatcherLifecycle(LeadManager leadManager, EscalationNotifier notifier,
            List<EscalationObserver> observers, LeadManagerProperties.Escalations settings) {
        this(leadManager, new ObservedEscalationNotifier(notifier, observers), settings);
    }

    private EscalationDispatcherLifecycle(LeadManager leadManager, ObservedEscalationNotifier notifier,
            LeadManagerProperties.Escalations settings) {
        this(leadManager, notifier, options(notifier, settings), settings);
    }

    private EscalationDispatcherLifecycle(LeadManager leadManager, ObservedEscalationNotifier notifier,
            EscalationDispatcher.Options options, LeadManagerProperties.Escalations settings) {
        super("leadmanager-escalations", settings.getPollInterval(), settings.getThreads(),
                () -> leadManager.escalationDispatcher(options), EscalationDispatcher::close);
        this.notifier = notifier;
    }

    private static EscalationDispatcher.Options options(ObservedEscalationNotifier notifier,
            LeadManagerProperties.Escalations settings) {
        EscalationDispatcher.Options options = EscalationDispatcher.Options.defaults(notifier)
                .withPollInterval(settings.getPollInterval())
                .withBatchSize(settings.getBatchSize())
                .withLease(settings.getLease())
                .withThreads(settings.getThreads())
                .withRetries(settings.getMaxAttempts(), settings.getBackoff());
        return settings.getNodeId() == null ? options : options.withNodeId(settings.getNodeId());
    }

    /** Escalates every breach due now on the calling thread, as one round; also what each polling round does. */
    public int escalateDue() {
        return round(EscalationDispatcher::escalateDue, notifier::round);
    }

    @Override
    void runOnce() {
        escalateDue();
    }
}
