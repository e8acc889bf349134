package org.leadmanager.domain.event;

import java.time.Duration;
import java.time.Instant;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Lead;

/**
 * The commands of a {@link FollowUp} with the events they cause; the follow-up checks its own rules (a closed
 * follow-up never changes again), this class names what happened.
 */
public final class FollowUpChanges {

    private FollowUpChanges() {
    }

    /**
     * A new open follow-up on the lead, due within {@link FollowUp#MAX_AHEAD} from now:
     * {@link DomainEvent.FollowUpScheduled}.
     *
     * @throws org.leadmanager.error.ValidationException if {@code dueAt} is in the past or too far ahead
     */
    public static Changed<FollowUp> schedule(FollowUpId id, Lead lead, UserId owner, Instant dueAt, String note,
            UserId by, Instant now) {
        FollowUp.requireDueWithin(dueAt, now, "dueAt");
        FollowUp followUp = FollowUp.schedule(id, lead.tenant(), lead.id(), lead.project(), owner, dueAt, note, by,
                now);
        return Changed.to(followUp, new DomainEvent.FollowUpScheduled(id, lead.id(), owner, dueAt));
    }

    /** {@link FollowUp#complete}: {@link DomainEvent.FollowUpCompleted}. */
    public static Changed<FollowUp> complete(FollowUp followUp, Instant now) {
        FollowUp done = followUp.complete(now);
        return Changed.to(done, new DomainEvent.FollowUpCompleted(done.id(), done.lead()));
    }

    /** {@link FollowUp#cancel}: {@link DomainEvent.FollowUpCancelled}. */
    public static Changed<FollowUp> cancel(FollowUp followUp, Instant now) {
        FollowUp cancelled = followUp.cancel(now);
        return Changed.to(cancelled, new DomainEvent.FollowUpCancelled(cancelled.id(), cancelled.lead()));
    }

    /** {@link FollowUp#reschedule}: {@link DomainEvent.FollowUpRescheduled}. */
    public static Changed<FollowUp> reschedule(FollowUp followUp, Instant dueAt, Instant now) {
        return rescheduled(followUp.reschedule(dueAt, now));
    }

    /** {@link FollowUp#snooze}: {@link DomainEvent.FollowUpRescheduled}. */
    public static Changed<FollowUp> snooze(FollowUp followUp, Duration by, Instant now) {
        return rescheduled(followUp.snooze(by, now));
    }

    /**
     * A reminder the store marked fired ({@link FollowUp#fired}, under the claim that delivered it):
     * {@link DomainEvent.FollowUpDue}, for the lead the follow-up belongs to now.
     */
    public static Changed<FollowUp> reminded(FollowUp fired) {
        return Changed.to(fired, new DomainEvent.FollowUpDue(fired.id(), fired.lead(), fired.owner(),
                fired.dueAt()));
    }

    private static Changed<FollowUp> rescheduled(FollowUp moved) {
        return Changed.to(moved, new DomainEvent.FollowUpRescheduled(moved.id(), moved.lead(), moved.dueAt()));
    }
}
