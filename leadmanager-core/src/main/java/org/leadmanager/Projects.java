package org.leadmanager;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.FailedEscalation;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.error.ValidationException;

/**
 * Projects (lead managers): their status lists, transitions, team, bound groups and assignment policy.
 * Configuring needs {@code AccessPolicy.canConfigure}; reading needs {@code canView}.
 * Every method throws {@link ValidationException} for bad input, {@link NotFoundException} for a project outside
 * the caller's tenant, {@link AccessDeniedException} when the policy refuses and
 * {@link StaleModificationException} when a concurrent change won; a call that throws changed nothing.
 */
public interface Projects {

    /**
     * What a new project needs.
     *
     * @param name          unique in the tenant (ignoring case), 1..200 characters
     * @param kind          PROJECT or PRODUCT
     * @param statuses      the status list in sort order, at least one
     * @param defaultStatus the status new leads get; must be OPEN
     */
    record Create(@NotBlank @Size(max = 200) String name, @NotNull ProjectKind kind,
            @NotEmpty List<@NotNull LeadStatus> statuses, @NotNull StatusKey defaultStatus) {
    }

    /**
     * Creates a project.
     *
     * @throws ConflictException if the name is taken
     */
    Project create(@NotNull Actor actor, @NotNull @Valid Create command);

    /**
     * Renames the project.
     *
     * @throws ConflictException if the name is taken
     */
    Project rename(@NotNull Actor actor, @NotNull ProjectId project, @NotBlank @Size(max = 200) String name);

    /** Archives the project: it keeps its leads but qualifies no new ones. */
    Project archive(@NotNull Actor actor, @NotNull ProjectId project);

    /** Adds a status at the end of the project's list. */
    Project addStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull LeadStatus status);

    /**
     * Adds a status at a position: 0 = first, the number of statuses = last.
     *
     * @throws ValidationException if the position is past the end of the list
     */
    Project addStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull LeadStatus status,
            @PositiveOrZero int position);

    /** Changes the label of a status; its key stays. */
    Project relabelStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull StatusKey status,
            @NotBlank @Size(max = 200) String label);

    /** Reorders the list; {@code order} must name every status once. */
    Project reorderStatuses(@NotNull Actor actor, @NotNull ProjectId project, @NotEmpty List<@NotNull StatusKey> order);

    /**
     * Removes a status; its leads move to the replacement, each with a recorded status change. A retired default
     * is replaced by the replacement as default.
     */
    Project retireStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull StatusKey status,
            @NotNull StatusKey replacement);

    /** Sets the status new leads get; it must be OPEN. */
    Project setDefaultStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull StatusKey defaultStatus);

    /**
     * Sets the allowed next statuses per status, checked on every status change. A status without an entry may
     * move anywhere; an empty map lifts all restrictions.
     */
    Project setTransitions(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull Map<@NotNull StatusKey, @NotNull Set<@NotNull StatusKey>> transitions);

    /**
     * Sets the team, in round-robin order. Members who stay keep their weight and cap; new ones have weight 1 and no
     * cap.
     */
    Project setTeam(@NotNull Actor actor, @NotNull ProjectId project, @NotNull List<@NotNull UserId> team);

    /**
     * Sets the team, in round-robin order, with each member's weight (their share of round-robin leads relative to
     * the others') and cap of open leads. Who is absent or outside working hours comes from the host's
     * {@link org.leadmanager.spi.host.UserDirectory#availability}.
     */
    Project setTeamMembers(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull List<@NotNull TeamMember> members);

    /** Sets the contact groups whose members become leads automatically. Run {@code syncGroups} to catch up. */
    Project bindGroups(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull Set<@NotNull ContactGroupId> groups);

    /** Sets how new leads get their owner. */
    Project setAssignmentPolicy(@NotNull Actor actor, @NotNull ProjectId project, @NotNull AssignmentPolicy policy);

    /**
     * Sets the first-response deadline of the project's leads, or removes it when {@code policy} is null. From then
     * on a lead's clock starts when it is qualified or gets another owner and stops at its owner's first response;
     * a lead still waiting at its deadline is escalated once by the {@link EscalationDispatcher}. Clocks already
     * running keep their deadlines.
     *
     * @param policy the deadline, or null for none
     * @throws ValidationException if a user the policy tells of breaches is unknown or inactive
     */
    Project setFirstResponse(@NotNull Actor actor, @NotNull ProjectId project, FirstResponsePolicy policy);

    /**
     * Sets the reasons to choose from when disqualifying a lead of the project, in their order (replacing the list;
     * empty for none). A disqualification may still give any text: one that makes the same key as a listed reason
     * ({@link LostReason#key}, e.g. "zu teuer!" for "Zu teuer") is stored as that reason's label, any other as
     * given. The funnel counts reasons by key and shows the listed ones by label.
     *
     * @param labels at most {@value Project#MAX_LOST_REASONS} labels, each one line of 1 to 200 characters with a
     *               letter or digit, no two making the same key
     * @throws ValidationException if a label or the list is not so
     */
    Project setLostReasons(@NotNull Actor actor, @NotNull ProjectId project,
            @NotNull @Size(max = Project.MAX_LOST_REASONS) List<@NotNull String> labels);

    /**
     * The tenant's leads whose breach the {@link EscalationDispatcher} failed to escalate on every attempt and whose
     * clock still runs, earliest deadline first, at most 1000. Needs {@code canConfigure}.
     */
    List<FailedEscalation> failedEscalations(@NotNull Actor actor);

    /** The project. */
    Project get(@NotNull Actor actor, @NotNull ProjectId project);

    /**
     * Every project of the tenant the actor may see, by name, with lead counts per status. The counts are kept as
     * changes commit, so the list costs the same at a thousand leads and at millions.
     */
    List<ProjectOverview> list(@NotNull Actor actor);

    /**
     * What {@link #recount} found.
     *
     * @param counts    the project's lead counts per status after the recount
     * @param corrected how many kept numbers (leads per status, leads per owner and status) were off and were
     *                  corrected; 0 when the kept counts were right
     */
    record Recount(StatusCounts counts, int corrected) {
    }

    /**
     * Recounts the project's leads and corrects its kept counts (leads per status, open leads per owner) where they
     * differ. The library keeps them in step with every change it makes; only leads changed behind its back (tables
     * edited by hand, one table restored from a backup) make them drift, and then this call repairs them. Changes
     * that commit while it runs stay counted exactly once; it reads every lead of the project, so it costs what
     * counting them does.
     *
     * @throws NotFoundException if the project is not one of the caller's tenant
     * @throws AccessDeniedException unless the caller may configure projects
     */
    Recount recount(@NotNull Actor actor, @NotNull ProjectId project);
}
