package org.leadmanager.tck;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;

/**
 * An {@link EventPublisher} that keeps every envelope it receives, in order, and can be made to fail, for all events
 * or for some, or to "crash" its relay with an {@link Error}. A store may be shared by many fixtures, and a relay
 * publishes everything pending in the store, so read the events of one tenant only. Thread-safe.
 */
public final class RecordingPublisher implements EventPublisher {

    /** Thrown to simulate a relay that dies between claiming and marking an event. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash() {
            super("relay node crashed (TCK)");
        }
    }

    private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
    private final List<EventEnvelope> refused = new CopyOnWriteArrayList<>();
    private volatile Predicate<EventEnvelope> failWhen = e -> false;
    private volatile Predicate<EventEnvelope> crashWhen = e -> false;

    @Override
    public void publish(EventEnvelope event) {
        if (crashWhen.test(event)) {
            throw new Crash();
        }
        if (failWhen.test(event)) {
            refused.add(event);
            throw new IllegalStateException("event publisher is down (TCK)");
        }
        received.add(event);
    }

    /** While true, every publish throws and nothing is recorded as received. */
    public void failing(boolean fail) {
        failWhen(e -> fail);
    }

    /** Makes publishing the events the predicate holds for throw (a failed attempt); the others are received. */
    public void failWhen(Predicate<EventEnvelope> predicate) {
        this.failWhen = Objects.requireNonNull(predicate, "predicate");
    }

    /** Makes publishing the events the predicate holds for throw {@link Crash}, which escapes the relay. */
    public void crashWhen(Predicate<EventEnvelope> predicate) {
        this.crashWhen = Objects.requireNonNull(predicate, "predicate");
    }

    /** Envelopes of the tenant received so far, in publication order. */
    public List<EventEnvelope> envelopes(TenantId tenant) {
        return received.stream().filter(e -> e.tenant().equals(tenant)).toList();
    }

    /** Events of the tenant received so far, in publication order. */
    public List<DomainEvent> events(TenantId tenant) {
        return envelopes(tenant).stream().map(EventEnvelope::event).toList();
    }

    /** Events of one type of the tenant received so far, in publication order. */
    public <T extends DomainEvent> List<T> events(TenantId tenant, Class<T> type) {
        return events(tenant).stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Envelopes the publisher threw for while failing, in order (they stay pending in the store). */
    public List<EventEnvelope> refused(TenantId tenant) {
        return refused.stream().filter(e -> e.tenant().equals(tenant)).toList();
    }
}
