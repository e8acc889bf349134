package org.leadmanager.spi.host;

import org.leadmanager.domain.event.EventEnvelope;

/**
 * Host port: receives events after their change committed, from the lead manager's event relay
 * ({@code LeadManager.eventRelay}), outside any of the library's transactions. Events of one lead arrive in the
 * order their changes committed. Delivery is at least once: an event whose publication failed, or whose relay died
 * before recording it as published, is published again; deduplicate by {@link EventEnvelope#id()}. A publisher that
 * throws makes the relay retry that event with backoff and hold back the later events of its lead; after the relay's
 * last attempt the event is set aside, and the others go on.
 */
@FunctionalInterface
public interface EventPublisher {

    void publish(EventEnvelope event);

    /**
     * No publisher, the lead manager's default: a lead manager built with it records no events at all, so its
     * changes write nothing to the store's event registry, and its relay publishes nothing (events other lead
     * managers recorded stay pending for them). Give every lead manager sharing a store the same publisher.
     */
    static EventPublisher none() {
        return NoPublisher.INSTANCE;
    }
}
