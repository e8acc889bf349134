package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

final class LeadService implements Leads {
    private final Context ctx;

    LeadService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Lead get(Actor actor, LeadId id) {
        return ctx.read(s -> {
            Lead lead = ctx.lead(s, actor, id);
            ctx.viewableProject(s, actor, lead.project());
            return lead;
        });
    }

    @Override
    public Lead assign(Actor actor, LeadId id, UserId user) {
        requireActiveUser(actor, user, "user");
        return ctx.write(actor, tx -> assignInTx(tx, id, user));
    }

    @Override
    public Lead unassign(Actor actor, LeadId id) {
        return ctx.write(actor, tx -> assignInTx(tx, id, null));
    }

    @Override
    public AssignAllResult assignAll(Actor actor, Set<LeadId> ids, UserId user) {
        requireActiveUser(actor, user, "user");
        return assignChunked(actor, ids, user);
    }

    @Override
    public AssignAllResult unassignAll(Actor actor, Set<LeadId> ids) {
        return assignChunked(actor, ids, null);
    }

    /**
     * Assigns in chunks, each in one unit of work. A lead that is gone, not the actor's to change, or whose access
     * check fails in the host is rejected before anything of it is written, so the rest of its chunk goes on. A
     * lead changed concurrently rolls its chunk back; that chunk is then repeated lead by lead, so only the changed
     * lead is rejected.
     */
    private AssignAllResult assignChunked(Actor actor, Set<LeadId> ids, UserId user) {
        List<LeadId> sorted = ids.stream().sorted().toList();
        List<LeadId> changed = new ArrayList<>();
        Map<LeadId, Rejection> rejected = new LinkedHashMap<>();
        for (int from = 0; from < sorted.size(); from += ctx.chunkSize) {
            List<LeadId> chunk = sorted.subList(from, Math.min(sorted.size(), from + ctx.chunkSize));
            Map<LeadId, Rejection> refused;
            try {
                refused = ctx.write(actor, tx -> {
                    Map<LeadId, Rejection> r = new LinkedHashMap<>();
                    for (LeadId id : chunk) {
                        try {
                            assignInTx(tx, id, user);
                        } catch (NotFoundException | AccessDeniedException | HostPortException e) {
                            r.put(id, Rejection.of(e));
                        }
                    }
                    return r;
                });
            } catch (StaleModificationException | ConflictException e) {
                refused = new LinkedHashMap<>();
                for (LeadId id : chunk) {
                    try {
                        ctx.write(actor, tx -> assignInTx(tx, id, user));
                    } catch (NotFoundException | AccessDeniedException | HostPortException
                             | StaleModificationException | ConflictException single) {
                        refused.put(id, Rejection.of(single));
                    }
                }
            }
            for (LeadId id : chunk) {
                if (!refused.containsKey(id)) {
                    changed.add(id);
                }
            }
            rejected.putAll(refused);
        }
        return new AssignAllResult(changed, rejected);
    }

    private Lead assignInTx(Tx tx, LeadId id, UserId user) {
        Lead lead = changeableLead(tx, id);
        OwnerReason reason = user == null ? OwnerReason.unassigned(tx.actor.user()) : OwnerReason.manual(tx.actor.user());
        return saved(tx, LeadChanges.assign(lead, user, reason, tx.now));
    }

    /** Stores a changed lead and records its change; an unchanged lead is neither stored nor recorded. */
    private static Lead saved(Tx tx, Changed<Lead> change) {
        if (!change.changed()) {
            return change.state();
        }
        Lead stored = tx.save(change.state());
        tx.record(change);
        return stored;
    }

    @Override
    public Lead changeStatus(Actor actor, LeadId id, StatusKey status) {
        return ctx.write(actor, tx -> moveStatus(tx, id, status, null, null));
    }

    @Override
    public Lead convert(Actor actor, LeadId id) {
        return ctx.write(actor, tx -> moveStatus(tx, id, null, StatusCategory.WON, null));
    }

    @Override
    public Lead convert(Actor actor, LeadId id, StatusKey status) {
        return ctx.write(actor, tx -> moveStatus(tx, id, status, StatusCategory.WON, null));
    }

    @Override
    public Lead disqualify(Actor actor, LeadId id, String reason) {
        return ctx.write(actor, tx -> moveStatus(tx, id, null, StatusCategory.LOST, reason.strip()));
    }

    @Override
    public Lead disqualify(Actor actor, LeadId id, StatusKey status, String reason) {
        return ctx.write(actor, tx -> moveStatus(tx, id, status, StatusCategory.LOST, reason.strip()));
    }

    private Lead moveStatus(Tx tx, LeadId id, StatusKey requested, StatusCategory category, String reason) {
        Lead lead = ctx.lead(tx.s, tx.actor, id);
        Project project = ctx.project(tx.s, tx.actor, lead.project());
        ctx.requireChange(tx.actor, project, lead);
        return saved(tx, LeadChanges.moveTo(lead, project, requested, category, reason, tx.now));
    }

    /** Moves a lead off a status its project retired; {@code project} is the project after the retirement. */
    static void moveOffRetired(Tx tx, Lead lead, Project project, StatusKey retired, StatusKey replacement) {
        saved(tx, LeadChanges.moveOffRetired(lead, project, retired, replacement, tx.now));
    }

    @Override
    public Note addNote(Actor actor, LeadId id, String text) {
        return ctx.write(actor, tx -> {
            Lead lead = changeableLead(tx, id);
            Note note = new Note(new NoteId(ctx.ids.next()), actor.tenant(), id, actor.user(), text, tx.now, null, 0);
            tx.s.notes().insert(note);
            tx.touch(lead.id());
            return tx.record(LeadChanges.noteAdded(note));
        });
    }

    @Override
    public Note editNote(Actor actor, NoteId noteId, String text) {
        return ctx.write(actor, tx -> {
            Note note = note(tx, noteId);
            Changed<Note> change = LeadChanges.editNote(note, actor.user(), text, tx.now);
            Lead lead = changeableLead(tx, note.lead());
            Note stored = tx.s.notes().update(change.state());
            tx.touch(lead.id());
            tx.record(change);
            return stored;
        });
    }

    @Override
    public void deleteNote(Actor actor, NoteId noteId) {
        ctx.write(actor, tx -> {
            Note note = note(tx, noteId);
            Changed<Note> change = LeadChanges.deleteNote(note, actor.user());
            Lead lead = changeableLead(tx, note.lead());
            tx.s.notes().delete(note);
            tx.touch(lead.id());
            tx.record(change);
            return null;
        });
    }

    @Override
    public List<Note> notes(Actor actor, LeadId id) {
        return ctx.read(s -> {
            viewableLead(s, actor, id);
            return s.notes().findByLead(actor.tenant(), id);
        });
    }

    @Override
    public Lead refreshCard(Actor actor, LeadId id) {
        Lead current = get(actor, id);
        ContactCard card = ctx.contacts.find(actor.tenant(), current.contact())
                .orElseThrow(() -> new NotFoundException("contact", current.contact()));
        return ctx.write(actor, tx -> {
            Lead lead = changeableLead(tx, id);
            return saved(tx, LeadChanges.refreshCard(lead, card, tx.now));
        });
    }

    @Override
    public List<Activity> timeline(Actor actor, LeadId id) {
        return ctx.read(s -> {
            Lead lead = viewableLead(s, actor, id);
            List<Activity> entries = new ArrayList<>();
            entries.add(qualifiedEntry(lead));
            entries.addAll(s.activities().findByLead(actor.tenant(), id));
            return entries;
        });
    }

    /**
     * The qualification is stored on the lead itself (bulk paths write one row per lead), shown as first entry:
     * number 1, which a new lead takes without waiting for anyone, since no other unit of work can see it yet.
     */
    private static Activity qualifiedEntry(Lead lead) {
        String why = lead.origin().kind() + (lead.origin().reference() == null ? "" : " " + lead.origin().reference());
        return new Activity(lead.tenant(), lead.id(), 1, lead.createdAt(), lead.origin().by(),
                ActivityType.QUALIFIED, null, null, why);
    }

    @Override
    public List<StatusChange> statusHistory(Actor actor, LeadId id) {
        return timeline(actor, id).stream()
                .filter(a -> a.type() == ActivityType.STATUS_CHANGED)
                .map(a -> new StatusChange(a.at(), a.actor(), StatusKey.of(a.from()), StatusKey.of(a.to()), a.text()))
                .toList();
    }

    @Override
    public MergeResult contactsMerged(Actor actor, ContactId from, ContactId into) {
        ctx.requireConfigure(actor);
        if (from.equals(into)) {
            throw ValidationException.of("into", "SameContact", "must differ from the merged contact " + from,
                    "contact", from);
        }
        ContactCard card = ctx.contacts.find(actor.tenant(), into)
                .orElseThrow(() -> new NotFoundException("contact", into));
        return ctx.write(actor, tx -> {
            List<LeadId> moved = new ArrayList<>();
            List<LeadId> merged = new ArrayList<>();
            for (Lead lead : tx.s.leads().findAllByContact(actor.tenant(), from)) {
                Optional<Lead> target = tx.s.leads().findByContact(actor.tenant(), lead.project(), into);
                if (target.isEmpty()) {
                    saved(tx, LeadChanges.moveToContact(lead, into, card, tx.now));
                    moved.add(lead.id());
                } else {
                    fold(tx, lead, target.get());
                    merged.add(lead.id());
                }
            }
            return new MergeResult(moved, merged);
        });
    }

    /** Moves notes, follow-ups and timeline of {@code source} to {@code target}, then removes {@code source}. */
    private void fold(Tx tx, Lead source, Lead target) {
        var tenant = tx.actor.tenant();
        // the source's qualification lives on its row, which is deleted: keep it as a stored timeline entry, so
        // the surviving timeline says why the folded lead existed. It goes first of the source's entries, which
        // follow the target's own, in their order
        tx.s.activities().append(List.of(qualifiedEntry(source).placed(target.id(), Activity.UNNUMBERED)));
        tx.s.notes().moveAll(tenant, source.id(), target.id());
        tx.s.followUps().moveAll(tenant, source.id(), target.id());
        tx.s.activities().moveAll(tenant, source.id(), target.id());
        boolean ownerActive = source.assignee() != null && ctx.users.isActive(tenant, source.assignee());
        Changed<Lead> change = LeadChanges.fold(source, target, ownerActive, tx.now);
        tx.s.leads().delete(source);
        saved(tx, change);
        tx.s.leads().setNextFollowUpAt(tenant, target.id(), earliestOpenDue(tx, target.id()));
    }

    static Instant earliestOpenDue(Tx tx, LeadId lead) {
        return tx.s.followUps().findByLead(tx.actor.tenant(), lead).stream()
                .filter(FollowUp::open)
                .map(FollowUp::dueAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private Lead viewableLead(org.leadmanager.spi.store.StoreSession s, Actor actor, LeadId id) {
        Lead lead = ctx.lead(s, actor, id);
        ctx.viewableProject(s, actor, lead.project());
        return lead;
    }

    private Lead changeableLead(Tx tx, LeadId id) {
        Lead lead = ctx.lead(tx.s, tx.actor, id);
        ctx.requireChange(tx.actor, ctx.project(tx.s, tx.actor, lead.project()), lead);
        return lead;
    }

    private static Note note(Tx tx, NoteId id) {
        return tx.s.notes().find(tx.actor.tenant(), id).orElseThrow(() -> new NotFoundException("note", id));
    }

    private void requireActiveUser(Actor actor, UserId user, String path) {
        if (!ctx.users.isActive(actor.tenant(), user)) {
            throw ValidationException.of(path, "InactiveUser", "user " + user + " is unknown or inactive",
                    "user", user);
        }
    }
}
