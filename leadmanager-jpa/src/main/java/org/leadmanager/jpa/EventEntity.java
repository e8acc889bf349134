package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code lm_event}, the publication registry (see {@link JpaEventRegistry}). Written by JDBC batches with
 * {@code seq}, the column default (a sequence; AUTO_INCREMENT on MariaDB), taken at insert time, so an event of a
 * unit of work that saw another's commit gets a later number; changed by JPQL updates conditional on the claim.
 */
@Entity(name = "LmEvent")
@Table(name = "lm_event")
class EventEntity {
    static final String PENDING = "PENDING";
    static final String SET_ASIDE = "SET_ASIDE";
    static final String PUBLISHED = "PUBLISHED";

    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "seq", insertable = false, updatable = false)
    long seq;
    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId;
    @Column(name = "lead_id")
    UUID leadId;
    @Column(name = "event_type", length = 64, nullable = false)
    String eventType;
    @Column(name = "schema_version", nullable = false)
    int schemaVersion;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "payload", length = 10_000, nullable = false)
    String payload;
    @Column(name = "state", length = 16, nullable = false)
    String state;
    @Column(name = "attempts", nullable = false)
    int attempts;
    @Column(name = "claimed_by", length = 200)
    String claimedBy;
    @Column(name = "claimable_at")
    Instant claimableAt;
    @Column(name = "published_at")
    Instant publishedAt;
    @Column(name = "last_error", length = 10_000)
    String lastError;

    protected EventEntity() {
    }
}
