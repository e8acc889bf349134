package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.assignment.RoundRobinState;
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
    private static final String READ_LAST = "SELECT round_robin_last FROM lm_project WHERE id = ? AND tenant_id = ?";
    private static final String READ_BALANCES = "SELECT user_id, balance FROM lm_round_robin"
            + " WHERE tenant_id = ? AND project_id = ?";
    private static final String DELETE_BALANCES = "DELETE FROM lm_round_robin WHERE tenant_id = ? AND project_id = ?";
    private static final String INSERT_BALANCE = "INSERT INTO lm_round_robin (tenant_id, project_id, user_id, balance)"
            + " VALUES (?, ?, ?, ?)";
    private static final String KEEP_LAST = "UPDATE lm_project SET round_robin_last = ? WHERE id = ? AND tenant_id = ?";

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

    /**
     * Held by locking the project's row ({@link SqlDialect#lockProjectRow}) until the unit of work ends: every unit of
     * work that assigns by round-robin for the project holds it first, so they take turns.
     */
    @Override
    public RoundRobinState roundRobin(TenantId tenant, ProjectId project, boolean hold) {
        return s.jdbc((connection, dialect) -> {
            String last;
            try (PreparedStatement ps = connection.prepareStatement(hold ? READ_LAST + dialect.lockProjectRow() : READ_LAST)) {
                dialect.bind(ps, 1, project.value());
                ps.setString(2, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("project", project);
                    }
                    last = rs.getString(1);
                }
            }
            Map<UserId, Double> balances = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(READ_BALANCES)) {
                ps.setString(1, tenant.value());
                dialect.bind(ps, 2, project.value());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        balances.put(UserId.of(rs.getString(1)), rs.getDouble(2));
                    }
                }
            }
            return new RoundRobinState(balances, last == null ? null : UserId.of(last));
        });
    }

    /** Replaces the project's balances and who got the last lead: three statements, the inserts in one batch. */
    @Override
    public void keepRoundRobin(TenantId tenant, ProjectId project, RoundRobinState state) {
        s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(DELETE_BALANCES)) {
                ps.setString(1, tenant.value());
                dialect.bind(ps, 2, project.value());
                ps.executeUpdate();
            }
            if (!state.balances().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(INSERT_BALANCE)) {
                    for (Map.Entry<UserId, Double> balance : state.balances().entrySet()) {
                        ps.setString(1, tenant.value());
                        dialect.bind(ps, 2, project.value());
                        ps.setString(3, balance.getKey().value());
                        ps.setDouble(4, balance.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(KEEP_LAST)) {
                ps.setString(1, state.last() == null ? null : state.last().value());
                dialect.bind(ps, 2, project.value());
                ps.setString(3, tenant.value());
                if (ps.executeUpdate() == 0) {
                    throw new NotFoundException("project", project);
                }
            }
            return null;
        });
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
