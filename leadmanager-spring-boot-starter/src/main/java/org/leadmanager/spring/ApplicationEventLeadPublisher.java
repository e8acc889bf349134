package org.leadmanager.spring;

import java.util.Objects;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each of the library's events as a Spring application event, the {@link EventEnvelope} itself, so a host
 * listens with {@code @EventListener void on(EventEnvelope event)}. The library hands an event over only after its
 * change committed, so listeners never see an event of a rolled-back change. Delivery is at least once: a listener
 * that throws stops the relay and the event comes again later; deduplicate by {@link EventEnvelope#id()}.
 *
 * <p>Listeners run on the relaying thread, while the relay holds the store's relay lock: a listener that calls the
 * lead manager again should do so asynchronously (e.g. an {@code @Async} listener).
 */
public final class ApplicationEventLeadPublisher implements EventPublisher {
    private final ApplicationEventPublisher events;

    /** @param events Spring's publisher; non-null */
    public ApplicationEventLeadPublisher(ApplicationEventPublisher events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public void publish(EventEnvelope event) {
        events.publishEvent(event);
    }
}
