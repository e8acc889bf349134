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
 * <p>A timeline lists its entries by {@code sequence}, which is the order in which their changes committed. That
 * is not always the order of their times: {@code at} is when the change's call began, and a call that began
 * earlier may commit later (or the clock may have been set back).
 *
 * @param sequence the entry's place in its lead's timeline: 1 for the qualification, then one more for each
 *                 entry in the order the changes committed; {@link #UNNUMBERED} for an entry not stored yet (the
 *                 store numbers it when appending)
 * @param at       when the change's call began
 * @param from     nullable
 * @param to       nullable
 * @param text     nullable
 */
public record Activity(TenantId tenant, LeadId lead, long sequence, Instant at, UserId actor, ActivityType type,
        String from, String to, String text) {

    /** The sequence of an entry that is not stored yet. */
    public static final long UNNUMBERED = 0;

    public Activity {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(type, "type");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
    }

    /** A new entry, numbered by the store when it is appended. */
    public static Activity unnumbered(TenantId tenant, LeadId lead, Instant at, UserId actor, ActivityType type,
            String from, String to, String text) {
        return new Activity(tenant, lead, UNNUMBERED, at, actor, type, from, to, text);
    }

    /** The same entry at another place: in the timeline of {@code target}, numbered {@code newSequence}. */
    public Activity placed(LeadId target, long newSequence) {
        return new Activity(tenant, target, newSequence, at, actor, type, from, to, text);
    }
}
