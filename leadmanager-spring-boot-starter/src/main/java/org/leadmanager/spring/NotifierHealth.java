package org.leadmanager.spring;

import org.springframework.boot.health.contributor.Health;

/**
 * The health of a dispatcher that calls a host notifier (reminders, escalations): DOWN when the notifier failed
 * {@code threshold} times in a row or the latest round failed, OUT_OF_SERVICE while the dispatcher is not running,
 * else UP; with the counts as details.
 */
final class NotifierHealth {

    private NotifierHealth() {
    }

    /** @throws IllegalArgumentException if {@code threshold} is below 1 */
    static int checkedThreshold(int threshold, String property) {
        if (threshold < 1) {
            throw new IllegalArgumentException(property + " must be at least 1, was " + threshold);
        }
        return threshold;
    }

    /**
     * @param delivered the detail naming the notifier calls accepted ("fired", "escalated")
     */
    static void describe(Health.Builder builder, boolean running, NotifierStatistics statistics, int threshold,
            String delivered) {
        if (!running) {
            builder.outOfService();
        } else if (statistics.failedInARow() >= threshold || statistics.lastRoundFailed()) {
            builder.down();
        } else {
            builder.up();
        }
        builder.withDetail(delivered, statistics.deliveredCount())
                .withDetail("failed", statistics.failed())
                .withDetail("failedInARow", statistics.failedInARow())
                .withDetail("rounds", statistics.rounds())
                .withDetail("failedRounds", statistics.failedRounds());
        if (statistics.lastFailure() != null) {
            builder.withDetail("lastFailure", statistics.lastFailure());
        }
    }
}
