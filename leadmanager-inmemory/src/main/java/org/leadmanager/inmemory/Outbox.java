package org.leadmanager.inmemory;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.spi.host.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committed events not yet published, in commit order. Commits append under the store lock; relays take events
 * off the head under their own lock, so a relay never blocks a unit of work and two relays never interleave.
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final Queue<EventEnvelope> pending = new ConcurrentLinkedQueue<>();
    private final ReentrantLock relayLock = new ReentrantLock();

    void append(List<EventEnvelope> committed) {
        pending.addAll(committed);
    }

    /**
     * Publishes pending events in order, removing each once the publisher returned; stops at the first publisher
     * failure, which stays pending. A relay started from inside a publisher (its host code made a change and the
     * library relays after it) returns 0 at once: the running relay publishes the new events too. With
     * {@code mayWait} false (called inside a unit of work) a relay running elsewhere is not waited for, since that
     * relay's publisher may itself be waiting for the store lock.
     */
    int relay(EventPublisher publisher, boolean mayWait) {
        if (relayLock.isHeldByCurrentThread()) {
            return 0;
        }
        if (mayWait) {
            relayLock.lock();
        } else if (!relayLock.tryLock()) {
            return 0;
        }
        try {
            int published = 0;
            for (EventEnvelope next = pending.peek(); next != null; next = pending.peek()) {
                try {
                    publisher.publish(next);
                } catch (RuntimeException e) {
                    LOG.warn("Event publisher failed on event {} ({}); it and {} later events stay pending",
                            next.id(), next.event().getClass().getSimpleName(), pending.size() - 1, e);
                    break;
                }
                pending.remove();
                published++;
            }
            return published;
        } finally {
            relayLock.unlock();
        }
    }
}
