package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.assignment.RoundRobinState;
import org.leadmanager.domain.project.Project;

/** Store SPI: projects (lead managers). Versions start at 0; each update adds 1. */
public interface ProjectRepository {

    /** Stores a new project. @throws org.leadmanager.error.ConflictException if the tenant has a project of that name */
    void insert(Project project);

    /**
     * Stores the changed project if the stored version equals {@code project.version()}.
     *
     * @return the project with its new version
     * @throws org.leadmanager.error.StaleModificationException if the stored version differs
     */
    Project update(Project project);

    Optional<Project> find(TenantId tenant, ProjectId id);

    /** The project with exactly this name, compared ignoring case. */
    Optional<Project> findByName(TenantId tenant, String name);

    /** All projects of the tenant, archived ones included, ordered by name. */
    List<Project> findAll(TenantId tenant);

    /** Projects (not archived) bound to the contact group. */
    List<Project> findByGroup(TenantId tenant, ContactGroupId group);

    /**
     * The project's round-robin standing ({@link RoundRobinState#START} before its first lead), shared by every node
     * using the store. With {@code hold}, no other unit of work reads it held or keeps it until this one ends, so
     * concurrent batches take turns on one sequence; without, it is read as last committed.
     */
    RoundRobinState roundRobin(TenantId tenant, ProjectId project, boolean hold);

    /** Keeps the project's round-robin standing; the unit of work held it ({@link #roundRobin}). */
    void keepRoundRobin(TenantId tenant, ProjectId project, RoundRobinState state);
}
