package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Note;

/** Row of {@code lm_note}, with its mapping. */
@Entity(name = "LmNote")
@Table(name = "lm_note")
class NoteEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "lead_id", nullable = false)
    UUID leadId;
    /** Insertion order, from the column default {@code lm_note_seq}: orders notes created at the same instant. */
    @Column(name = "seq", insertable = false, updatable = false)
    long seq;
    @Column(name = "author", length = 64, nullable = false, updatable = false)
    String author;
    @Column(name = "body", length = 10_000, nullable = false)
    String body;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Column(name = "edited_at")
    Instant editedAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected NoteEntity() {
    }

    static NoteEntity of(Note note) {
        NoteEntity e = new NoteEntity();
        e.id = note.id().value();
        e.tenantId = note.tenant().value();
        e.leadId = note.lead().value();
        e.author = note.author().value();
        e.body = note.text();
        e.createdAt = note.createdAt();
        e.editedAt = note.editedAt();
        e.version = note.version();
        return e;
    }

    Note toDomain() {
        return new Note(new NoteId(id), TenantId.of(tenantId), new LeadId(leadId), UserId.of(author), body,
                createdAt, editedAt, version);
    }
}
