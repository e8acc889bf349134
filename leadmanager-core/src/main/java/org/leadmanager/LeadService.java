package org.leadmanager;

import java.util.List;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * {@link Leads}, composed of one class per capability: owners, statuses, notes, cards, timeline and contact
 * merges. It only reads a lead itself and hands every other call to the capability that owns it.
 */
final class LeadService implements Leads {
    private final Context ctx;
    private final LeadOwners owners;
    private final LeadStatuses statuses;
    private final LeadNotes notes;
    private final LeadCards cards;
    private final LeadTimeline timeline;
    private final ContactMerge merge;

    LeadService(Context ctx) {
        this.ctx = ctx;
        this.owners = new LeadOwners(ctx);
        this.statuses = new LeadStatuses(ctx);
        this.notes = new LeadNotes(ctx);
        this.cards = new LeadCards(ctx);
        this.timeline = new LeadTimeline(ctx);
        this.merge = new ContactMerge(ctx);
    }

    @Override
    public Lead get(Actor actor, LeadId id) {
        return ctx.read(s -> ctx.viewableLead(s, actor, id));
    }

    @Override
    public Lead assign(Actor actor, LeadId id, UserId user) {
        return owners.assign(actor, id, user);
    }

    @Override
    public Lead unassign(Actor actor, LeadId id) {
        return owners.unassign(actor, id);
    }

    @Override
    public AssignAllResult assignAll(Actor actor, Set<LeadId> ids, UserId user) {
        return owners.assignAll(actor, ids, user);
    }

    @Override
    public AssignAllResult unassignAll(Actor actor, Set<LeadId> ids) {
        return owners.unassignAll(actor, ids);
    }

    @Override
    public Lead changeStatus(Actor actor, LeadId id, StatusKey status) {
        return statuses.move(actor, id, status, null, null);
    }

    @Override
    public Lead convert(Actor actor, LeadId id) {
        return statuses.move(actor, id, null, StatusCategory.WON, null);
    }

    @Override
    public Lead convert(Actor actor, LeadId id, StatusKey status) {
        return statuses.move(actor, id, status, StatusCategory.WON, null);
    }

    @Override
    public Lead disqualify(Actor actor, LeadId id, String reason) {
        return statuses.move(actor, id, null, StatusCategory.LOST, reason);
    }

    @Override
    public Lead disqualify(Actor actor, LeadId id, StatusKey status, String reason) {
        return statuses.move(actor, id, status, StatusCategory.LOST, reason);
    }

    @Override
    public Note addNote(Actor actor, LeadId id, String text) {
        return notes.add(actor, id, text);
    }

    @Override
    public Note editNote(Actor actor, NoteId note, String text) {
        return notes.edit(actor, note, text);
    }

    @Override
    public void deleteNote(Actor actor, NoteId note) {
        notes.delete(actor, note);
    }

    @Override
    public List<Note> notes(Actor actor, LeadId id) {
        return notes.of(actor, id);
    }

    @Override
    public Lead refreshCard(Actor actor, LeadId id) {
        return cards.refresh(actor, id);
    }

    @Override
    public List<Activity> timeline(Actor actor, LeadId id) {
        return timeline.of(actor, id);
    }

    @Override
    public List<StatusChange> statusHistory(Actor actor, LeadId id) {
        return timeline.statusHistory(actor, id);
    }

    @Override
    public MergeResult contactsMerged(Actor actor, ContactId from, ContactId into) {
        return merge.contactsMerged(actor, from, into);
    }
}
