package org.leadmanager;

import java.util.List;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.error.NotFoundException;

/**
 * Internal notes on a lead. A note records activity on its lead ({@link Tx#touch}) without making the lead's
 * version stale.
 */
final class LeadNotes {
    private final Context ctx;

    LeadNotes(Context ctx) {
        this.ctx = ctx;
    }

    Note add(Actor actor, LeadId id, String text) {
        return ctx.write(actor, tx -> {
            Lead lead = ctx.changeableLead(tx, id);
            Note note = new Note(new NoteId(ctx.ids.next()), actor.tenant(), id, actor.user(), text, tx.now, null, 0);
            // the lead's lock first: inserting a row that refers to the lead first would take a shared lock on it
            // (InnoDB's foreign key check), and two such units of work would deadlock raising it to update the lead
            tx.touch(lead.id());
            tx.s.notes().insert(note);
            return tx.record(LeadChanges.noteAdded(note));
        });
    }

    Note edit(Actor actor, NoteId noteId, String text) {
        return ctx.write(actor, tx -> {
            Note note = note(tx, noteId);
            Changed<Note> change = LeadChanges.editNote(note, actor.user(), text, tx.now);
            Lead lead = ctx.changeableLead(tx, note.lead());
            Note stored = tx.s.notes().update(change.state());
            tx.touch(lead.id());
            tx.record(change);
            return stored;
        });
    }

    void delete(Actor actor, NoteId noteId) {
        ctx.write(actor, tx -> {
            Note note = note(tx, noteId);
            Changed<Note> change = LeadChanges.deleteNote(note, actor.user());
            Lead lead = ctx.changeableLead(tx, note.lead());
            tx.s.notes().delete(note);
            tx.touch(lead.id());
            tx.record(change);
            return null;
        });
    }

    List<Note> of(Actor actor, LeadId id) {
        return ctx.read(s -> {
            ctx.viewableLead(s, actor, id);
            return s.notes().findByLead(actor.tenant(), id);
        });
    }

    private static Note note(Tx tx, NoteId id) {
        return tx.s.notes().find(tx.actor.tenant(), id).orElseThrow(() -> new NotFoundException("note", id));
    }
}
