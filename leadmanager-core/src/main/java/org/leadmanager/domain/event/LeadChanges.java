package org.leadmanager.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * The commands of a {@link Lead} with the events they cause. Each runs the lead's own command, which checks the
 * rules and throws when it refuses, and names what happened.
 *
 * <p>Why here and not on {@code Lead}: the events carry the lead's and the project's values ({@code Origin},
 * {@code OwnerReason}, {@code StatusKey}), so this package depends on theirs; a lead naming its events would close
 * a package cycle. The rules stay on the lead; this class only turns its answer into events.
 */
public final class LeadChanges {

    private LeadChanges() {
    }

    /**
     * The lead is to be erased: its {@link DomainEvent.LeadErased} receipt. The state is the lead as it was; the
     * caller removes it with everything stored about it.
     */
    public static Changed<Lead> erased(Lead lead, org.leadmanager.domain.lead.ErasureReason reason) {
        return Changed.to(lead, new DomainEvent.LeadErased(lead.id(), lead.project(), lead.contact(), reason));
    }

    /** A lead just qualified: it and its {@link DomainEvent.LeadQualified} event. */
    public static Changed<Lead> qualified(Lead lead) {
        return Changed.to(lead, new DomainEvent.LeadQualified(lead.id(), lead.project(), lead.contact(),
                lead.origin(), lead.assignee()));
    }

    /**
     * {@link Lead#moveTo}: a status change, followed by {@link DomainEvent.LeadConverted} on a WON status or
     * {@link DomainEvent.LeadDisqualified} on a LOST one; unchanged on the current status.
     */
    public static Changed<Lead> moveTo(Lead lead, Project project, StatusKey requested, StatusCategory category,
            String reason, Instant now) {
        return moved(lead, lead.moveTo(project, requested, category, reason, now), project);
    }

    /** {@link Lead#moveOffRetired}, with the same events as any other status change. */
    public static Changed<Lead> moveOffRetired(Lead lead, Project project, StatusKey retired, StatusKey replacement,
            Instant now) {
        return moved(lead, lead.moveOffRetired(project, retired, replacement, now), project);
    }

    private static Changed<Lead> moved(Lead before, Lead after, Project project) {
        if (after == before) {
            return Changed.unchanged(before);
        }
        List<DomainEvent> events = new ArrayList<>(2);
        events.add(new DomainEvent.LeadStatusChanged(after.id(), after.project(), before.status(), after.status()));
        StatusCategory category = project.requireStatus(after.status(), "status").category();
        if (category == StatusCategory.WON) {
            events.add(new DomainEvent.LeadConverted(after.id(), after.project(), after.status()));
        } else if (category == StatusCategory.LOST) {
            events.add(new DomainEvent.LeadDisqualified(after.id(), after.project(), after.status(),
                    after.lostReason()));
        }
        return new Changed<>(after, events, before);
    }

    /** {@link Lead#assign}: {@link DomainEvent.LeadAssigned}, or unchanged when the user owns it already. */
    public static Changed<Lead> assign(Lead lead, UserId user, OwnerReason reason, Instant now) {
        Lead after = lead.assign(user, reason, now);
        if (after == lead) {
            return Changed.unchanged(lead);
        }
        return Changed.to(after, new DomainEvent.LeadAssigned(lead.id(), lead.project(), lead.assignee(), user,
                reason));
    }

    /** {@link Lead#refreshCard}: {@link DomainEvent.ContactCardRefreshed}. */
    public static Changed<Lead> refreshCard(Lead lead, ContactCard card, Instant now) {
        return Changed.to(lead.refreshCard(card, now), new DomainEvent.ContactCardRefreshed(lead.id(),
                lead.contact()));
    }

    /** {@link Lead#moveToContact}: {@link DomainEvent.LeadMovedToContact}. */
    public static Changed<Lead> moveToContact(Lead lead, ContactId into, ContactCard card, Instant now) {
        return Changed.to(lead.moveToContact(into, card, now), new DomainEvent.LeadMovedToContact(lead.id(),
                lead.contact(), into));
    }

    /**
     * {@code source}, a lead of a merged contact, folded into {@code target}, the same project's lead of the
     * surviving contact: the target keeps its own owner, or takes the source's when it has none and that user is
     * still active. Notes, follow-ups and timeline move with it (the store does that).
     *
     * @param sourceOwnerActive whether the source's owner may still receive leads
     * @throws IllegalArgumentException if the leads are the same or of different projects
     */
    public static Changed<Lead> fold(Lead source, Lead target, boolean sourceOwnerActive, Instant now) {
        if (source.id().equals(target.id()) || !source.project().equals(target.project())) {
            throw new IllegalArgumentException("cannot fold " + source + " into " + target);
        }
        List<DomainEvent> events = new ArrayList<>(2);
        // the merge first: its timeline entry closes the folded lead's entries, so what follows is the target's
        events.add(new DomainEvent.LeadsMerged(source.id(), target.id(), target.project()));
        Lead next = target;
        if (target.assignee() == null && source.assignee() != null && sourceOwnerActive) {
            Changed<Lead> owned = assign(target, source.assignee(), source.ownerReason(), now);
            next = owned.state();
            events.addAll(owned.events());
        }
        return new Changed<>(next.touched(now), events);
    }

    /**
     * The lead's first-response deadline passed: its {@link DomainEvent.FirstResponseBreached}. The state is the
     * lead as it is; its clock was ended by the store, which settled the breach.
     *
     * @param deadline    the deadline that passed
     * @param escalatedTo who was told
     */
    public static Changed<Lead> responseBreached(Lead lead, Instant deadline, UserId escalatedTo) {
        return Changed.to(lead, new DomainEvent.FirstResponseBreached(lead.id(), lead.project(), lead.assignee(),
                escalatedTo, deadline));
    }

    /** A note added: {@link DomainEvent.NoteAdded}. */
    public static Changed<Note> noteAdded(Note note) {
        return Changed.to(note, new DomainEvent.NoteAdded(note.lead(), note.id()));
    }

    /** {@link Note#edit}: {@link DomainEvent.NoteEdited}. */
    public static Changed<Note> editNote(Note note, UserId by, String text, Instant now) {
        Note edited = note.edit(by, text, now);
        return Changed.to(edited, new DomainEvent.NoteEdited(note.lead(), note.id()));
    }

    /** {@link Note#requireAuthor} then {@link DomainEvent.NoteDeleted}; the state is the deleted note. */
    public static Changed<Note> deleteNote(Note note, UserId by) {
        note.requireAuthor(by);
        return Changed.to(note, new DomainEvent.NoteDeleted(note.lead(), note.id()));
    }
}
