package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;

/**
 * Row of {@code lm_activity}: the append-only timeline. {@code leadSeq} is the entry's number in its lead's
 * timeline (see {@link JpaActivityRepository}); {@code seq}, the column default (a sequence; AUTO_INCREMENT on MariaDB), only
 * identifies the row.
 * Rows are written by JDBC batches, never through the provider.
 */
@Entity(name = "LmActivity")
@Table(name = "lm_activity")
class ActivityEntity {
    @Id
    @Column(name = "seq")
    long seq;
    @Column(name = "tenant_id", length = 64, nullable = false)
    String tenantId;
    @Column(name = "lead_id", nullable = false)
    UUID leadId;
    @Column(name = "lead_seq", nullable = false)
    long leadSeq;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "actor", length = 64, nullable = false)
    String actor;
    @Column(name = "activity_type", length = 32, nullable = false)
    String activityType;
    @Column(name = "from_value", length = 200)
    String fromValue;
    @Column(name = "to_value", length = 200)
    String toValue;
    @Column(name = "detail", length = 10_000)
    String detail;

    protected ActivityEntity() {
    }

    Activity toDomain() {
        return new Activity(TenantId.of(tenantId), new LeadId(leadId), leadSeq, occurredAt, UserId.of(actor),
                ActivityType.valueOf(activityType), fromValue, toValue, detail);
    }
}
