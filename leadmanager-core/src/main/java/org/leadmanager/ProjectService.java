package org.leadmanager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;

final class ProjectService implements Projects {
    private static final int RETIRE_BATCH = 500;

    private final Context ctx;

    ProjectService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Project create(Actor actor, Create command) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            String name = command.name().strip();
            requireFreeName(tx, name, null);
            Project project;
            try {
                project = Project.create(new ProjectId(ctx.ids.next()), actor.tenant(), name, command.kind(),
                        command.statuses(), command.defaultStatus(), tx.now);
            } catch (ValidationException e) {
                throw e.under("command");
            }
            tx.s.projects().insert(project);
            tx.emit(new DomainEvent.ProjectChanged(project.id(), "created"));
            return project;
        });
    }

    @Override
    public Project rename(Actor actor, ProjectId project, String name) {
        return change(actor, project, "renamed", p -> p.renamed(name.strip()),
                (tx, p) -> requireFreeName(tx, name.strip(), p.id()));
    }

    @Override
    public Project archive(Actor actor, ProjectId project) {
        return change(actor, project, "archived", Project::archive, null);
    }

    @Override
    public Project addStatus(Actor actor, ProjectId project, LeadStatus status) {
        return change(actor, project, "status added: " + status.key(), p -> p.withStatusAdded(status, null), null);
    }

    @Override
    public Project addStatus(Actor actor, ProjectId project, LeadStatus status, int position) {
        return change(actor, project, "status added: " + status.key(), p -> p.withStatusAdded(status, position), null);
    }

    @Override
    public Project relabelStatus(Actor actor, ProjectId project, StatusKey status, String label) {
        return change(actor, project, "status relabelled: " + status, p -> p.withStatusRelabelled(status, label),
                null);
    }

    @Override
    public Project reorderStatuses(Actor actor, ProjectId project, List<StatusKey> order) {
        return change(actor, project, "statuses reordered", p -> p.withStatusesReordered(order), null);
    }

    @Override
    public Project setDefaultStatus(Actor actor, ProjectId project, StatusKey defaultStatus) {
        return change(actor, project, "default status: " + defaultStatus,
                p -> p.withDefaultStatus(defaultStatus), null);
    }

    @Override
    public Project setTransitions(Actor actor, ProjectId project, Map<StatusKey, Set<StatusKey>> transitions) {
        return change(actor, project, "transitions set", p -> p.withTransitions(transitions), null);
    }

    @Override
    public Project setTeam(Actor actor, ProjectId project, List<UserId> team) {
        return change(actor, project, "team set", p -> p.withTeam(team), null);
    }

    @Override
    public Project bindGroups(Actor actor, ProjectId project, Set<ContactGroupId> groups) {
        return change(actor, project, "groups bound", p -> p.withGroups(groups), null);
    }

    @Override
    public Project setAssignmentPolicy(Actor actor, ProjectId project, AssignmentPolicy policy) {
        return change(actor, project, "assignment policy set", p -> p.withAssignment(policy), null);
    }

    @Override
    public Project retireStatus(Actor actor, ProjectId projectId, StatusKey status, StatusKey replacement) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            Project project = ctx.project(tx.s, actor, projectId);
            Project changed = project.withStatusRetired(status, replacement);
            Project stored = tx.s.projects().update(changed);
            moveLeads(tx, project, status, project.requireStatus(replacement, "replacement"));
            tx.emit(new DomainEvent.ProjectChanged(projectId, "status retired: " + status + " -> " + replacement));
            return stored;
        });
    }

    /** Moves every lead off a retired status, batch by batch; moved leads no longer match, so always page 1. */
    private void moveLeads(Tx tx, Project project, StatusKey from, LeadStatus target) {
        LeadSearch search = new LeadSearch(tx.actor.tenant(), project.id(), LeadCriteria.all().withStatuses(from),
                LeadSort.ascending(SortField.CREATED), project.statusOrder(), null, RETIRE_BATCH);
        List<Lead> batch;
        do {
            batch = tx.s.leads().search(search);
            for (Lead lead : batch) {
                String reason = lead.lostReason() != null ? lead.lostReason() : "status '" + from + "' retired";
                LeadService.recordMove(tx, lead, target, reason);
            }
        } while (batch.size() == RETIRE_BATCH);
    }

    @Override
    public Project get(Actor actor, ProjectId project) {
        return ctx.read(s -> ctx.viewableProject(s, actor, project));
    }

    @Override
    public List<ProjectOverview> list(Actor actor) {
        return ctx.read(s -> {
            List<Project> visible = s.projects().findAll(actor.tenant()).stream()
                    .filter(p -> ctx.access.canView(actor, p))
                    .toList();
            if (visible.isEmpty()) {
                return List.of();
            }
            Map<ProjectId, Map<StatusKey, Long>> counts = s.leads().countByProjectAndStatus(actor.tenant());
            return visible.stream()
                    .map(p -> new ProjectOverview(p, counts(p, counts.getOrDefault(p.id(), Map.of()))))
                    .toList();
        });
    }

    /** Counts in status-list order, zero-filled. */
    static StatusCounts counts(Project project, Map<StatusKey, Long> raw) {
        Map<StatusKey, Long> ordered = new LinkedHashMap<>();
        for (LeadStatus status : project.statuses()) {
            ordered.put(status.key(), raw.getOrDefault(status.key(), 0L));
        }
        return new StatusCounts(ordered);
    }

    private Project change(Actor actor, ProjectId id, String what, UnaryOperator<Project> change,
            java.util.function.BiConsumer<Tx, Project> precheck) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            Project project = ctx.project(tx.s, actor, id);
            if (precheck != null) {
                precheck.accept(tx, project);
            }
            Project stored = tx.s.projects().update(change.apply(project));
            tx.emit(new DomainEvent.ProjectChanged(id, what));
            return stored;
        });
    }

    private static void requireFreeName(Tx tx, String name, ProjectId self) {
        tx.s.projects().findByName(tx.actor.tenant(), name)
                .filter(other -> !other.id().equals(self))
                .ifPresent(other -> {
                    throw new ConflictException("a project named '" + other.name() + "' already exists");
                });
    }
}
