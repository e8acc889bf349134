package org.leadmanager.spring;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.leadmanager.domain.event.EventEnvelope;

/**
 * Counts what the event relay of this node did since start: events published, failed attempts, events set aside,
 * relay rounds and the last failure. Read by the events health indicator. Thread-safe.
 */
public final class EventRelayStatistics extends RoundStatistics implements EventRelayObserver {
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();

    @Override
    public void published(EventEnvelope event) {
        published.incrementAndGet();
    }

    @Override
    public void failed(EventEnvelope event, Exception failure) {
        failed.incrementAndGet();
        failed(failure);
    }

    @Override
    public void setAside(UUID eventId, String reason) {
        setAside.incrementAndGet();
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        roundEnded(failure);
    }

    /** @return events the publisher accepted */
    public long published() {
        return published.get();
    }

    /** @return publish attempts that threw */
    public long failed() {
        return failed.get();
    }

    /** @return events this node set aside */
    public long setAside() {
        return setAside.get();
    }
}
