package org.leadmanager.domain;

import java.util.Objects;
import java.util.Set;

/**
 * The caller of an operation: tenant, user and roles. Every call is scoped to {@link #tenant()}.
 *
 * @param tenant the caller's tenant, non-null
 * @param user   the calling user, non-null
 * @param roles  the caller's roles, non-null, copied
 */
public record Actor(TenantId tenant, UserId user, Set<Role> roles) {

    /** @throws NullPointerException if any argument is null */
    public Actor {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(user, "user must not be null");
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles must not be null"));
    }

    /** A manager of the tenant. */
    public static Actor manager(TenantId tenant, UserId user) {
        return new Actor(tenant, user, Set.of(Role.MANAGER));
    }

    /** An agent of the tenant. */
    public static Actor agent(TenantId tenant, UserId user) {
        return new Actor(tenant, user, Set.of(Role.AGENT));
    }

    /** The host itself, for automatic work such as group sync; recorded as user {@code system}. */
    public static Actor system(TenantId tenant) {
        return new Actor(tenant, UserId.of("system"), Set.of(Role.SYSTEM));
    }

    /** Whether the actor has the role. */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
