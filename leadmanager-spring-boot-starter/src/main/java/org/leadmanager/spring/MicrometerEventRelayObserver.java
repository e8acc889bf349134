package org.leadmanager.spring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.UUID;
import java.util.function.ToDoubleFunction;
import org.leadmanager.EventRelay;
import org.leadmanager.domain.event.EventEnvelope;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The event relay's meters: counters {@value #PUBLISHED}, {@value #FAILED} (publish attempts that threw) and
 * {@value #SET_ASIDE}; the timer {@value #ROUND} of each relay round, tagged {@code outcome} {@code success} or
 * {@code error}; and the gauge {@value #BACKLOG} of the store's registry, tagged {@code state} {@code pending} (the
 * backlog) or {@code set-aside} (waiting for the host), read from the store when scraped (at most once a second).
 */
public final class MicrometerEventRelayObserver implements EventRelayObserver {
    /** Counter of events the publisher accepted. */
    public static final String PUBLISHED = "leadmanager.events.published";
    /** Counter of publish attempts that threw. */
    public static final String FAILED = "leadmanager.events.failed";
    /** Counter of events set aside. */
    public static final String SET_ASIDE = "leadmanager.events.set.aside";
    /** Timer of relay rounds. */
    public static final String ROUND = "leadmanager.events.relay";
    /** Gauge of the registry's events by state. */
    public static final String BACKLOG = "leadmanager.events.backlog";

    private final Counter published;
    private final Counter failed;
    private final Counter setAside;
    private final Timer succeeded;
    private final Timer erred;
    private final ObjectProvider<EventRelayLifecycle> relay;

    /**
     * @param registry where the meters go; non-null
     * @param relay    the relay whose registry the gauge reads; looked up when the gauge is read
     */
    public MicrometerEventRelayObserver(MeterRegistry registry, ObjectProvider<EventRelayLifecycle> relay) {
        this.relay = relay;
        this.published = Counter.builder(PUBLISHED).description("Events the publisher accepted").register(registry);
        this.failed = Counter.builder(FAILED).description("Publish attempts that threw").register(registry);
        this.setAside = Counter.builder(SET_ASIDE).description("Events set aside").register(registry);
        this.succeeded = round(registry, "success");
        this.erred = round(registry, "error");
        backlog(registry, "pending", EventRelay.Backlog::pending);
        backlog(registry, "set-aside", EventRelay.Backlog::setAside);
    }

    private static Timer round(MeterRegistry registry, String outcome) {
        return Timer.builder(ROUND).description("Relay rounds: everything publishable claimed and published")
                .tag("outcome", outcome).register(registry);
    }

    private void backlog(MeterRegistry registry, String state, ToDoubleFunction<EventRelay.Backlog> count) {
        Gauge.builder(BACKLOG, this, observer -> observer.read(count))
                .description("Events in the store's registry, by state").tag("state", state).register(registry);
    }

    /** The count, or NaN while the store cannot be read. */
    private double read(ToDoubleFunction<EventRelay.Backlog> count) {
        EventRelayLifecycle lifecycle = relay.getIfAvailable();
        if (lifecycle == null) {
            return Double.NaN;
        }
        try {
            return count.applyAsDouble(lifecycle.backlog());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void published(EventEnvelope event) {
        published.increment();
    }

    @Override
    public void failed(EventEnvelope event, Exception failure) {
        failed.increment();
    }

    @Override
    public void setAside(UUID eventId, String reason) {
        setAside.increment();
    }

    @Override
    public void round(Duration took, int count, Throwable failure) {
        (failure == null ? succeeded : erred).record(took);
    }
}
