package org.leadmanager.domain.assignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.leadmanager.domain.UserId;

/** Facts held in plain fields: who is active, the open-lead counts and a round-robin position. */
final class FakeFacts implements AssignmentFacts {
    final Set<UserId> active = new HashSet<>();
    final Map<UserId, Long> open = new HashMap<>();
    long position;
    int reservations;

    FakeFacts(UserId... activeUsers) {
        active.addAll(Set.of(activeUsers));
    }

    @Override
    public boolean isActive(UserId user) {
        return active.contains(user);
    }

    @Override
    public long reserveRoundRobin(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reserve at least one position, not " + count);
        }
        reservations++;
        long start = position;
        position += count;
        return start;
    }

    @Override
    public Map<UserId, Long> openLeadCounts() {
        return Map.copyOf(open);
    }
}
