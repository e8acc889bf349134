package org.leadmanager.domain.project;

import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.UserId;

/**
 * How a new lead gets its owner: the first matching rule wins; else the strategy picks an active team member;
 * else the fallback user (if active); else the lead stays unassigned. Inactive users never receive leads.
 *
 * @param rules    ordered criteria rules, non-null, copied
 * @param strategy applied when no rule matched, non-null
 * @param fallback used when neither rules nor strategy found an active user; nullable
 */
public record AssignmentPolicy(List<AssignmentRule> rules, AssignmentStrategy strategy, UserId fallback) {

    public AssignmentPolicy {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules must not be null"));
        Objects.requireNonNull(strategy, "strategy must not be null");
    }

    /** Leads stay unassigned. */
    public static AssignmentPolicy none() {
        return new AssignmentPolicy(List.of(), AssignmentStrategy.NONE, null);
    }

    /** Round-robin over the team. */
    public static AssignmentPolicy roundRobin() {
        return new AssignmentPolicy(List.of(), AssignmentStrategy.ROUND_ROBIN, null);
    }

    /** The team member with the fewest open leads. */
    public static AssignmentPolicy leastOpenLeads() {
        return new AssignmentPolicy(List.of(), AssignmentStrategy.LEAST_OPEN_LEADS, null);
    }
}
