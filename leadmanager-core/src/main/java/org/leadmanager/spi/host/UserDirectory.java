package org.leadmanager.spi.host;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;

/**
 * Host port: the host's employees. Must be thread-safe. Never return null; a null answer or a thrown exception
 * reaches the library's caller as {@link org.leadmanager.error.HostPortException} naming this port and the method.
 */
public interface UserDirectory {

    /** The user, or empty if the tenant has no such user. */
    Optional<UserInfo> find(TenantId tenant, UserId user);

    /**
     * Many users at once; users the tenant does not have are absent from the result. A page of leads asks once for
     * the owners on it; hosts may override this with one query.
     */
    default Map<UserId, UserInfo> findUsers(TenantId tenant, Collection<UserId> users) {
        Map<UserId, UserInfo> found = new LinkedHashMap<>();
        for (UserId id : users) {
            find(tenant, id).ifPresent(user -> found.put(id, user));
        }
        return found;
    }

    /**
     * When the given users take new leads: absences and working hours, for fair automatic assignment. Users absent
     * from the result are always available. Asked once per batch of new leads for the project's team; the default
     * knows no absences or hours.
     */
    default Map<UserId, Availability> availability(TenantId tenant, Collection<UserId> users) {
        return Map.of();
    }

    /** Whether the user exists and is active. */
    default boolean isActive(TenantId tenant, UserId user) {
        return find(tenant, user).map(UserInfo::active).orElse(false);
    }
}
