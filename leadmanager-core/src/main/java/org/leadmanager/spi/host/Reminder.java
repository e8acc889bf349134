package org.leadmanager.spi.host;

import java.util.Objects;
import org.leadmanager.domain.followup.FollowUp;

/**
 * A due follow-up handed to the {@link ReminderNotifier}.
 *
 * @param idempotencyKey the same for every delivery attempt of one due time; deduplicate by it
 * @param followUp       the follow-up as claimed
 * @param attempt        1 for the first attempt
 */
public record Reminder(String idempotencyKey, FollowUp followUp, int attempt) {

    public Reminder {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(followUp, "followUp");
    }
}
