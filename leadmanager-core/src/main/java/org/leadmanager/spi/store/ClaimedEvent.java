package org.leadmanager.spi.store;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.EventEnvelope;

/**
 * An event as {@link EventRegistry#claim} handed it to one relay: the stored row's facts, the claim it is now under,
 * and the envelope read back from the store, or why it could not be read.
 *
 * @param id         the event's id
 * @param seq        its place in the store's order of all events
 * @param tenant     its tenant
 * @param lead       the lead it concerns; null for a project's event
 * @param type       its stable type name as stored
 * @param occurredAt when its change happened
 * @param attempts   publish attempts counted so far: failed ones, and those begun with {@link EventRegistry#countAttempt}
 * @param retaken    whether an earlier claim of the event ended without an outcome (its relay died or ran out of
 *                   lease), so it may have been published already, or may have killed that relay
 * @param claimedBy  the node that holds the claim
 * @param leaseUntil when the claim ends
 * @param envelope   the event, or null when it could not be read back
 * @param unreadable why it could not be read back; null when {@code envelope} is not
 */
public record ClaimedEvent(UUID id, long seq, TenantId tenant, LeadId lead, String type, Instant occurredAt,
        int attempts, boolean retaken, String claimedBy, Instant leaseUntil, EventEnvelope envelope,
        String unreadable) {

    public ClaimedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if ((envelope == null) == (unreadable == null)) {
            throw new IllegalArgumentException("a claimed event has either its envelope or the reason it has none");
        }
    }
}
