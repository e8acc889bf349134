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
import org.leadmanager.domain.event.DomainEvent;
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
        Lead lead = ctx.lead(tx.s, tx.actor, id);
        Project project = ctx.project(tx.s, tx.actor, lead.project());
        ctx.requireChange(tx.actor, project, lead);
        if (Objects.equals(lead.assignee(), user)) {
            return lead;
        }
        OwnerReason reason = user == null ? OwnerReason.unassigned(tx.actor.user()) : OwnerReason.manual(tx.actor.user());
        Lead stored = tx.save(lead.assignedTo(user, reason, tx.now));
        tx.activity(id, user == null ? ActivityType.UNASSIGNED : ActivityType.ASSIGNED, lead.assignee(), user, null);
        tx.emit(new DomainEvent.LeadAssigned(id, lead.project(), lead.assignee(), user, reason));
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

    /**
     * The one path for status changes. {@code category} is what the caller asked for (WON for convert, LOST for
     * disqualify, null for a plain change, which may not reach LOST without a reason).
     */
    private Lead moveStatus(Tx tx, LeadId id, StatusKey requested, StatusCategory category, String reason) {
        Lead lead = ctx.lead(tx.s, tx.actor, id);
        Project project = ctx.project(tx.s, tx.actor, lead.project());
        ctx.requireChange(tx.actor, project, lead);
        LeadStatus target = requested != null ? project.requireStatus(requested, "status")
                : project.firstOf(category).orElseThrow(() -> ValidationException.of("status", "UnknownStatus",
                        "project '" + project.name() + "' has no " + category + " status", "category", category));
        if (category != null && target.category() != category) {
            throw ValidationException.of("status", "StatusCategory", "'" + target.key() + "' is "
                    + target.category() + ", expected a " + category + " status",
                    "key", target.key(), "category", target.category(), "expected", category);
        }
        if (category == null && target.category() == StatusCategory.LOST) {
            throw ValidationException.of("status", "LostReasonRequired",
                    "'" + target.key() + "' is LOST: use disqualify with a reason", "key", target.key());
        }
        if (target.key().equals(lead.status())) {
            return lead;
        }
        if (!project.allowsTransition(lead.status(), target.key())) {
            throw new ConflictException("project '" + project.name() + "' does not allow moving from '"
                    + lead.status() + "' to '" + target.key() + "'; allowed: "
                    + project.transitions().get(lead.status()));
        }
        return recordMove(tx, lead, target, reason);
    }

    /**
     * Stores a lead's move to another status with its history entry and events: the one way every path (status
     * change, convert, disqualify, retiring a status) moves a lead. {@code reason} is kept only for LOST statuses.
     */
    static Lead recordMove(Tx tx, Lead lead, LeadStatus target, String reason) {
        String kept = target.category() == StatusCategory.LOST ? reason : null;
        Lead stored = tx.save(lead.withStatus(target.key(), kept, tx.now));
        tx.activity(lead.id(), ActivityType.STATUS_CHANGED, lead.status(), target.key(), kept);
        tx.emit(new DomainEvent.LeadStatusChanged(lead.id(), lead.project(), lead.status(), target.key()));
        if (target.category() == StatusCategory.WON) {
            tx.emit(new DomainEvent.LeadConverted(lead.id(), lead.project(), target.key()));
        } else if (target.category() == StatusCategory.LOST) {
            tx.emit(new DomainEvent.LeadDisqualified(lead.id(), lead.project(), target.key(), kept));
        }
        return stored;
    }

    @Override
    public Note addNote(Actor actor, LeadId id, String text) {
        return ctx.write(actor, tx -> {
            Lead lead = changeableLead(tx, id);
            Note note = new Note(new NoteId(ctx.ids.next()), actor.tenant(), id, actor.user(), text, tx.now, null, 0);
            tx.s.notes().insert(note);
            tx.touch(lead.id());
            tx.activity(id, ActivityType.NOTE_ADDED, null, note.id(), null);
            tx.emit(new DomainEvent.NoteAdded(id, note.id()));
            return note;
        });
    }

    @Override
    public Note editNote(Actor actor, NoteId noteId, String text) {
        return ctx.write(actor, tx -> {
            Note note = ownNote(tx, noteId);
            Lead lead = changeableLead(tx, note.lead());
            Note stored = tx.s.notes().update(note.edited(text, tx.now));
            tx.touch(lead.id());
            tx.activity(note.lead(), ActivityType.NOTE_EDITED, null, note.id(), null);
            tx.emit(new DomainEvent.NoteEdited(note.lead(), note.id()));
            return stored;
        });
    }

    @Override
    public void deleteNote(Actor actor, NoteId noteId) {
        ctx.write(actor, tx -> {
            Note note = ownNote(tx, noteId);
            Lead lead = changeableLead(tx, note.lead());
            tx.s.notes().delete(note);
            tx.touch(lead.id());
            tx.activity(note.lead(), ActivityType.NOTE_DELETED, null, note.id(), null);
            tx.emit(new DomainEvent.NoteDeleted(note.lead(), note.id()));
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
            Lead stored = tx.save(lead.withCard(card, tx.now));
            tx.activity(id, ActivityType.CARD_REFRESHED, null, null, null);
            tx.emit(new DomainEvent.ContactCardRefreshed(id, lead.contact()));
            return stored;
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
                    tx.save(lead.withContact(into, card, tx.now));
                    tx.activity(lead.id(), ActivityType.MERGED, from, into, "contact merged");
                    tx.emit(new DomainEvent.LeadMovedToContact(lead.id(), from, into));
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
        Lead next = target;
        if (target.assignee() == null && source.assignee() != null
                && ctx.users.isActive(tenant, source.assignee())) {
            next = next.assignedTo(source.assignee(), source.ownerReason(), tx.now);
            tx.activity(target.id(), ActivityType.ASSIGNED, null, source.assignee(), "owner of the merged lead");
            tx.emit(new DomainEvent.LeadAssigned(target.id(), target.project(), null, source.assignee(),
                    source.ownerReason()));
        }
        tx.s.leads().delete(source);
        tx.save(next.touched(tx.now));
        tx.s.leads().setNextFollowUpAt(tenant, target.id(), earliestOpenDue(tx, target.id()));
        tx.activity(target.id(), ActivityType.MERGED, source.id(), target.id(), "lead of merged contact folded in");
        tx.emit(new DomainEvent.LeadsMerged(source.id(), target.id(), target.project()));
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

    private Note ownNote(Tx tx, NoteId id) {
        Note note = tx.s.notes().find(tx.actor.tenant(), id).orElseThrow(() -> new NotFoundException("note", id));
        if (!note.author().equals(tx.actor.user())) {
            throw new AccessDeniedException("only the author " + note.author() + " may change note " + id);
        }
        return note;
    }

    private void requireActiveUser(Actor actor, UserId user, String path) {
        if (!ctx.users.isActive(actor.tenant(), user)) {
            throw ValidationException.of(path, "InactiveUser", "user " + user + " is unknown or inactive",
                    "user", user);
        }
    }
}
