package org.leadmanager.inmemory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.assignment.RoundRobinState;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.store.ProjectRepository;

/** Projects by id, their names per tenant (folded for the case-insensitive uniqueness) and round-robin standings. */
final class ProjectTable implements ProjectRepository {
    private static final Comparator<Project> BY_NAME =
            Names.<Project>byName(Project::name).thenComparing(Project::id);

    private final Transactions transactions;
    private final Map<ProjectId, Project> byId = new HashMap<>();
    private final Map<TenantId, Map<String, ProjectId>> byName = new HashMap<>();
    private final Map<TenantKey<ProjectId>, RoundRobinState> roundRobin = new HashMap<>();

    ProjectTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Project project) {
        Objects.requireNonNull(project, "project");
        UndoLog log = transactions.active().changes();
        if (byId.containsKey(project.id())) {
            throw new ConflictException("project " + project.id() + " already exists");
        }
        Map<String, ProjectId> names = byName.computeIfAbsent(project.tenant(), t -> new HashMap<>());
        String folded = CaseFolding.fold(project.name());
        if (names.containsKey(folded)) {
            throw nameTaken(project.name());
        }
        log.putEntry(byId, project.id(), project);
        log.putEntry(names, folded, project.id());
    }

    @Override
    public Project update(Project project) {
        Objects.requireNonNull(project, "project");
        UndoLog log = transactions.active().changes();
        Project stored = byId.get(project.id());
        if (stored == null || !stored.tenant().equals(project.tenant()) || stored.version() != project.version()) {
            throw new StaleModificationException("project", project.id(), project.version());
        }
        String before = CaseFolding.fold(stored.name());
        String after = CaseFolding.fold(project.name());
        if (!before.equals(after)) {
            Map<String, ProjectId> names = byName.get(project.tenant());
            if (names.containsKey(after)) {
                throw nameTaken(project.name());
            }
            log.removeEntry(names, before);
            log.putEntry(names, after, project.id());
        }
        Project next = project.withVersion(stored.version() + 1);
        log.putEntry(byId, next.id(), next);
        return next;
    }

    @Override
    public Optional<Project> find(TenantId tenant, ProjectId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).filter(p -> p.tenant().equals(tenant));
    }

    @Override
    public Optional<Project> findByName(TenantId tenant, String name) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        transactions.checkActive();
        ProjectId id = byName.getOrDefault(tenant, Map.of()).get(CaseFolding.fold(name));
        return id == null ? Optional.empty() : Optional.of(byId.get(id));
    }

    @Override
    public List<Project> findAll(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        return byName.getOrDefault(tenant, Map.of()).values().stream().map(byId::get).sorted(BY_NAME).toList();
    }

    @Override
    public List<Project> findByGroup(TenantId tenant, ContactGroupId group) {
        Objects.requireNonNull(group, "group");
        return findAll(tenant).stream().filter(p -> !p.archived() && p.groups().contains(group)).toList();
    }

    /**
     * Standings are kept per tenant and project id without requiring the project to exist, so a call for another
     * tenant's project can only ever touch a standing of the caller's own tenant. Units of work that write run one
     * at a time, so holding needs no lock of its own.
     */
    @Override
    public RoundRobinState roundRobin(TenantId tenant, ProjectId project, boolean hold) {
        TenantKey<ProjectId> key = TenantKey.of(tenant, Objects.requireNonNull(project, "project"));
        if (hold) {
            transactions.active();
        } else {
            transactions.checkActive();
        }
        return roundRobin.getOrDefault(key, RoundRobinState.START);
    }

    @Override
    public void keepRoundRobin(TenantId tenant, ProjectId project, RoundRobinState state) {
        TenantKey<ProjectId> key = TenantKey.of(tenant, Objects.requireNonNull(project, "project"));
        Objects.requireNonNull(state, "state");
        transactions.active().changes().putEntry(roundRobin, key, state);
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("a project named '" + name + "' already exists (names are compared ignoring case)");
    }
}
