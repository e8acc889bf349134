package org.leadmanager.jpa;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.leadmanager.domain.project.Project;

/**
 * Projects as committed at a version, shared by the units of work of one store. Never trusted on its own: a unit
 * of work uses an entry only for the version it read from the project's row, or, in a read-only unit of work,
 * together with a check of that version by one of its own statements ({@link JpaSession#assume}). Versions only
 * grow and every change of a project's configuration rows goes through its versioned row, so an equal version
 * means equal content. Bounded: forgets everything when full.
 */
final class ProjectCache {
    static final int CAPACITY = 1024;

    private final Map<UUID, Project> projects = new ConcurrentHashMap<>();

    /** The remembered project with this id, tenant and version, or null. */
    Project at(UUID id, String tenant, long version) {
        Project p = projects.get(id);
        return p != null && p.version() == version && p.tenant().value().equals(tenant) ? p : null;
    }

    /** The remembered project with this id and tenant at any version, or null. */
    Project latest(UUID id, String tenant) {
        Project p = projects.get(id);
        return p != null && p.tenant().value().equals(tenant) ? p : null;
    }

    /** Remembers a project as committed at its version. */
    void remember(Project project) {
        if (projects.size() >= CAPACITY) {
            projects.clear();
        }
        projects.merge(project.id().value(), project, (old, p) -> p.version() >= old.version() ? p : old);
    }

    void forget(UUID id) {
        projects.remove(id);
    }
}
