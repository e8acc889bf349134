package org.leadmanager.spi.host;

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

    /** Whether the user exists and is active. */
    default boolean isActive(TenantId tenant, UserId user) {
        return find(tenant, user).map(UserInfo::active).orElse(false);
    }
}
