package org.leadmanager.spring;

import java.util.Objects;
import org.leadmanager.EventRelay;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The event relay's health: DOWN when at least {@code leadmanager.events.health-set-aside-threshold} events are set
 * aside in the store (they reach no listener until the host retries them) or the latest relay round failed (e.g. the
 * store is unreachable), OUT_OF_SERVICE while the relay is not running, else UP. Details: the backlog (pending
 * events), the events set aside, and this node's counts of published events, failed attempts and events it set
 * aside, with the last failure.
 */
public final class LeadManagerEventsHealthIndicator extends AbstractHealthIndicator {
    private final EventRelayStatistics statistics;
    private final EventRelayLifecycle relay;
    private final int threshold;

    /**
     * @param statistics what the relay did; non-null
     * @param relay      the relay; non-null
     * @param threshold  events set aside that mean DOWN, at least 1
     * @throws IllegalArgumentException if threshold is below 1
     */
    public LeadManagerEventsHealthIndicator(EventRelayStatistics statistics, EventRelayLifecycle relay,
            int threshold) {
        super("Lead Manager event relay health check failed");
        if (threshold < 1) {
            throw new IllegalArgumentException("leadmanager.events.health-set-aside-threshold must be at least 1,"
                    + " was " + threshold);
        }
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.relay = Objects.requireNonNull(relay, "relay");
        this.threshold = threshold;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EventRelay.Backlog backlog = relay.backlog();
        if (!relay.isRunning()) {
            builder.outOfService();
        } else if (backlog.setAside() >= threshold || statistics.lastRoundFailed()) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail("pending", backlog.pending())
                .withDetail("setAside", backlog.setAside())
                .withDetail("published", statistics.published())
                .withDetail("failed", statistics.failed())
                .withDetail("setAsideHere", statistics.setAside())
                .withDetail("rounds", statistics.rounds());
        if (statistics.lastFailure() != null) {
            builder.withDetail("lastFailure", statistics.lastFailure());
        }
    }
}
