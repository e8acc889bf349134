package org.leadmanager.spring;

import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The escalation dispatcher's health on this node: DOWN when the host's notifier failed
 * {@code leadmanager.escalations.health-failure-threshold} times in a row (breaches are not reaching anyone) or the
 * latest round failed (e.g. the store is unreachable), OUT_OF_SERVICE while the dispatcher is not running, else UP.
 * Details: escalations the notifier accepted, notifier failures (in total and in a row), rounds, the last failure.
 */
public final class LeadManagerEscalationsHealthIndicator extends AbstractHealthIndicator {
    private final EscalationStatistics statistics;
    private final EscalationDispatcherLifecycle dispatcher;
    private final int threshold;

    /**
     * @param statistics what the dispatcher did; non-null
     * @param dispatcher the dispatcher; non-null
     * @param threshold  notifier failures in a row that mean DOWN, at least 1
     * @throws IllegalArgumentException if threshold is below 1
     */
    public LeadManagerEscalationsHealthIndicator(EscalationStatistics statistics,
            EscalationDispatcherLifecycle dispatcher, int threshold) {
        super("Lead Manager escalation health check failed");
        this.threshold = NotifierHealth.checkedThreshold(threshold,
                "leadmanager.escalations.health-failure-threshold");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        NotifierHealth.describe(builder, dispatcher.isRunning(), statistics, threshold, "escalated");
    }
}
