package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.spi.store.NoteRepository;

/**
 * Notes by id and per lead. Each note keeps the sequence number of its insertion, so notes created at the same
 * instant list in insertion order, also after a merge moved them to another lead.
 */
final class NoteTable implements NoteRepository {

    private record Stored(Note note, long sequence) {
    }

    private static final Comparator<Stored> OLDEST_FIRST =
            Comparator.comparing((Stored s) -> s.note().createdAt()).thenComparingLong(Stored::sequence);

    private final Transactions transactions;
    private final Map<NoteId, Stored> byId = new HashMap<>();
    private final Map<TenantKey<LeadId>, Set<NoteId>> byLead = new HashMap<>();
    /** Only grows; a rolled-back insert leaves a gap, which orders nothing differently. */
    private long nextSequence;

    NoteTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Note note) {
        Objects.requireNonNull(note, "note");
        UndoLog log = transactions.active().changes();
        if (byId.containsKey(note.id())) {
            throw new ConflictException("note " + note.id() + " already exists");
        }
        put(new Stored(note, nextSequence++), log);
    }

    @Override
    public Note update(Note note) {
        Objects.requireNonNull(note, "note");
        UndoLog log = transactions.active().changes();
        Stored stored = current(note);
        Note next = note.withVersion(stored.note().version() + 1);
        remove(stored, log);
        put(new Stored(next, stored.sequence()), log);
        return next;
    }

    @Override
    public void delete(Note note) {
        Objects.requireNonNull(note, "note");
        UndoLog log = transactions.active().changes();
        remove(current(note), log);
    }

    @Override
    public Optional<Note> find(TenantId tenant, NoteId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).map(Stored::note).filter(n -> n.tenant().equals(tenant));
    }

    @Override
    public List<Note> findByLead(TenantId tenant, LeadId lead) {
        TenantKey<LeadId> key = TenantKey.of(tenant, lead);
        transactions.checkActive();
        return byLead.getOrDefault(key, Set.of()).stream().map(byId::get).sorted(OLDEST_FIRST).map(Stored::note)
                .toList();
    }

    /** Moves the notes keeping their versions: a move is not an edit of the note. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        TenantKey<LeadId> source = TenantKey.of(tenant, from);
        Objects.requireNonNull(into, "into");
        UndoLog log = transactions.active().changes();
        if (from.equals(into)) {
            return;
        }
        for (NoteId id : new ArrayList<>(byLead.getOrDefault(source, Set.of()))) {
            Stored stored = byId.get(id);
            remove(stored, log);
            put(new Stored(stored.note().movedTo(into), stored.sequence()), log);
        }
    }

    /** Removes every note of the lead (erasure). */
    void deleteAllByLead(TenantId tenant, LeadId lead) {
        UndoLog log = transactions.active().changes();
        for (NoteId id : new ArrayList<>(byLead.getOrDefault(TenantKey.of(tenant, lead), Set.of()))) {
            remove(byId.get(id), log);
        }
        log.removeEntry(byLead, TenantKey.of(tenant, lead));
    }

    private Stored current(Note note) {
        Stored stored = byId.get(note.id());
        if (stored == null || !stored.note().tenant().equals(note.tenant())
                || stored.note().version() != note.version()) {
            throw new StaleModificationException("note", note.id(), note.version());
        }
        return stored;
    }

    private void put(Stored stored, UndoLog log) {
        Note note = stored.note();
        log.putEntry(byId, note.id(), stored);
        log.addElement(byLead.computeIfAbsent(TenantKey.of(note.tenant(), note.lead()), k -> new HashSet<>()),
                note.id());
    }

    private void remove(Stored stored, UndoLog log) {
        Note note = stored.note();
        log.removeEntry(byId, note.id());
        log.removeElement(byLead.get(TenantKey.of(note.tenant(), note.lead())), note.id());
    }
}
