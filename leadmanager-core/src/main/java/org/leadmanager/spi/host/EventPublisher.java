package org.leadmanager.spi.host;

import org.leadmanager.domain.event.EventEnvelope;

/**
 * Host port: receives events after their change committed, in commit order. Delivery is at least once: an event
 * whose publication failed or was interrupted by a crash is published again; deduplicate by
 * {@link EventEnvelope#id()}. A publisher that throws stops the relay; the event is retried on the next change
 * or {@code LeadManager.relayEvents()}.
 */
@FunctionalInterface
public interface EventPublisher {

    void publish(EventEnvelope event);

    /**
     * No publisher, the lead manager's default: a lead manager built with it records no events at all, so its
     * changes write nothing to the store's outbox, and relays nothing (events other lead managers recorded stay
     * pending for them). Give every lead manager sharing a store the same publisher.
     */
    static EventPublisher none() {
        return NoPublisher.INSTANCE;
    }
}
