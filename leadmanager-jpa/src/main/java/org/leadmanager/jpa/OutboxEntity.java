package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code lm_outbox}: the not yet published events of one unit of work and tenant, in order (see
 * {@link Outbox}). Written by JDBC batches with {@code seq}, the column default (a sequence; AUTO_INCREMENT on MariaDB), taken
 * at insert time, so a change that saw another's commit records later numbers.
 */
@Entity(name = "LmOutbox")
@Table(name = "lm_outbox")
class OutboxEntity {
    @Id
    @Column(name = "seq")
    long seq;
    @Column(name = "event_id", nullable = false)
    UUID eventId;
    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "payload", length = 1_000_000, nullable = false)
    byte[] payload;

    protected OutboxEntity() {
    }
}
