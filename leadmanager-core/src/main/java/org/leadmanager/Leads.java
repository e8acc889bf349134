package org.leadmanager;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.NoteId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Note;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;

/**
 * Working a lead: owner, status, notes, contact card, timeline, and host contact merges.
 * Reading needs {@code AccessPolicy.canView} of the lead's project, changing needs {@code canChange} of the lead.
 * Every method throws {@link ValidationException}, {@link NotFoundException}, {@link AccessDeniedException} or
 * {@link StaleModificationException} as their names say; a call that throws changed nothing.
 */
public interface Leads {

    /** The lead. */
    Lead get(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * Makes a user the lead's owner.
     *
     * @throws ValidationException if the user is unknown or inactive per {@code UserDirectory}
     */
    Lead assign(@NotNull Actor actor, @NotNull LeadId lead, @NotNull UserId user);

    /** Removes the lead's owner. */
    Lead unassign(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * Assigns many leads to a user, in chunks, each chunk in its own unit of work (in a host's transaction, if the
     * store joins one: then all chunks are that one). Leads that do not exist, that the actor may not change, or
     * that changed concurrently are reported per item ({@link Rejection}); the others change.
     *
     * @throws ValidationException if the user is unknown or inactive
     */
    AssignAllResult assignAll(@NotNull Actor actor, @NotEmpty Set<@NotNull LeadId> leads, @NotNull UserId user);

    /** Removes the owner of many leads, as {@link #assignAll} assigns them. */
    AssignAllResult unassignAll(@NotNull Actor actor, @NotEmpty Set<@NotNull LeadId> leads);

    /**
     * Moves the lead to a status of its project, recording who, when, from and to.
     *
     * @throws ValidationException if the status is not in the project's list
     * @throws ConflictException if the project's allowed transitions forbid the move
     */
    Lead changeStatus(@NotNull Actor actor, @NotNull LeadId lead, @NotNull StatusKey status);

    /**
     * Converts the lead: moves it to the project's first WON status.
     *
     * @throws ValidationException if the project has no WON status
     */
    Lead convert(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * Converts the lead to the given WON status.
     *
     * @throws ValidationException if the status is not one of the project's WON statuses
     */
    Lead convert(@NotNull Actor actor, @NotNull LeadId lead, @NotNull StatusKey status);

    /**
     * Disqualifies the lead with a reason: moves it to the project's first LOST status.
     *
     * @throws ValidationException if the project has no LOST status or the reason is blank
     */
    Lead disqualify(@NotNull Actor actor, @NotNull LeadId lead, @NotBlank @Size(max = 10_000) String reason);

    /**
     * Disqualifies the lead with a reason, to the given LOST status.
     *
     * @throws ValidationException if the status is not one of the project's LOST statuses or the reason is blank
     */
    Lead disqualify(@NotNull Actor actor, @NotNull LeadId lead, @NotNull StatusKey status,
            @NotBlank @Size(max = 10_000) String reason);

    /** Adds an internal note, never shown to the contact. */
    Note addNote(@NotNull Actor actor, @NotNull LeadId lead, @NotBlank @Size(max = 10_000) String text);

    /**
     * Edits one's own note.
     *
     * @throws AccessDeniedException if the actor is not its author
     */
    Note editNote(@NotNull Actor actor, @NotNull NoteId note, @NotBlank @Size(max = 10_000) String text);

    /**
     * Deletes one's own note.
     *
     * @throws AccessDeniedException if the actor is not its author
     */
    void deleteNote(@NotNull Actor actor, @NotNull NoteId note);

    /** The lead's notes, oldest first. */
    List<Note> notes(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * Reloads the contact card from the host's {@code ContactDirectory}.
     *
     * @throws NotFoundException if the host no longer has the contact
     */
    Lead refreshCard(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * Everything that happened to the lead, starting with its qualification, in the order the changes committed
     * and numbered so ({@link Activity#sequence()}: 1, 2, 3, ...). An entry's time is when its call began, so
     * under concurrent changes (or a clock set back) times may run against that order. After a contact merge, the
     * folded lead's entries, its qualification first, follow the surviving lead's own.
     */
    List<Activity> timeline(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * The status changes of the lead in the order they committed, as in {@link #timeline}; so each one starts from
     * the status the one before it reached (a merge appends the folded lead's own changes after them).
     */
    List<StatusChange> statusHistory(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * The host merged contact {@code from} into {@code into}. For each project: when only {@code from} is a lead,
     * the lead moves to {@code into}; when both are, the notes, follow-ups and timeline of {@code from}'s lead move
     * to {@code into}'s lead (which keeps its status and, if it has one, its owner) and {@code from}'s lead is
     * removed; it takes over the merged lead's owner only if it has none and that owner is active. Nothing is
     * lost. Needs {@code canConfigure}.
     */
    MergeResult contactsMerged(@NotNull Actor actor, @NotNull ContactId from, @NotNull ContactId into);
}
