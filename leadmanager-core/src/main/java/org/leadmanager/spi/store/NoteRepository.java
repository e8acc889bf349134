package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Note;

/** Store SPI: internal notes. */
public interface NoteRepository {

    void insert(Note note);

    /** @return the note with its new version. @throws org.leadmanager.error.StaleModificationException on version mismatch */
    Note update(Note note);

    /** @throws org.leadmanager.error.StaleModificationException on version mismatch */
    void delete(Note note);

    Optional<Note> find(TenantId tenant, NoteId id);

    /** Notes of a lead, oldest first. */
    List<Note> findByLead(TenantId tenant, LeadId lead);

    /** Moves every note of one lead to another (contact merge). */
    void moveAll(TenantId tenant, LeadId from, LeadId into);
}
