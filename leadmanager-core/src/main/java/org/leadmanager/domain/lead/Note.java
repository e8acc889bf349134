package org.leadmanager.domain.lead;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.AccessDeniedException;

/**
 * An internal note on a lead; never shown to the contact.
 *
 * @param editedAt null until edited
 */
public record Note(NoteId id, TenantId tenant, LeadId lead, UserId author, String text, Instant createdAt,
        Instant editedAt, long version) {

    public Note {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(author, "author");
        text = Text.required(text, "text", Text.MAX_NOTE);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The note with new text; stores and their tests use it, commands go through {@link #edit}. */
    public Note edited(String newText, Instant now) {
        return new Note(id, tenant, lead, author, newText, createdAt, now, version);
    }

    /**
     * The note with new text, written by its author.
     *
     * @throws AccessDeniedException if {@code by} is not the author
     */
    public Note edit(UserId by, String newText, Instant now) {
        requireAuthor(by);
        return edited(newText, now);
    }

    /**
     * Only the author changes or deletes a note.
     *
     * @throws AccessDeniedException if {@code user} is not the author
     */
    public void requireAuthor(UserId user) {
        if (!author.equals(user)) {
            throw new AccessDeniedException("only the author " + author + " may change note " + id);
        }
    }

    /** The note moved to another lead (after a merge). */
    public Note movedTo(LeadId target) {
        return new Note(id, tenant, target, author, text, createdAt, editedAt, version);
    }

    public Note withVersion(long newVersion) {
        return new Note(id, tenant, lead, author, text, createdAt, editedAt, newVersion);
    }
}
