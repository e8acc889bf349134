package org.leadmanager.domain.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;

/**
 * A published event with its metadata. {@code id} is unique per event: hosts deduplicate by it, because an event
 * may be delivered again after a crash between publishing and marking it published.
 */
public record EventEnvelope(UUID id, TenantId tenant, UserId actor, Instant occurredAt, DomainEvent event) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(event, "event");
    }
}
