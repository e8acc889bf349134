package org.leadmanager.spi.host;

import org.leadmanager.domain.Actor;
import org.leadmanager.domain.Role;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;

/**
 * Host port: who may see and change what. Only ever asked about aggregates of the actor's own tenant; tenant
 * isolation is enforced before the policy is consulted. An exception it throws reaches the library's caller as
 * {@link org.leadmanager.error.HostPortException} with the policy's exception as cause.
 */
public interface AccessPolicy {

    /** May the actor create and configure projects and marketing actions? */
    boolean canConfigure(Actor actor);

    /** May the actor see the project and its leads? */
    boolean canView(Actor actor, Project project);

    /**
     * May the actor change this lead (status, owner, notes, follow-ups)? Qualifying contacts for a project needs
     * {@link #canView} of it.
     */
    boolean canChange(Actor actor, Project project, Lead lead);

    /**
     * The default: managers and the system see and change everything of the tenant; an agent sees the projects
     * whose team they are in and changes only their own or unassigned leads there.
     */
    static AccessPolicy standard() {
        return new AccessPolicy() {
            @Override
            public boolean canConfigure(Actor actor) {
                return privileged(actor);
            }

            @Override
            public boolean canView(Actor actor, Project project) {
                return privileged(actor) || actor.has(Role.AGENT) && project.team().contains(actor.user());
            }

            @Override
            public boolean canChange(Actor actor, Project project, Lead lead) {
                return privileged(actor) || canView(actor, project)
                        && (lead.assignee() == null || lead.assignee().equals(actor.user()));
            }

            private boolean privileged(Actor actor) {
                return actor.has(Role.MANAGER) || actor.has(Role.SYSTEM);
            }
        };
    }
}
