package org.leadmanager.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;

/**
 * An event the relay gave up on: it could not be read back from the store, or the publisher failed for it as often
 * as the relay allows. It stays in the store, out of the way of every other event, until the host retries it.
 *
 * @param id         the event's id, the one its envelope carries
 * @param seq        its place in the store's order of all events (commit order)
 * @param tenant     the tenant it belongs to
 * @param lead       the lead it concerns ({@link DomainEvent#lead()}); null for a project's event
 * @param type       the event's stable type name as stored
 * @param occurredAt when its change happened
 * @param attempts   publish attempts so far
 * @param lastError  why it was set aside: the publisher's last failure, or why it could not be read
 */
public record SetAsideEvent(UUID id, long seq, TenantId tenant, LeadId lead, String type, Instant occurredAt,
        int attempts, String lastError) {

    public SetAsideEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
