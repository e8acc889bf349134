package org.leadmanager.jpa;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.error.StaleModificationException;
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
        NoteEntity changed = NoteEntity.of(note);
        if (!s.updateVersioned(NoteEntity.class, changed.id, changed,
                stored -> stored.tenantId.equals(changed.tenantId) && stored.version == changed.version)) {
            throw new StaleModificationException("note", note.id(), note.version());
        }
        return note.withVersion(note.version() + 1);
    }

    @Override
    public void delete(Note note) {
        int rows = s.em.createQuery("delete from LmNote n where n.id = :id and n.tenantId = :tenant"
                + " and n.version = :version").setParameter("id", note.id().value())
                .setParameter("tenant", note.tenant().value()).setParameter("version", note.version())
                .executeUpdate();
        if (rows == 0) {
            throw new StaleModificationException("note", note.id(), note.version());
        }
    }

    @Override
    public Optional<Note> find(TenantId tenant, NoteId id) {
        return s.<NoteEntity>first(s.em.createQuery("select n from LmNote n where n.id = :id and n.tenantId = :tenant",
                NoteEntity.class).setParameter("id", id.value()).setParameter("tenant", tenant.value()))
                .map(NoteEntity::toDomain);
    }

    @Override
    public List<Note> findByLead(TenantId tenant, LeadId lead) {
        return s.<NoteEntity>list(s.em.createQuery("select n from LmNote n where n.leadId = :lead"
                + " and n.tenantId = :tenant order by n.createdAt, n.seq", NoteEntity.class)
                .setParameter("lead", lead.value()).setParameter("tenant", tenant.value()))
                .stream().map(NoteEntity::toDomain).toList();
    }

    /** Moves the notes and bumps their versions, so an edit based on the old lead fails instead of moving it back. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        s.em.createQuery("update LmNote n set n.leadId = :into, n.version = n.version + 1 where n.leadId = :from"
                + " and n.tenantId = :tenant").setParameter("into", into.value()).setParameter("from", from.value())
                .setParameter("tenant", tenant.value()).executeUpdate();
    }
}
