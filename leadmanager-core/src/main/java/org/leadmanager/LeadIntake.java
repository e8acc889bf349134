package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.error.HostPortException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.event.ResponseClock;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.assignment.OwnerDecision;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;

/**
 * Creates leads: one contact, one contact for several projects, or many contacts chunk by chunk (a {@link Bulk}),
 * each chunk in its own unit of work with owners decided per chunk. Re-qualifying is idempotent: the store's
 * insert-if-absent decides which contacts become leads.
 */
final class LeadIntake {
    /** A null item in the input. */
    private static final Rejection NULL_ID = new Rejection.Invalid(
            List.of(new ValidationException.Violation("contacts[]", "NotNull", "must not be null")),
            "contact id is null");
    private final Context ctx;
    private final OwnerAssigner assigner;

    LeadIntake(Context ctx, OwnerAssigner assigner) {
        this.ctx = ctx;
        this.assigner = assigner;
    }

    /**
     * Outcomes of one chunk and the leads it created; {@code attempted}: how many leads it tried to insert without
     * knowing first whether they exist (0 when it asked the store first).
     */
    private record Chunk(List<ItemOutcome> outcomes, List<Lead> inserted, int attempted) {
    }

    /**
     * Per bulk call: whether the next chunk asks the store which contacts are leads already before building its
     * leads. Either way the outcomes are the same (insert-if-absent decides); asking first is only a question of
     * cost. A chunk of new contacts is cheapest inserted directly; a chunk of known leads (a re-run) is cheapest
     * answered by the existence check alone. So a call inserts directly until a chunk turns out mostly known,
     * and checks first while chunks keep being mostly known.
     */
    private static final class Probe {
        private boolean checkFirst;

        void learn(Chunk chunk) {
            if (chunk.attempted() > 0) {
                checkFirst = chunk.inserted().size() * 2 < chunk.attempted();
            } else {
                long added = chunk.outcomes().stream().filter(ItemOutcome.Added.class::isInstance).count();
                long already = chunk.outcomes().stream().filter(ItemOutcome.AlreadyLead.class::isInstance).count();
                checkFirst = already > added;
            }
        }
    }

    /** Qualifies one contact for one project, which must be open. */
    QualifyResult qualify(Actor actor, ProjectId projectId, ContactId contact, Origin origin) {
        ctx.read(s -> openProject(s, actor, projectId));
        ContactCard card = card(actor, contact);
        return ctx.write(actor, tx -> qualifyInTx(tx, projectId, contact, card, origin));
    }

    /** Qualifies one contact for several projects in one unit of work; archived projects are skipped. */
    List<QualifyResult> qualifyForEach(Actor actor, List<Project> projects, ContactId contact, Origin origin) {
        List<Project> open = projects.stream().filter(p -> !p.archived()).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        open.forEach(p -> ctx.requireView(actor, p));
        ContactCard card = card(actor, contact);
        return ctx.write(actor, tx -> open.stream()
                .map(p -> qualifyInTx(tx, p.id(), contact, card, origin))
                .toList());
    }

    /** Qualifies many contacts for an open project, chunk by chunk as they come, reporting each chunk. */
    BulkResult qualifyAll(Actor actor, ProjectId projectId, Iterable<ContactId> contacts, Origin origin,
            BulkListener listener) {
        Bulk bulk = bulk(actor, projectId, listener);
        Iterator<ContactId> input = contacts.iterator();
        while (input.hasNext()) {
            List<ContactId> chunk = new ArrayList<>(ctx.chunkSize);
            while (input.hasNext() && chunk.size() < ctx.chunkSize) {
                chunk.add(input.next());
            }
            bulk.add(chunk, origin);
        }
        return bulk.result();
    }

    /** A bulk call on an open project: chunks added one by one, their outcomes summed and reported. */
    Bulk bulk(Actor actor, ProjectId projectId, BulkListener listener) {
        Project project = ctx.read(s -> openProject(s, actor, projectId));
        return new Bulk(actor, project, listener);
    }

    /** One bulk call: its project, what it learned about its chunks so far, and its running totals. */
    final class Bulk {
        private final Actor actor;
        private final Project project;
        private final Tally tally;
        private final Probe probe = new Probe();

        private Bulk(Actor actor, Project project, BulkListener listener) {
            this.actor = actor;
            this.project = project;
            this.tally = new Tally(listener);
        }

        /** The project as the call began. */
        Project project() {
            return project;
        }

        /** Qualifies one chunk of contacts in its own unit of work. */
        void add(List<ContactId> chunk, Origin origin) {
            tally.add(qualifyChunk(actor, project, chunk, origin, probe));
        }

        BulkResult result() {
            return tally.result();
        }
    }

    /** Qualifies one contact; the project is read again here so its current configuration applies. */
    private QualifyResult qualifyInTx(Tx tx, ProjectId projectId, ContactId contact, ContactCard card,
            Origin origin) {
        Project project = openProject(tx.s, tx.actor, projectId);
        Chunk chunk = insertChunk(tx, project, List.of(contact), Map.of(contact, card), origin, false);
        if (!chunk.inserted().isEmpty()) {
            return new QualifyResult(chunk.inserted().get(0), true);
        }
        Lead existing = tx.s.leads().findByContact(tx.actor.tenant(), projectId, contact).orElseThrow();
        return new QualifyResult(existing, false);
    }

    /**
     * One chunk in one unit of work. The project is read again inside it: a chunk never applies a default status,
     * archive flag or policy that a concurrent change already replaced.
     */
    private Chunk qualifyChunk(Actor actor, Project project, List<ContactId> ids, Origin origin, Probe probe) {
        Set<ContactId> lookup = new LinkedHashSet<>(ids);
        lookup.remove(null);
        Chunk chunk;
        try {
            Map<ContactId, ContactCard> cards = lookup.isEmpty() ? Map.of()
                    : ctx.contacts.findAll(actor.tenant(), lookup);
            chunk = ctx.write(actor, tx -> insertChunk(tx, openProject(tx.s, actor, project.id()), ids, cards,
                    origin, probe.checkFirst));
        } catch (HostPortException e) {
            // the chunk changed nothing; its items are reported with the port's failure and the next chunk goes on
            return rejected(ids, new Rejection.HostFailed(e.getMessage()));
        }
        probe.learn(chunk);
        return chunk;
    }

    private static Chunk rejected(List<ContactId> ids, Rejection reason) {
        List<ItemOutcome> outcomes = ids.stream()
                .map(id -> (ItemOutcome) new ItemOutcome.Rejected(id, id == null ? NULL_ID : reason))
                .toList();
        return new Chunk(outcomes, List.of(), 0);
    }

    /**
     * Whether owners can only be decided once it is known which contacts are new: round-robin positions and
     * least-open-leads counts are consumed per new lead. Rules, the fallback and "unassigned" are decided from the
     * card alone, so deciding them for a contact that turns out to be a lead already changes nothing.
     */
    private static boolean decidesPerNewLead(Project project) {
        AssignmentStrategy strategy = project.assignment().strategy();
        return !project.team().isEmpty()
                && (strategy == AssignmentStrategy.ROUND_ROBIN || strategy == AssignmentStrategy.LEAST_OPEN_LEADS);
    }

    /**
     * Creates the leads of one chunk; outcomes in input order. Which contacts get a lead is decided by the store's
     * insert-if-absent alone; the existence check before it only saves work (see {@link Probe}), except where the
     * policy needs the new contacts before deciding owners ({@link #decidesPerNewLead}). Events only for the leads
     * inserted.
     */
    private Chunk insertChunk(Tx tx, Project project, List<ContactId> ids, Map<ContactId, ContactCard> cards,
            Origin origin, boolean checkFirst) {
        Set<ContactId> known = new LinkedHashSet<>();
        for (ContactId id : ids) {
            if (id != null && cards.containsKey(id)) {
                known.add(id);
            }
        }
        boolean check = !known.isEmpty() && (checkFirst || decidesPerNewLead(project));
        Set<ContactId> existing = check ? tx.s.leads().existingContacts(tx.actor.tenant(), project.id(), known)
                : Set.of();
        List<ContactId> fresh = existing.isEmpty() ? List.copyOf(known)
                : known.stream().filter(c -> !existing.contains(c)).toList();
        List<OwnerDecision> decisions =
                assigner.decide(tx, project, fresh.stream().map(cards::get).toList(), false);
        List<Lead> candidates = new ArrayList<>(fresh.size());
        Instant responseDue = ResponseClock.started(project, tx.now);
        for (int i = 0; i < fresh.size(); i++) {
            OwnerDecision d = decisions.get(i);
            ContactId contact = fresh.get(i);
            candidates.add(Lead.qualify(new LeadId(ctx.ids.next()), tx.actor.tenant(), project.id(), contact,
                    cards.get(contact), project.defaultStatus(), origin, d.assignee(), d.reason(), tx.now)
                    .withResponseDueAt(responseDue));
        }
        List<Lead> inserted = candidates.isEmpty() ? List.of() : tx.s.leads().insertIfAbsent(candidates);
        Map<ContactId, Lead> created = new HashMap<>();
        for (Lead lead : inserted) {
            created.put(lead.contact(), lead);
            tx.record(LeadChanges.qualified(lead));
        }
        List<ItemOutcome> outcomes = new ArrayList<>(ids.size());
        Set<ContactId> reported = new HashSet<>();
        for (ContactId id : ids) {
            if (id == null) {
                outcomes.add(new ItemOutcome.Rejected(null, NULL_ID));
            } else if (!cards.containsKey(id)) {
                outcomes.add(new ItemOutcome.Rejected(id, new Rejection.NotFound("contact " + id + " not found")));
            } else if (created.containsKey(id) && reported.add(id)) {
                outcomes.add(new ItemOutcome.Added(id, created.get(id).id()));
            } else {
                outcomes.add(new ItemOutcome.AlreadyLead(id));
            }
        }
        return new Chunk(outcomes, inserted, check ? 0 : candidates.size());
    }

    private Project openProject(org.leadmanager.spi.store.StoreSession s, Actor actor, ProjectId id) {
        Project project = ctx.viewableProject(s, actor, id);
        if (project.archived()) {
            throw new ConflictException("project '" + project.name() + "' is archived and takes no new leads");
        }
        return project;
    }

    private ContactCard card(Actor actor, ContactId contact) {
        return ctx.contacts.find(actor.tenant(), contact).orElseThrow(() -> new NotFoundException("contact", contact));
    }

    /** Sums chunk outcomes and feeds the listener. */
    private static final class Tally {
        private final BulkListener listener;
        private long processed;
        private long added;
        private long already;
        private final List<ItemOutcome.Rejected> rejected = new ArrayList<>();

        Tally(BulkListener listener) {
            this.listener = listener;
        }

        void add(Chunk chunk) {
            for (ItemOutcome o : chunk.outcomes()) {
                if (o instanceof ItemOutcome.Added) {
                    added++;
                } else if (o instanceof ItemOutcome.AlreadyLead) {
                    already++;
                } else if (o instanceof ItemOutcome.Rejected r) {
                    rejected.add(r);
                }
            }
            processed += chunk.outcomes().size();
            listener.onChunk(chunk.outcomes(), processed);
        }

        BulkResult result() {
            return new BulkResult(processed, added, already, rejected);
        }
    }
}
