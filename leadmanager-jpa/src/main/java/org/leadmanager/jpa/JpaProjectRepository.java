package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.store.ProjectRepository;

/** Projects in {@code lm_project}, their contact groups in {@code lm_project_group}. */
final class JpaProjectRepository implements ProjectRepository {
    /** The order of {@link #findAll}: by name ignoring case, then exactly, then by id. */
    static final Comparator<Project> BY_NAME = Comparator.comparing(Project::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Project::name).thenComparing(Project::id);

    private final JpaSession s;

    JpaProjectRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(Project project) {
        requireUniqueName(project);
        try {
            s.insert(ProjectEntity.of(project));
        } catch (ConflictException e) {
            throw nameTaken(project);
        }
        for (ContactGroupId group : project.groups()) {
            s.insert(new ProjectGroupEntity(project.id().toString(), group.value(), project.tenant().value()));
        }
    }

    @Override
    public Project update(Project project) {
        requireUniqueName(project);
        boolean updated;
        try {
            updated = s.updateVersioned(ProjectEntity.of(project));
        } catch (ConflictException e) {
            throw nameTaken(project);
        }
        if (!updated) {
            throw new StaleModificationException("project", project.id(), project.version());
        }
        syncGroups(project);
        return project.withVersion(project.version() + 1);
    }

    /**
     * Nearly every call loads its project first. On PostgreSQL the project and its groups come in one statement
     * (the groups as an array), elsewhere in two.
     */
    @Override
    public Optional<Project> find(TenantId tenant, ProjectId id) {
        if (s.database() == Database.POSTGRESQL) {
            return s.jdbc((connection, db) -> {
                Columns columns = Columns.of(ProjectEntity.class);
                StringBuilder sql = new StringBuilder("SELECT ");
                columns.attributes().forEach(a -> sql.append("p.").append(a.column()).append(", "));
                sql.append("ARRAY(SELECT g.group_id FROM lm_project_group g WHERE g.project_id = p.id) AS group_ids"
                        + " FROM lm_project p WHERE p.id = ? AND p.tenant_id = ?");
                try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                    ps.setString(1, id.toString());
                    ps.setString(2, tenant.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.empty();
                        }
                        ProjectEntity project = columns.read(rs, db, ProjectEntity::new);
                        Set<ContactGroupId> groups = new HashSet<>();
                        for (String group : (String[]) rs.getArray("group_ids").getArray()) {
                            groups.add(ContactGroupId.of(group));
                        }
                        return Optional.of(project.toDomain(groups));
                    }
                }
            });
        }
        return withGroups(s.list("select p from LmProject p where p.id = ?1 and p.tenantId = ?2",
                ProjectEntity.class, id.toString(), tenant.value())).stream().findFirst();
    }

    @Override
    public Optional<Project> findByName(TenantId tenant, String name) {
        return withGroups(s.list("select p from LmProject p where p.tenantId = ?1 and p.nameKey = ?2",
                ProjectEntity.class, tenant.value(), ProjectEntity.nameKey(name.strip()))).stream().findFirst();
    }

    @Override
    public List<Project> findAll(TenantId tenant) {
        List<Project> all = withGroups(s.list("select p from LmProject p where p.tenantId = ?1",
                ProjectEntity.class, tenant.value()));
        all.sort(BY_NAME);
        return all;
    }

    @Override
    public List<Project> findByGroup(TenantId tenant, ContactGroupId group) {
        List<Project> bound = withGroups(s.list("select p from LmProject p where p.tenantId = ?1"
                + " and p.archived = false and p.id in (select g.projectId from LmProjectGroup g"
                + " where g.tenantId = ?1 and g.groupId = ?2)", ProjectEntity.class, tenant.value(), group.value()));
        bound.sort(BY_NAME);
        return bound;
    }

    @Override
    public long advanceRoundRobin(TenantId tenant, ProjectId project, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        // the update locks the row until commit: reservations of concurrent units of work never overlap
        int rows = s.execute("update LmProject p set p.roundRobin = p.roundRobin + ?1"
                + " where p.id = ?2 and p.tenantId = ?3", (long) count, project.toString(), tenant.value());
        if (rows == 0) {
            throw new NotFoundException("project", project);
        }
        Object[] next = s.tuples("select p.roundRobin, p.id from LmProject p where p.id = ?1",
                project.toString()).get(0);
        return ((Number) next[0]).longValue() - count;
    }

    private void requireUniqueName(Project project) {
        findByName(project.tenant(), project.name())
                .filter(other -> !other.id().equals(project.id()))
                .ifPresent(other -> {
                    throw nameTaken(project);
                });
    }

    private static ConflictException nameTaken(Project project) {
        return new ConflictException("tenant " + project.tenant() + " already has a project named '"
                + project.name() + "' (names are compared ignoring case)");
    }

    private void syncGroups(Project project) {
        String id = project.id().toString();
        Set<String> stored = new HashSet<>();
        for (ProjectGroupEntity g : s.list("select g from LmProjectGroup g where g.projectId = ?1",
                ProjectGroupEntity.class, id)) {
            stored.add(g.groupId);
        }
        Set<String> wanted = new HashSet<>();
        project.groups().forEach(g -> wanted.add(g.value()));
        Set<String> removed = new HashSet<>(stored);
        removed.removeAll(wanted);
        if (!removed.isEmpty()) {
            s.execute("delete from LmProjectGroup g where g.projectId = ?1 and g.groupId in ?2", id, removed);
        }
        for (String added : wanted) {
            if (!stored.contains(added)) {
                s.insert(new ProjectGroupEntity(id, added, project.tenant().value()));
            }
        }
    }

    /** Maps projects, loading the groups of all of them with one query. */
    private List<Project> withGroups(List<ProjectEntity> projects) {
        if (projects.isEmpty()) {
            return new ArrayList<>();
        }
        Collection<String> ids = projects.stream().map(p -> p.id).toList();
        Map<String, Set<ContactGroupId>> groups = new HashMap<>();
        for (ProjectGroupEntity g : s.list("select g from LmProjectGroup g where g.projectId in ?1",
                ProjectGroupEntity.class, ids)) {
            groups.computeIfAbsent(g.projectId, k -> new HashSet<>()).add(ContactGroupId.of(g.groupId));
        }
        List<Project> result = new ArrayList<>(projects.size());
        for (ProjectEntity p : projects) {
            result.add(p.toDomain(groups.getOrDefault(p.id, Set.of())));
        }
        return result;
    }
}
