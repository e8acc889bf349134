package org.leadmanager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.Project;

/**
 * Projects read recently from committed state, by tenant and id. Never trusted on its own: a remembered project is
 * used only together with a store check that its version is still the stored one (versions only grow, so an equal
 * version means equal content). Bounded: forgets everything when full.
 */
final class RecentProjects {
    static final int CAPACITY = 1024;

    private record Key(TenantId tenant, ProjectId project) {
    }

    private final Map<Key, Project> projects = new ConcurrentHashMap<>();

    Project recall(TenantId tenant, ProjectId project) {
        return projects.get(new Key(tenant, project));
    }

    void remember(Project project) {
        if (projects.size() >= CAPACITY) {
            projects.clear();
        }
        projects.put(new Key(project.tenant(), project.id()), project);
    }
}
