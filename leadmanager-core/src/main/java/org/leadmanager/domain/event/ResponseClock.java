package org.leadmanager.domain.event;

import java.time.Instant;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.deadline.ResponseActivity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;

/**
 * A lead's first-response clock ({@link Lead#responseDueAt}), derived from what happened to it, as the timeline is:
 * the clock starts when the lead is qualified or gets another owner (the project's {@link FirstResponsePolicy}
 * gives the deadline); it stops at the owner's first response (the activities the policy names) and when the lead
 * leaves the OPEN statuses, whoever moves it. An unowned lead's clock runs until it gets an owner or is closed.
 * Events that never touch a clock are answered without looking at the lead ({@link #concerns}).
 */
public final class ResponseClock {

    private ResponseClock() {
    }

    /** Whether the event may start or stop a clock: an owner or status change, a note, a completed follow-up. */
    public static boolean concerns(DomainEvent event) {
        return event instanceof DomainEvent.LeadAssigned || event instanceof DomainEvent.LeadStatusChanged
                || event instanceof DomainEvent.NoteAdded || event instanceof DomainEvent.FollowUpCompleted;
    }

    /** The deadline of a lead qualified for the project at {@code now}; null when the project sets none. */
    public static Instant started(Project project, Instant now) {
        FirstResponsePolicy policy = project.firstResponse();
        return policy == null ? null : policy.deadline(now);
    }

    /**
     * The lead's deadline after the event: a new one when its clock starts, null when it stops, else the one it has.
     *
     * @param event   an event of the lead's change
     * @param actor   who made the change
     * @param lead    the lead after the change, with the deadline it had before
     * @param project the lead's project
     * @param now     when the change was made
     */
    public static Instant after(DomainEvent event, UserId actor, Lead lead, Project project, Instant now) {
        Instant running = lead.responseDueAt();
        StatusCategory category = project.findStatus(lead.status()).map(s -> s.category()).orElse(StatusCategory.OPEN);
        if (category != StatusCategory.OPEN) {
            return null;
        }
        FirstResponsePolicy policy = project.firstResponse();
        if (policy == null) {
            return running;
        }
        if (event instanceof DomainEvent.LeadAssigned) {
            return policy.deadline(now);
        }
        if (running == null || !actor.equals(lead.assignee())) {
            return running;
        }
        ResponseActivity activity = null;
        if (event instanceof DomainEvent.LeadStatusChanged e && e.from().equals(project.defaultStatus())) {
            activity = ResponseActivity.STATUS_CHANGE;
        } else if (event instanceof DomainEvent.NoteAdded) {
            activity = ResponseActivity.NOTE;
        } else if (event instanceof DomainEvent.FollowUpCompleted) {
            activity = ResponseActivity.FOLLOW_UP_COMPLETED;
        }
        return activity != null && policy.stops(activity) ? null : running;
    }
}
