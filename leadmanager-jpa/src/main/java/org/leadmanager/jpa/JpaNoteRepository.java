package org.leadmanager.jpa;

import java.util.List;
import java.util.Optional;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.spi.store.NoteRepository;

/** Notes in {@code lm_note}. */
final class JpaNoteRepository implements NoteRepository {
    private final JpaSession s;

    JpaNoteRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(Note note) {
        s.insert(NoteEntity.of(note));
    }

    @Override
    public Note update(Note note) {
        if (!s.updateVersioned(NoteEntity.of(note))) {
            throw new StaleModificationException("note", note.id(), note.version());
        }
        return note.withVersion(note.version() + 1);
    }

    @Override
    public void delete(Note note) {
        int rows = s.execute("delete from LmNote n where n.id = ?1 and n.tenantId = ?2 and n.version = ?3",
                note.id().toString(), note.tenant().value(), note.version());
        if (rows == 0) {
            throw new StaleModificationException("note", note.id(), note.version());
        }
    }

    @Override
    public Optional<Note> find(TenantId tenant, NoteId id) {
        return s.first("select n from LmNote n where n.id = ?1 and n.tenantId = ?2", NoteEntity.class,
                id.toString(), tenant.value()).map(NoteEntity::toDomain);
    }

    @Override
    public List<Note> findByLead(TenantId tenant, LeadId lead) {
        return s.list("select n from LmNote n where n.leadId = ?1 and n.tenantId = ?2 order by n.createdAt, n.seq",
                NoteEntity.class, lead.toString(), tenant.value()).stream().map(NoteEntity::toDomain).toList();
    }

    /** Moves the notes and bumps their versions, so an edit based on the old lead fails instead of moving it back. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        s.execute("update LmNote n set n.leadId = ?1, n.version = n.version + 1 where n.leadId = ?2"
                + " and n.tenantId = ?3", into.toString(), from.toString(), tenant.value());
    }
}
