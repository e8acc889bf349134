package org.leadmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.FailedEscalation;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.ProjectChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.domain.tally.Tallies;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyKey;

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
            Changed<Project> change;
            try {
                change = ProjectChanges.create(new ProjectId(ctx.ids.next()), actor.tenant(), name, command.kind(),
                        command.statuses(), command.defaultStatus(), tx.now);
            } catch (ValidationException e) {
                throw e.under("command");
            }
            tx.s.projects().insert(change.state());
            return tx.record(change);
        });
    }

    @Override
    public Project rename(Actor actor, ProjectId project, String name) {
        return change(actor, project, p -> ProjectChanges.rename(p, name.strip()),
                (tx, p) -> requireFreeName(tx, name.strip(), p.id()));
    }

    @Override
    public Project archive(Actor actor, ProjectId project) {
        return change(actor, project, ProjectChanges::archive, null);
    }

    @Override
    public Project addStatus(Actor actor, ProjectId project, LeadStatus status) {
        return change(actor, project, p -> ProjectChanges.addStatus(p, status, null), null);
    }

    @Override
    public Project addStatus(Actor actor, ProjectId project, LeadStatus status, int position) {
        return change(actor, project, p -> ProjectChanges.addStatus(p, status, position), null);
    }

    @Override
    public Project relabelStatus(Actor actor, ProjectId project, StatusKey status, String label) {
        return change(actor, project, p -> ProjectChanges.relabelStatus(p, status, label), null);
    }

    @Override
    public Project reorderStatuses(Actor actor, ProjectId project, List<StatusKey> order) {
        return change(actor, project, p -> ProjectChanges.reorderStatuses(p, order), null);
    }

    @Override
    public Project setDefaultStatus(Actor actor, ProjectId project, StatusKey defaultStatus) {
        return change(actor, project, p -> ProjectChanges.setDefaultStatus(p, defaultStatus), null);
    }

    @Override
    public Project setTransitions(Actor actor, ProjectId project, Map<StatusKey, Set<StatusKey>> transitions) {
        return change(actor, project, p -> ProjectChanges.setTransitions(p, transitions), null);
    }

    @Override
    public Project setTeam(Actor actor, ProjectId project, List<UserId> team) {
        return change(actor, project, p -> ProjectChanges.setTeam(p, team), null);
    }

    @Override
    public Project setTeamMembers(Actor actor, ProjectId project, List<TeamMember> members) {
        return change(actor, project, p -> ProjectChanges.setMembers(p, members), null);
    }

    @Override
    public Project bindGroups(Actor actor, ProjectId project, Set<ContactGroupId> groups) {
        return change(actor, project, p -> ProjectChanges.bindGroups(p, groups), null);
    }

    @Override
    public Project setAssignmentPolicy(Actor actor, ProjectId project, AssignmentPolicy policy) {
        return change(actor, project, p -> ProjectChanges.setAssignment(p, policy), null);
    }

    @Override
    public Project setFirstResponse(Actor actor, ProjectId project, FirstResponsePolicy policy) {
        ctx.requireConfigure(actor);
        if (policy != null) {
            ctx.requireActiveUser(actor, policy.escalateTo(), "policy.escalateTo");
            if (policy.unownedFallback() != null) {
                ctx.requireActiveUser(actor, policy.unownedFallback(), "policy.unownedFallback");
            }
        }
        return change(actor, project, p -> ProjectChanges.setFirstResponse(p, policy), null);
    }

    @Override
    public Project setLostReasons(Actor actor, ProjectId project, List<String> labels) {
        List<LostReason> reasons = new ArrayList<>(labels.size());
        Map<String, String> byKey = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            LostReason reason;
            try {
                reason = new LostReason(labels.get(i));
            } catch (ValidationException e) {
                throw e.under("labels[" + i + "]");
            }
            String earlier = byKey.putIfAbsent(reason.key(), reason.label());
            if (earlier != null) {
                throw ValidationException.of("labels[" + i + "]", "Unique", "'" + reason.label() + "' makes the key '"
                        + reason.key() + "' of '" + earlier + "' listed before it", "key", reason.key());
            }
            reasons.add(reason);
        }
        return change(actor, project, p -> ProjectChanges.setLostReasons(p, reasons), null);
    }

    @Override
    public List<FailedEscalation> failedEscalations(Actor actor) {
        ctx.requireConfigure(actor);
        return ctx.read(s -> s.responseDeadlines().findFailed(actor.tenant(), FollowUpService.OVERVIEW_LIMIT));
    }

    @Override
    public Project retireStatus(Actor actor, ProjectId projectId, StatusKey status, StatusKey replacement) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            Project project = ctx.project(tx.s, actor, projectId);
            Changed<Project> change = ProjectChanges.retireStatus(project, status, replacement);
            Project stored = tx.s.projects().update(change.state());
            moveLeads(tx, change.state(), status, replacement);
            tx.record(change);
            return stored;
        });
    }

    /** Moves every lead off a retired status, batch by batch; moved leads no longer match, so always page 1. */
    private void moveLeads(Tx tx, Project project, StatusKey from, StatusKey replacement) {
        LeadSearch search = new LeadSearch(tx.actor.tenant(), project.id(), LeadCriteria.all().withStatuses(from),
                LeadSort.ascending(SortField.CREATED), project.statusOrder(), null, RETIRE_BATCH);
        List<Lead> batch;
        do {
            batch = tx.s.leads().search(search);
            for (Lead lead : batch) {
                LeadStatuses.moveOffRetired(tx, lead, project, from, replacement);
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
            Map<ProjectId, Map<TallyKey, Long>> kept = s.tallies().sums(actor.tenant(), Tally.STATUS);
            return visible.stream()
                    .map(p -> new ProjectOverview(p, kept(p, LeadCriteria.all(), kept.getOrDefault(p.id(), Map.of()),
                            Map.of())))
                    .toList();
        });
    }

    @Override
    public Recount recount(Actor actor, ProjectId projectId) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            Project project = ctx.project(tx.s, actor, projectId);
            int corrected = tx.s.tallies().recount(actor.tenant(), projectId).size();
            return new Recount(kept(project, LeadCriteria.all(), tx.tally(projectId, Tally.STATUS), Map.of()),
                    corrected);
        });
    }

    /** Counts in status-list order, zero-filled. */
    static StatusCounts counts(Project project, Map<StatusKey, Long> raw) {
        return StatusCounts.of(project.statuses(), raw);
    }

    /**
     * Counts for criteria on statuses and owners only, from the project's kept tallies ({@link Tallies}): the same
     * cost whatever the number of leads.
     */
    static StatusCounts kept(Project project, LeadCriteria criteria, Map<TallyKey, Long> status,
            Map<TallyKey, Long> owner) {
        return counts(project, Tallies.countByStatus(project.statusOrder(), criteria, status, owner));
    }

    private Project change(Actor actor, ProjectId id, Function<Project, Changed<Project>> command,
            BiConsumer<Tx, Project> precheck) {
        ctx.requireConfigure(actor);
        return ctx.write(actor, tx -> {
            Project project = ctx.project(tx.s, actor, id);
            if (precheck != null) {
                precheck.accept(tx, project);
            }
            Changed<Project> change = command.apply(project);
            if (!change.changed()) {
                return project;
            }
            Project stored = tx.s.projects().update(change.state());
            tx.record(change);
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
