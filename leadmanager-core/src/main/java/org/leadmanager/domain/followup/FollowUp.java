package org.leadmanager.domain.followup;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;

/**
 * A dated reminder with a note on a lead ("Wiedervorlage"), owned by a user. Immutable; the store bumps versions.
 * Its commands ({@link #complete}, {@link #cancel}, {@link #reschedule}, {@link #snooze}) refuse a closed follow-up:
 * once completed or cancelled it never changes again. The events they cause are named by
 * {@code org.leadmanager.domain.event.FollowUpChanges}.
 *
 * <p>The reminder part: a PENDING follow-up is claimable from {@code claimableAt} (its due time, or a retry time
 * after a failed attempt); a CLAIMED one holds a lease until {@code claimableAt}. Rescheduling resets it.
 */
public final class FollowUp {
    /** Longest notifier error kept, in UTF-16 chars ({@link String#length()}); see {@link ErrorText}. */
    public static final int MAX_ERROR = 2000;
    /** How far ahead of now a follow-up may be due. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366L * 100);

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

    /**
     * Done; it will not fire any more.
     *
     * @throws ConflictException if it is closed already
     */
    public FollowUp complete(Instant now) {
        return close(FollowUpState.COMPLETED, now);
    }

    /**
     * Cancelled; it will not fire any more.
     *
     * @throws ConflictException if it is closed already
     */
    public FollowUp cancel(Instant now) {
        return close(FollowUpState.CANCELLED, now);
    }

    private FollowUp close(FollowUpState closed, Instant now) {
        requireOpen();
        return new FollowUp(id, tenant, lead, project, owner, dueAt, note, closed, createdBy, createdAt, now,
                reminder, null, claimedBy, attempts, remindedAt, lastError, version);
    }

    /**
     * Due at a new time; its reminder fires again, once, at that time.
     *
     * @throws ValidationException if the time is in the past or more than {@link #MAX_AHEAD} ahead of {@code now}
     * @throws ConflictException   if it is closed
     */
    public FollowUp reschedule(Instant newDue, Instant now) {
        requireOpen();
        requireDueWithin(newDue, now, "dueAt");
        return rescheduled(newDue);
    }

    /**
     * Due at a new time with a fresh reminder, checking no rule: a copy for stores and their tests. Changes go
     * through {@link #reschedule}.
     */
    public FollowUp rescheduled(Instant newDue) {
        return new FollowUp(id, tenant, lead, project, owner, newDue, note, state, createdBy, createdAt, closedAt,
                ReminderState.PENDING, newDue, null, 0, null, null, version);
    }

    /**
     * Put off by {@code by}: from its due time, or from now when that has passed. The new due time may lie up to
     * {@link #MAX_AHEAD} beyond the old one.
     *
     * @throws ValidationException if {@code by} is not positive or longer than {@link #MAX_AHEAD}
     * @throws ConflictException   if it is closed
     */
    public FollowUp snooze(Duration by, Instant now) {
        if (by.isNegative() || by.isZero() || by.compareTo(MAX_AHEAD) > 0) {
            throw ValidationException.of("by", "Duration", "must be positive and at most " + MAX_AHEAD.toDays()
                    + " days, was " + by, "max", MAX_AHEAD);
        }
        requireOpen();
        Instant base = dueAt.isAfter(now) ? dueAt : now;
        Instant due = base.plus(by).truncatedTo(ChronoUnit.MICROS);
        if (due.isAfter(now.plus(MAX_AHEAD))) {
            // snoozes add up: the result stays within the window a new follow-up has
            throw ValidationException.of("by", "TooFarAhead", "would move the follow-up to " + due + ", more than "
                    + MAX_AHEAD.toDays() + " days ahead", "max", now.plus(MAX_AHEAD));
        }
        return rescheduled(due);
    }

    /**
     * Checks a due time for a new or moved follow-up: not before {@code now}, at most {@link #MAX_AHEAD} after.
     *
     * @param path reported in the violation
     * @throws ValidationException otherwise
     */
    public static void requireDueWithin(Instant due, Instant now, String path) {
        if (due.isBefore(now)) {
            throw ValidationException.of(path, "Past", "must not be in the past: " + due + " is before " + now,
                    "now", now);
        }
        if (due.isAfter(now.plus(MAX_AHEAD))) {
            throw ValidationException.of(path, "TooFarAhead", "must be at most " + MAX_AHEAD.toDays()
                    + " days ahead, was " + due, "max", now.plus(MAX_AHEAD));
        }
    }

    private void requireOpen() {
        if (state != FollowUpState.OPEN) {
            throw new ConflictException("follow-up " + id + " is " + state + ", not OPEN");
        }
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
