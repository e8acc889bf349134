package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.EntityResult;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.FollowUpState;
import org.leadmanager.domain.followup.ReminderState;

/**
 * Row of {@code lm_follow_up}, with its mapping; also the reminder claim queue. {@link #CLAIMED} maps the rows a
 * claim statement returns together with the time each was claimable before.
 */
@Entity(name = "LmFollowUp")
@Table(name = "lm_follow_up")
@SqlResultSetMapping(name = FollowUpEntity.CLAIMED, entities = @EntityResult(entityClass = FollowUpEntity.class),
        columns = @ColumnResult(name = "was", type = Instant.class))
class FollowUpEntity {
    /** Result set mapping: the follow-up's columns and {@code was}, its claimable time before the claim. */
    static final String CLAIMED = "LmClaimedFollowUp";

    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "lead_id", nullable = false)
    UUID leadId;
    @Column(name = "project_id", nullable = false)
    UUID projectId;
    @Column(name = "owner_id", length = 64, nullable = false)
    String ownerId;
    @Column(name = "due_at", nullable = false)
    Instant dueAt;
    @Column(name = "note", length = 10_000, nullable = false)
    String note;
    @Column(name = "state", length = 16, nullable = false)
    String state;
    @Column(name = "created_by", length = 64, nullable = false, updatable = false)
    String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "closed_at")
    Instant closedAt;
    @Column(name = "reminder", length = 16, nullable = false)
    String reminder;
    @Column(name = "claimable_at")
    Instant claimableAt;
    @Column(name = "claimed_by", length = 200)
    String claimedBy;
    @Column(name = "attempts", nullable = false)
    int attempts;
    @Column(name = "reminded_at")
    Instant remindedAt;
    @Column(name = "last_error", length = 10_000)
    String lastError;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected FollowUpEntity() {
    }

    static FollowUpEntity of(FollowUp f) {
        FollowUpEntity e = new FollowUpEntity();
        e.id = f.id().value();
        e.tenantId = f.tenant().value();
        e.leadId = f.lead().value();
        e.projectId = f.project().value();
        e.ownerId = f.owner().value();
        e.dueAt = f.dueAt();
        e.note = f.note();
        e.state = f.state().name();
        e.createdBy = f.createdBy().value();
        e.createdAt = f.createdAt();
        e.closedAt = f.closedAt();
        e.reminder = f.reminder().name();
        e.claimableAt = f.claimableAt();
        e.claimedBy = f.claimedBy();
        e.attempts = f.attempts();
        e.remindedAt = f.remindedAt();
        e.lastError = f.lastError();
        e.version = f.version();
        return e;
    }

    FollowUp toDomain() {
        return FollowUp.reconstitute(new FollowUpId(id), TenantId.of(tenantId), new LeadId(leadId),
                new ProjectId(projectId), UserId.of(ownerId), dueAt, note, FollowUpState.valueOf(state),
                UserId.of(createdBy), createdAt, closedAt, ReminderState.valueOf(reminder), claimableAt, claimedBy,
                attempts, remindedAt, lastError, version);
    }
}
