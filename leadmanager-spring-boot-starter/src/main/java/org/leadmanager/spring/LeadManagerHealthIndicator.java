package org.leadmanager.spring;

import java.util.Objects;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The reminder dispatcher's health on this node: DOWN when the host's notifier failed
 * {@code leadmanager.reminders.health-failure-threshold} times in a row (reminders are not reaching their owners)
 * or the latest dispatch round failed (e.g. the store is unreachable), OUT_OF_SERVICE while the dispatcher is not
 * running, else UP. Details: reminders fired, notifier failures (in total and in a row), rounds, the last failure.
 */
public final class LeadManagerHealthIndicator extends AbstractHealthIndicator {
    private final ReminderStatistics statistics;
    private final ReminderDispatcherLifecycle dispatcher;
    private final int threshold;

    /**
     * @param statistics what the dispatcher did; non-null
     * @param dispatcher the dispatcher; non-null
     * @param threshold  notifier failures in a row that mean DOWN, at least 1
     * @throws IllegalArgumentException if threshold is below 1
     */
    public LeadManagerHealthIndicator(ReminderStatistics statistics, ReminderDispatcherLifecycle dispatcher,
            int threshold) {
        super("Lead Manager reminder health check failed");
        this.threshold = NotifierHealth.checkedThreshold(threshold, "leadmanager.reminders.health-failure-threshold");
        this.statistics = Objects.requireNonNull(statistics, "statistics");
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        NotifierHealth.describe(builder, dispatcher.isRunning(), statistics, threshold, "fired");
    }
}
