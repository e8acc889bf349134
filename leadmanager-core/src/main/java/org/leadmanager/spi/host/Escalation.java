package org.leadmanager.spi.host;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;

/**
 * A breached first-response deadline handed to the {@link EscalationNotifier}.
 *
 * @param idempotencyKey the same for every delivery of one breach (the lead and its deadline); deduplicate by it
 * @param lead           the lead as claimed; its owner ({@code assignee}, null when unowned) did not respond in time
 * @param escalateTo     who is to be told: the policy's escalation user, or its fallback for an unowned lead
 * @param deadline       the deadline that passed
 * @param attempt        which attempt this is, from 1 (a repeated one follows a failure or a node that died)
 */
public record Escalation(String idempotencyKey, Lead lead, UserId escalateTo, Instant deadline, int attempt) {

    public Escalation {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(escalateTo, "escalateTo");
        Objects.requireNonNull(deadline, "deadline");
    }
}
