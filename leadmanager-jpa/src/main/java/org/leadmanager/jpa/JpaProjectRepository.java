package org.leadmanager.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.Project;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.ProjectRepository;

/**
 * Projects in {@code lm_project} with their configuration rows (see {@link ProjectEntity}). Nearly every call reads
 * its project first, so reads go through the store's {@link ProjectCache}: the project's row is read (one
 * statement) and its configuration rows only when the cache does not hold that version already.
 */
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
        s.changed(project.id().value());
        try {
            s.insert(ProjectEntity.of(project));
        } catch (ConflictException e) {
            throw nameTaken(project);
        }
    }

    @Override
    public Project update(Project project) {
        requireUniqueName(project);
        ProjectEntity changed = ProjectEntity.of(project);
        s.changed(changed.id);
        boolean updated;
        try {
            updated = s.updateVersioned(ProjectEntity.class, changed.id, changed,
                    stored -> stored.tenantId.equals(changed.tenantId) && stored.version == changed.version);
        } catch (ConflictException e) {
            throw nameTaken(project);
        }
        if (!updated) {
            throw new StaleModificationException("project", project.id(), project.version());
        }
        return project.withVersion(project.version() + 1);
    }

    /** In a read-only unit of work a remembered project costs no statement here (see {@link JpaSession#assume}). */
    @Override
    public Optional<Project> find(TenantId tenant, ProjectId id) {
        Project assumed = s.assume(tenant, id);
        if (assumed != null) {
            return Optional.of(assumed);
        }
        return projects(s.em.createQuery("select p from LmProject p where p.id = :id and p.tenantId = :tenant",
                ProjectEntity.class).setParameter("id", id.value()).setParameter("tenant", tenant.value()))
                .stream().findFirst();
    }

    @Override
    public Optional<Project> findByName(TenantId tenant, String name) {
        return projects(s.em.createQuery("select p from LmProject p where p.tenantId = :tenant"
                + " and p.nameKey = :nameKey", ProjectEntity.class).setParameter("tenant", tenant.value())
                .setParameter("nameKey", ProjectEntity.nameKey(name.strip()))).stream().findFirst();
    }

    @Override
    public List<Project> findAll(TenantId tenant) {
        List<Project> all = projects(s.em.createQuery("select p from LmProject p where p.tenantId = :tenant",
                ProjectEntity.class).setParameter("tenant", tenant.value()));
        all.sort(BY_NAME);
        return all;
    }

    @Override
    public List<Project> findByGroup(TenantId tenant, ContactGroupId group) {
        List<Project> bound = projects(s.em.createQuery("select p from LmProject p join p.groups g"
                + " where p.tenantId = :tenant and p.archived = false and g.tenantId = :tenant"
                + " and g.groupId = :group", ProjectEntity.class).setParameter("tenant", tenant.value())
                .setParameter("group", group.value()));
        bound.sort(BY_NAME);
        return bound;
    }

    @Override
    public long advanceRoundRobin(TenantId tenant, ProjectId project, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        // the update locks the row until commit: reservations of concurrent units of work never overlap
        int rows = s.em.createQuery("update LmProject p set p.roundRobin = p.roundRobin + :count"
                + " where p.id = :id and p.tenantId = :tenant").setParameter("count", (long) count)
                .setParameter("id", project.value()).setParameter("tenant", tenant.value()).executeUpdate();
        if (rows == 0) {
            throw new NotFoundException("project", project);
        }
        Long next = s.em.createQuery("select p.roundRobin from LmProject p where p.id = :id", Long.class)
                .setParameter("id", project.value()).getSingleResult();
        return next - count;
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

    /**
     * Remembers a project read in several statements only if its row still has the version read first: under READ
     * COMMITTED a change committed between the statements could otherwise pair one version with another's rows.
     */
    private void rememberIfUnchanged(Project project) {
        if (s.mayRemember(project.id().value()) && s.em.createQuery("select p.version from LmProject p"
                + " where p.id = :id", Long.class).setParameter("id", project.id().value()).getResultList()
                .equals(List.of(project.version()))) {
            s.store.projects().remember(project);
        }
    }

    /**
     * The projects of the query's rows: each from the cache if it holds the row's version, else read whole (its
     * configuration rows load while the row is managed) and remembered unless this unit of work changed it.
     */
    private List<Project> projects(jakarta.persistence.TypedQuery<ProjectEntity> query) {
        List<ProjectEntity> rows = query.getResultList();
        List<Project> result = new ArrayList<>(rows.size());
        try {
            for (ProjectEntity row : rows) {
                Project known = s.store.projects().at(row.id, row.tenantId, row.version);
                if (known == null) {
                    known = row.toDomain();
                    rememberIfUnchanged(known);
                }
                result.add(known);
            }
        } finally {
            rows.forEach(s::detach);
        }
        return result;
    }
}
