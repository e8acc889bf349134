package org.leadmanager.tck;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.spi.host.Availability;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

/** An in-memory {@link UserDirectory}: users per tenant with an active flag and a time zone. Thread-safe. */
public final class FakeUsers implements UserDirectory {
    private final Map<TenantId, Map<UserId, UserInfo>> users = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final Map<TenantId, Map<UserId, Availability>> availability = new ConcurrentHashMap<>();

    /** How many times the library asked: each {@link #find} and each {@link #findUsers} counts once. */
    public int lookups() {
        return lookups.get();
    }

    /** Forgets a user, as a host does for a deleted employee. */
    public void remove(TenantId tenant, UserId user) {
        users.getOrDefault(tenant, Map.of()).remove(user);
    }

    /** Adds or replaces a user. */
    public void put(TenantId tenant, UserInfo user) {
        users.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>()).put(user.id(), user);
    }

    /** Adds an active user in UTC. */
    public UserId add(TenantId tenant, String id) {
        return add(tenant, id, true, ZoneOffset.UTC);
    }

    /** Adds a user. */
    public UserId add(TenantId tenant, String id, boolean active, ZoneId zone) {
        UserId user = UserId.of(id);
        put(tenant, new UserInfo(user, "User " + id, active, zone));
        return user;
    }

    /** Sets when a user takes new leads; null: always. */
    public void setAvailability(TenantId tenant, UserId user, Availability when) {
        Map<UserId, Availability> known = availability.computeIfAbsent(tenant, t -> new ConcurrentHashMap<>());
        if (when == null) {
            known.remove(user);
        } else {
            known.put(user, when);
        }
    }

    @Override
    public Map<UserId, Availability> availability(TenantId tenant, Collection<UserId> wanted) {
        Map<UserId, Availability> known = availability.getOrDefault(tenant, Map.of());
        Map<UserId, Availability> found = new LinkedHashMap<>();
        for (UserId id : wanted) {
            if (known.containsKey(id)) {
                found.put(id, known.get(id));
            }
        }
        return found;
    }

    /** Activates or deactivates a known user. */
    public void setActive(TenantId tenant, UserId user, boolean active) {
        UserInfo info = require(tenant, user);
        put(tenant, new UserInfo(user, info.displayName(), active, info.zone()));
    }

    /** Moves a known user to another time zone. */
    public void setZone(TenantId tenant, UserId user, ZoneId zone) {
        UserInfo info = require(tenant, user);
        put(tenant, new UserInfo(user, info.displayName(), info.active(), zone));
    }

    @Override
    public Optional<UserInfo> find(TenantId tenant, UserId user) {
        lookups.incrementAndGet();
        return Optional.ofNullable(users.getOrDefault(tenant, Map.of()).get(user));
    }

    /** One lookup for all of them, as a host's single query would be. */
    @Override
    public Map<UserId, UserInfo> findUsers(TenantId tenant, Collection<UserId> wanted) {
        lookups.incrementAndGet();
        Map<UserId, UserInfo> known = users.getOrDefault(tenant, Map.of());
        Map<UserId, UserInfo> found = new LinkedHashMap<>();
        for (UserId id : wanted) {
            UserInfo user = known.get(id);
            if (user != null) {
                found.put(id, user);
            }
        }
        return found;
    }

    private UserInfo require(TenantId tenant, UserId user) {
        return Optional.ofNullable(users.getOrDefault(tenant, Map.of()).get(user)).orElseThrow(() -> new IllegalArgumentException("no user " + user + " in " + tenant));
    }
}
