package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
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
     * Atomically reserves {@code count} consecutive round-robin positions of the project and returns the first.
     * The counter starts at 0, survives restarts and is shared by every node using the store.
     */
    long advanceRoundRobin(TenantId tenant, ProjectId project, int count);
}
