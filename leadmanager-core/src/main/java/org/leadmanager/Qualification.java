package org.leadmanager;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/**
 * Turning contacts into leads: by hand, through bound contact groups, or through marketing actions.
 * Re-qualifying is idempotent: a project never has two leads for one contact, also under concurrency.
 * New leads get the project's default status and an owner by the project's {@code AssignmentPolicy}.
 */
public interface Qualification {

    /**
     * Qualifies one contact for a project by hand.
     *
     * @throws NotFoundException if the project or the contact (per {@code ContactDirectory}) does not exist
     * @throws ConflictException if the project is archived
     */
    QualifyResult qualify(@NotNull Actor actor, @NotNull ProjectId project, @NotNull ContactId contact);

    /**
     * Qualifies a selection of contacts for a project by hand ("Zum Leadmanager hinzufügen"), in chunks, each
     * chunk in its own unit of work. Unknown contacts and null ids are rejected per item, not failing the batch; a
     * contact listed twice counts as added once and then as already a lead. Input is consumed once and never held
     * in memory as a whole.
     *
     * @return counts and the rejected items
     * @throws NotFoundException if the project does not exist
     * @throws ConflictException if the project is archived
     */
    default BulkResult qualifyAll(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull Iterable<ContactId> contacts) {
        return qualifyAll(actor, project, contacts, BulkListener.none());
    }

    /**
     * {@link #qualifyAll(Actor, ProjectId, Iterable)}, telling the listener each chunk's per-item outcomes and the
     * progress after the chunk committed.
     */
    BulkResult qualifyAll(@NotNull Actor actor, @NotNull ProjectId project, @NotNull Iterable<ContactId> contacts,
            @NotNull BulkListener listener);

    /**
     * The host reports that a contact joined a group: it becomes a lead of every project bound to the group, all in
     * one unit of work.
     *
     * @return one result per bound project that is not archived (empty when there is none)
     * @throws NotFoundException if the contact does not exist
     */
    List<QualifyResult> contactJoinedGroup(@NotNull Actor actor, @NotNull ContactGroupId group,
            @NotNull ContactId contact);

    /**
     * Reconciles a project with the current members of its bound groups: members that are not yet leads become
     * leads. Members are read page by page from the {@code ContactDirectory}. Leads of former members stay.
     */
    default BulkResult syncGroups(@NotNull Actor actor, @NotNull ProjectId project) {
        return syncGroups(actor, project, BulkListener.none());
    }

    /** {@link #syncGroups(Actor, ProjectId)}, telling the listener each chunk's outcomes after it committed. */
    BulkResult syncGroups(@NotNull Actor actor, @NotNull ProjectId project, @NotNull BulkListener listener);

    /**
     * What a new marketing action needs.
     *
     * @param name     1 to 200 characters
     * @param kind     e-mail campaign, event, web form, import or other
     * @param projects the projects a response qualifies for, at least one
     * @param startsOn the first day of its period; null when open or unknown
     * @param endsOn   the last day of its period, not before {@code startsOn}; null when open or unknown
     */
    record NewAction(@NotBlank @Size(max = 200) String name, @NotNull ActionKind kind,
            @NotEmpty Set<@NotNull ProjectId> projects, LocalDate startsOn, LocalDate endsOn) {

        /** An action without a period. */
        public static NewAction of(String name, ActionKind kind, Set<ProjectId> projects) {
            return new NewAction(name, kind, projects, null, null);
        }

        /** This action, running from {@code startsOn} to {@code endsOn} (either may be null: open). */
        public NewAction during(LocalDate startsOn, LocalDate endsOn) {
            return new NewAction(name, kind, projects, startsOn, endsOn);
        }
    }

    /**
     * Creates a marketing action, e.g. an e-mail campaign, whose responses qualify contacts for its projects.
     *
     * @throws NotFoundException if a project does not exist
     * @throws ValidationException at {@code command.endsOn} if the period ends before it starts
     */
    MarketingAction createAction(@NotNull Actor actor, @NotNull @Valid NewAction command);

    /** Creates a marketing action of kind {@link ActionKind#OTHER} without a period (see the overload). */
    MarketingAction createAction(@NotNull Actor actor, @NotBlank @Size(max = 200) String name,
            @NotEmpty Set<@NotNull ProjectId> projects);

    /** Marketing actions of the tenant, by name. */
    List<MarketingAction> actions(@NotNull Actor actor);

    /**
     * A contact responded to a marketing action: it becomes a lead of each of the action's projects, with the
     * action recorded as source, all in one unit of work. Archived projects are skipped.
     *
     * @throws NotFoundException if the action or the contact does not exist
     */
    List<QualifyResult> actionResponse(@NotNull Actor actor, @NotNull MarketingActionId action,
            @NotNull ContactId contact);

    /**
     * Dry run: who would own each contact's new lead under the project's policy, without changing anything
     * (round-robin previews from the current position without advancing it).
     */
    List<AssignmentPreview> previewAssignment(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull List<@NotNull ContactId> contacts);
}
