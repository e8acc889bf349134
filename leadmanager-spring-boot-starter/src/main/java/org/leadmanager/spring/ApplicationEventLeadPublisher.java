package org.leadmanager.spring;

import java.util.Objects;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes each of the library's events as a Spring application event, the {@link EventEnvelope} itself, so a host
 * listens with {@code @EventListener void on(EventEnvelope event)}. The library's event relay hands an event over
 * only after its change committed, from the store's publication registry, so listeners never see an event of a
 * rolled-back change. Delivery is at least once: a listener that throws makes the relay retry the event with backoff
 * (and set it aside after its last attempt), and an event may come again after a node died; deduplicate by
 * {@link EventEnvelope#id()}. Events of one lead arrive in commit order.
 *
 * <p>Listeners run on the relay's thread, outside any transaction of the library: one that calls the lead manager
 * runs in a transaction of its own. An event counts as published once {@code publishEvent} returns, so:
 * <ul>
 *   <li>a {@code @TransactionalEventListener} (Spring Modulith's {@code @ApplicationModuleListener} too) is not
 *       called, there being no transaction to wait for, unless it sets {@code fallbackExecution = true};</li>
 *   <li>an {@code @Async} listener's failure comes too late to be retried; a listener that must not lose an event
 *       runs synchronously, or keeps what it received before it returns;</li>
 *   <li>a listener that never returns holds up the relay of this node (other nodes take its claims over when their
 *       lease ends, so the events may come twice): listeners bound the time they take, e.g. with timeouts on the
 *       calls they make.</li>
 * </ul>
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
