package org.leadmanager.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusKey;

/**
 * The commands of a {@link Project} with the event they cause, a {@link DomainEvent.ProjectChanged} saying what
 * changed. The project checks its own rules (status list, default status, transitions); see its methods for what
 * each refuses.
 */
public final class ProjectChanges {

    private ProjectChanges() {
    }

    /** {@link Project#create}. */
    public static Changed<Project> create(ProjectId id, TenantId tenant, String name, ProjectKind kind,
            List<LeadStatus> statuses, StatusKey defaultStatus, Instant now) {
        return changed(null, Project.create(id, tenant, name, kind, statuses, defaultStatus, now), "created");
    }

    /** {@link Project#renamed}. */
    public static Changed<Project> rename(Project project, String name) {
        return changed(project, project.renamed(name), "renamed");
    }

    /** {@link Project#archive}; unchanged when archived already. */
    public static Changed<Project> archive(Project project) {
        return changed(project, project.archive(), "archived");
    }

    /** {@link Project#withStatusAdded}. */
    public static Changed<Project> addStatus(Project project, LeadStatus status, Integer position) {
        return changed(project, project.withStatusAdded(status, position), "status added: " + status.key());
    }

    /** {@link Project#withStatusRelabelled}. */
    public static Changed<Project> relabelStatus(Project project, StatusKey status, String label) {
        return changed(project, project.withStatusRelabelled(status, label), "status relabelled: " + status);
    }

    /** {@link Project#withStatusesReordered}. */
    public static Changed<Project> reorderStatuses(Project project, List<StatusKey> order) {
        return changed(project, project.withStatusesReordered(order), "statuses reordered");
    }

    /** {@link Project#withDefaultStatus}. */
    public static Changed<Project> setDefaultStatus(Project project, StatusKey status) {
        return changed(project, project.withDefaultStatus(status), "default status: " + status);
    }

    /** {@link Project#withTransitions}. */
    public static Changed<Project> setTransitions(Project project, Map<StatusKey, Set<StatusKey>> transitions) {
        return changed(project, project.withTransitions(transitions), "transitions set");
    }

    /** {@link Project#withTeam}. */
    public static Changed<Project> setTeam(Project project, List<UserId> team) {
        return changed(project, project.withTeam(team), "team set");
    }

    /** {@link Project#withMembers}. */
    public static Changed<Project> setMembers(Project project, List<TeamMember> members) {
        return changed(project, project.withMembers(members), "team set");
    }

    /** {@link Project#withGroups}. */
    public static Changed<Project> bindGroups(Project project, Set<ContactGroupId> groups) {
        return changed(project, project.withGroups(groups), "groups bound");
    }

    /** {@link Project#withAssignment}. */
    public static Changed<Project> setAssignment(Project project, AssignmentPolicy policy) {
        return changed(project, project.withAssignment(policy), "assignment policy set");
    }

    /** {@link Project#withFirstResponse}; unchanged when the project has this policy already. */
    public static Changed<Project> setFirstResponse(Project project, FirstResponsePolicy policy) {
        return changed(project, project.withFirstResponse(policy),
                policy == null ? "first response removed" : "first response set");
    }

    /** {@link Project#withLostReasons}; unchanged when the project lists these already. */
    public static Changed<Project> setLostReasons(Project project, List<LostReason> reasons) {
        return changed(project, project.withLostReasons(reasons), "lost reasons set");
    }

    /**
     * {@link Project#withStatusRetired}. The leads on the retired status move with
     * {@link LeadChanges#moveOffRetired}, against the project this returns.
     */
    public static Changed<Project> retireStatus(Project project, StatusKey status, StatusKey replacement) {
        return changed(project, project.withStatusRetired(status, replacement),
                "status retired: " + status + " -> " + replacement);
    }

    private static Changed<Project> changed(Project before, Project after, String what) {
        return after == before ? Changed.unchanged(after)
                : Changed.to(after, new DomainEvent.ProjectChanged(after.id(), what));
    }
}
