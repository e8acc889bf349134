package org.leadmanager.domain.event;

import java.time.Instant;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.StatusKey;

/**
 * What happened. Published to the host, wrapped in an {@link EventEnvelope}, only after the change committed.
 * Hosts switch over this sealed hierarchy.
 */
public sealed interface DomainEvent {

    /**
     * The lead the event concerns, whose events are delivered in the order their changes committed; null for events
     * of a project ({@link ProjectChanged}). After a contact merge it is the lead that ended ({@link LeadsMerged#from}):
     * the merge comes after every earlier event of that lead.
     */
    default LeadId lead() {
        return null;
    }

    /** A project was created or its configuration changed; {@code change} says what, e.g. {@code renamed}. */
    record ProjectChanged(ProjectId project, String change) implements DomainEvent {
    }

    /** A contact became a lead. {@code assignee} is null when unassigned. */
    record LeadQualified(LeadId lead, ProjectId project, ContactId contact, Origin origin, UserId assignee)
            implements DomainEvent {
    }

    /** The owner changed; {@code to} is null when unassigned. */
    record LeadAssigned(LeadId lead, ProjectId project, UserId from, UserId to, OwnerReason reason)
            implements DomainEvent {
    }

    record LeadStatusChanged(LeadId lead, ProjectId project, StatusKey from, StatusKey to) implements DomainEvent {
    }

    /** Moved to a WON status: the contact became a customer. Follows its {@link LeadStatusChanged}. */
    record LeadConverted(LeadId lead, ProjectId project, StatusKey status) implements DomainEvent {
    }

    /** Moved to a LOST status with a reason. Follows its {@link LeadStatusChanged}. */
    record LeadDisqualified(LeadId lead, ProjectId project, StatusKey status, String reason) implements DomainEvent {
    }

    record NoteAdded(LeadId lead, NoteId note) implements DomainEvent {
    }

    record NoteEdited(LeadId lead, NoteId note) implements DomainEvent {
    }

    record NoteDeleted(LeadId lead, NoteId note) implements DomainEvent {
    }

    record ContactCardRefreshed(LeadId lead, ContactId contact) implements DomainEvent {
    }

    /** After a host contact merge: the lead now belongs to {@code into}. */
    record LeadMovedToContact(LeadId lead, ContactId from, ContactId into) implements DomainEvent {
    }

    /** After a host contact merge: {@code from} was folded into {@code into} and no longer exists. */
    record LeadsMerged(LeadId from, LeadId into, ProjectId project) implements DomainEvent {
        @Override
        public LeadId lead() {
            return from;
        }
    }

    record FollowUpScheduled(FollowUpId followUp, LeadId lead, UserId owner, Instant dueAt) implements DomainEvent {
    }

    record FollowUpRescheduled(FollowUpId followUp, LeadId lead, Instant dueAt) implements DomainEvent {
    }

    record FollowUpCompleted(FollowUpId followUp, LeadId lead) implements DomainEvent {
    }

    record FollowUpCancelled(FollowUpId followUp, LeadId lead) implements DomainEvent {
    }

    /** The reminder of a follow-up fired. */
    record FollowUpDue(FollowUpId followUp, LeadId lead, UserId owner, Instant dueAt) implements DomainEvent {
    }

    /**
     * The lead's first-response deadline passed without a response from its owner: escalated to
     * {@code escalatedTo}, once per breach. {@code owner} is null when nobody owned the lead.
     */
    record FirstResponseBreached(LeadId lead, ProjectId project, UserId owner, UserId escalatedTo, Instant deadline)
            implements DomainEvent {
    }

    /**
     * Everything the library held about the lead is gone: its contact card, notes, follow-ups, timeline and its
     * earlier events (those not yet published are never published). The receipt of an erasure, with no personal
     * data but the host's own contact id, so the host can erase what it stored downstream (by lead id and by
     * contact id). The lead's kept counts were taken off as if it had never been qualified.
     */
    record LeadErased(LeadId lead, ProjectId project, ContactId contact, ErasureReason reason)
            implements DomainEvent {
    }
}
