package org.leadmanager.domain.lead;

import java.util.Objects;

/**
 * A breached first-response deadline whose escalation failed on every attempt: the notifier threw each time (or the
 * breach could not be settled). The lead keeps its deadline ({@link Lead#responseDueAt()}, the one that passed), so
 * it still counts as breached; it is listed until its owner responds, it gets another owner or it is closed, any of
 * which ends the clock.
 *
 * @param lead      the lead as stored
 * @param attempts  escalation attempts made at this deadline
 * @param lastError the last attempt's error, as stored (class name and message, made storable)
 */
public record FailedEscalation(Lead lead, int attempts, String lastError) {

    public FailedEscalation {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(lastError, "lastError");
    }
}
