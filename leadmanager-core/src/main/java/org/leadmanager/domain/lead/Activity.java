package org.leadmanager.domain.lead;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;

/**
 * One entry of a lead's timeline. For STATUS_CHANGED, {@code from} and {@code to} are status keys; for ASSIGNED
 * they are user ids; {@code text} carries a reason or reference where one applies.
 *
 * @param from nullable
 * @param to   nullable
 * @param text nullable
 */
public record Activity(TenantId tenant, LeadId lead, Instant at, UserId actor, ActivityType type, String from,
        String to, String text) {

    public Activity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
    }

    /** The same entry on another lead (after a merge). */
    public Activity movedTo(LeadId target) {
        return new Activity(tenant, target, at, actor, type, from, to, text);
    }
}
