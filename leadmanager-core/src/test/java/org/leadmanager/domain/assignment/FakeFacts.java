package org.leadmanager.domain.assignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.UserId;

/** Facts held in plain fields: who is active, absent or off work, the open-lead counts and a round-robin standing. */
final class FakeFacts implements AssignmentFacts {
    final Set<UserId> active = new HashSet<>();
    final Set<UserId> absent = new HashSet<>();
    final Set<UserId> offWork = new HashSet<>();
    final Map<UserId, Long> open = new HashMap<>();
    RoundRobinState standing = RoundRobinState.START;
    int kept;

    FakeFacts(UserId... activeUsers) {
        active.addAll(Set.of(activeUsers));
    }

    @Override
    public boolean isActive(UserId user) {
        return active.contains(user);
    }

    @Override
    public boolean isAvailable(UserId user) {
        return isActive(user) && !absent.contains(user);
    }

    @Override
    public boolean isWorking(UserId user) {
        return !offWork.contains(user);
    }

    @Override
    public RoundRobinState roundRobin() {
        return standing;
    }

    @Override
    public void roundRobin(RoundRobinState next) {
        kept++;
        standing = next;
    }

    @Override
    public Map<UserId, Long> openLeadCounts() {
        return Map.copyOf(open);
    }
}
