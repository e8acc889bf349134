package org.leadmanager.spring;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.event.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the lead manager's event relay with the context: after every bean was created it publishes what is pending
 * every {@code leadmanager.events.relay.poll-interval} on a thread of its own, and at once after each commit that
 * recorded events (when the store is the starter's {@link SpringTransactionLeadStore}: after the host's commit, never
 * for a rolled-back change); when the context closes it stops and waits for the running round. Every
 * {@link EventRelayObserver} is told of each event and each round. {@link #relay()} gives the host the relay's own
 * calls: the events set aside, retrying them, the backlog.
 */
public final class EventRelayLifecycle extends PeriodicTask {
    private static final Logger LOG = LoggerFactory.getLogger(EventRelayLifecycle.class);
    private static final long BACKLOG_MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();

    private final LeadManager leadManager;
    private final EventRelay.Options options;
    private final List<EventRelayObserver> observers;
    /** Replaced when the context starts again after a stop, which closed it. */
    private volatile EventRelay relay;
    private boolean closed;
    private volatile Snapshot backlog;

    private record Snapshot(EventRelay.Backlog backlog, long readAt) {
    }

    /**
     * @param leadManager the lead manager whose events to publish; non-null
     * @param observers   told of every event and round
     * @param settings    the {@code leadmanager.events.relay.*} settings
     * @throws IllegalArgumentException if a setting is out of range
     */
    public EventRelayLifecycle(LeadManager leadManager, List<EventRelayObserver> observers,
            LeadManagerProperties.Relay settings) {
        super("leadmanager-events", settings.getPollInterval(), 1);
        this.observers = List.copyOf(observers);
        EventRelay.Options options = EventRelay.Options.defaults()
                .withPollInterval(settings.getPollInterval())
                .withBatchSize(settings.getBatchSize())
                .withLease(settings.getLease())
                .withRetries(settings.getMaxAttempts(), settings.getBackoff())
                .withRetention(settings.getRetention())
                .withListener(new Told());
        if (settings.getNodeId() != null) {
            options = options.withNodeId(settings.getNodeId());
        }
        this.leadManager = leadManager;
        this.options = options;
        this.relay = leadManager.eventRelay(options);
    }

    /** The relay: its events set aside, retrying them, its backlog. */
    public EventRelay relay() {
        return relay;
    }

    /**
     * Publishes everything publishable now on the calling thread, as one round; also what each round of the
     * lifecycle does.
     *
     * @return events the publisher accepted
     */
    public int relayDue() {
        long start = System.nanoTime();
        try {
            int published = relay.relayDue();
            tell(observer -> observer.round(Duration.ofNanos(System.nanoTime() - start), published, null));
            return published;
        } catch (RuntimeException | Error e) {
            tell(observer -> observer.round(Duration.ofNanos(System.nanoTime() - start), 0, e));
            throw e;
        }
    }

    /** The registry's counts, read from the store at most once a second. */
    public EventRelay.Backlog backlog() {
        Snapshot last = backlog;
        long now = System.nanoTime();
        if (last == null || now - last.readAt() > BACKLOG_MAX_AGE_NANOS) {
            last = new Snapshot(relay.backlog(), now);
            backlog = last;
        }
        return last.backlog();
    }

    @Override
    void runOnce() {
        relayDue();
    }

    /** A stopped relay ends every round after one batch: starting again takes a new one. */
    @Override
    synchronized void starting() {
        if (closed) {
            relay = leadManager.eventRelay(options);
            closed = false;
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        relay.close();
        closed = true;
    }

    private void tell(Consumer<EventRelayObserver> event) {
        for (EventRelayObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                LOG.warn("EventRelayObserver {} failed; ignored", observer, e);
            }
        }
    }

    /** The relay's listener: every observer is told. */
    private final class Told implements EventRelay.Listener {
        @Override
        public void published(EventEnvelope event) {
            tell(observer -> observer.published(event));
        }

        @Override
        public void failed(EventEnvelope event, Exception failure) {
            tell(observer -> observer.failed(event, failure));
        }

        @Override
        public void setAside(UUID eventId, String reason) {
            tell(observer -> observer.setAside(eventId, reason));
        }
    }
}
