package org.leadmanager.domain.followup;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;

/**
 * A dated reminder with a note on a lead ("Wiedervorlage"), owned by a user. Immutable; the store bumps versions.
 *
 * <p>The reminder part: a PENDING follow-up is claimable from {@code claimableAt} (its due time, or a retry time
 * after a failed attempt); a CLAIMED one holds a lease until {@code claimableAt}. Rescheduling resets it.
 */
public final class FollowUp {
    /** Longest notifier error kept, in UTF-16 chars ({@link String#length()}); see {@link ErrorText}. */
    public static final int MAX_ERROR = 2000;

    private final FollowUpId id;
    private final TenantId tenant;
    private final LeadId lead;
    private final ProjectId project;
    private final UserId owner;
    private final Instant dueAt;
    private final String note;
    private final FollowUpState state;
    private final UserId createdBy;
    private final Instant createdAt;
    private final Instant closedAt;
    private final ReminderState reminder;
    private final Instant claimableAt;
    private final String claimedBy;
    private final int attempts;
    private final Instant remindedAt;
    private final String lastError;
    private final long version;

    private FollowUp(FollowUpId id, TenantId tenant, LeadId lead, ProjectId project, UserId owner, Instant dueAt,
            String note, FollowUpState state, UserId createdBy, Instant createdAt, Instant closedAt,
            ReminderState reminder, Instant claimableAt, String claimedBy, int attempts, Instant remindedAt,
            String lastError, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.lead = Objects.requireNonNull(lead, "lead");
        this.project = Objects.requireNonNull(project, "project");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.dueAt = Objects.requireNonNull(dueAt, "dueAt");
        this.note = Text.required(note, "note", Text.MAX_NOTE);
        this.state = Objects.requireNonNull(state, "state");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.closedAt = closedAt;
        this.reminder = Objects.requireNonNull(reminder, "reminder");
        this.claimableAt = claimableAt;
        this.claimedBy = claimedBy;
        this.attempts = attempts;
        this.remindedAt = remindedAt;
        this.lastError = lastError;
        this.version = version;
    }

    /** A new open follow-up whose reminder is pending until {@code dueAt}. */
    public static FollowUp schedule(FollowUpId id, TenantId tenant, LeadId lead, ProjectId project, UserId owner,
            Instant dueAt, String note, UserId createdBy, Instant now) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, FollowUpState.OPEN, createdBy, now, null,
                ReminderState.PENDING, dueAt, null, 0, null, null, 0);
    }

    /** Rebuilds a stored follow-up; for store adapters. */
    public static FollowUp reconstitute(FollowUpId id, TenantId tenant, LeadId lead, ProjectId project, UserId owner,
            Instant dueAt, String note, FollowUpState state, UserId createdBy, Instant createdAt, Instant closedAt,
            ReminderState reminder, Instant claimableAt, String claimedBy, int attempts, Instant remindedAt,
            String lastError, long version) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                reminder, claimableAt, claimedBy, attempts, remindedAt, lastError, version);
    }

    public FollowUp withVersion(long newVersion) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                reminder, claimableAt, claimedBy, attempts, remindedAt, lastError, newVersion);
    }

    /** Done; it will not fire any more. */
    public FollowUp complete(Instant now) {
        return close(FollowUpState.COMPLETED, now);
    }

    /** Cancelled; it will not fire any more. */
    public FollowUp cancel(Instant now) {
        return close(FollowUpState.CANCELLED, now);
    }

    private FollowUp close(FollowUpState closed, Instant now) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, closed, createdBy, createdAt, now,
                reminder, null, claimedBy, attempts, remindedAt, lastError, version);
    }

    /** Due at a new time; its reminder fires again, once, at that time. */
    public FollowUp rescheduled(Instant newDue) {
        return new FollowUp(id, tenant, lead, project, owner, newDue, note, state, createdBy, createdAt, closedAt,
                ReminderState.PENDING, newDue, null, 0, null, null, version);
    }

    /** Moved to another lead (after a merge). */
    public FollowUp movedTo(LeadId target) {
        return new FollowUp(id, tenant, target, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                reminder, claimableAt, claimedBy, attempts, remindedAt, lastError, version);
    }

    /** Claimed by a dispatcher node until {@code leaseUntil}; counts one attempt. */
    public FollowUp claimed(String node, Instant leaseUntil) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                ReminderState.CLAIMED, leaseUntil, node, attempts + 1, remindedAt, lastError, version);
    }

    /** The notifier accepted the reminder. */
    public FollowUp fired(Instant now) {
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                ReminderState.FIRED, null, claimedBy, attempts, now, null, version);
    }

    /**
     * The notifier failed; claimable again at {@code retryAt}, or FAILED for good when {@code retryAt} is null.
     * The error text is kept {@link ErrorText#storable storable}: characters a database may refuse replaced, at most
     * {@value #MAX_ERROR} chars.
     */
    public FollowUp attemptFailed(String error, Instant retryAt) {
        ReminderState next = retryAt == null ? ReminderState.FAILED : ReminderState.PENDING;
        String kept = ErrorText.storable(error);
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, state, createdBy, createdAt, closedAt,
                next, retryAt, claimedBy, attempts, remindedAt, kept, version);
    }

    /** Whether a dispatcher may claim it at {@code now}. */
    public boolean claimable(Instant now) {
        return state == FollowUpState.OPEN
                && (reminder == ReminderState.PENDING || reminder == ReminderState.CLAIMED)
                && claimableAt != null && !claimableAt.isAfter(now);
    }

    /** Key the notifier can deduplicate by: the same for every attempt at one due time. */
    public String idempotencyKey() {
        return id + "@" + dueAt;
    }

    public FollowUpId id() { return id; }
    public TenantId tenant() { return tenant; }
    public LeadId lead() { return lead; }
    public ProjectId project() { return project; }
    public UserId owner() { return owner; }
    public Instant dueAt() { return dueAt; }
    public String note() { return note; }
    public FollowUpState state() { return state; }
    public boolean open() { return state == FollowUpState.OPEN; }
    public UserId createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    /** When completed or cancelled, else null. */
    public Instant closedAt() { return closedAt; }
    public ReminderState reminder() { return reminder; }
    /** When a dispatcher may claim it next (due time, retry time or lease end); null once fired, failed or closed. */
    public Instant claimableAt() { return claimableAt; }
    /** The node that claimed it last, or null. */
    public String claimedBy() { return claimedBy; }
    /** Notification attempts so far at the current due time. */
    public int attempts() { return attempts; }
    /** When the reminder fired, or null. */
    public Instant remindedAt() { return remindedAt; }
    /** The last notifier error, or null. */
    public String lastError() { return lastError; }
    public long version() { return version; }

    @Override
    public String toString() {
        return "FollowUp[" + id + " lead=" + lead + " due=" + dueAt + " " + state + "/" + reminder + " v" + version + "]";
    }
}
