package org.leadmanager.domain.assignment;

import java.util.Map;
import org.leadmanager.domain.UserId;

/** What owner policies need to know beyond the leads they decide for, for one project and one batch of leads. */
public interface AssignmentFacts {

    /** Whether the user may receive leads (known and active); inactive users never get one. */
    boolean isActive(UserId user);

    /** Whether the user may receive leads now: active and not absent. */
    boolean isAvailable(UserId user);

    /** Whether it is within the user's working hours now (always, for a user without working hours). */
    boolean isWorking(UserId user);

    /**
     * The project's round-robin standing, held for the caller until its unit of work ends, so concurrent batches
     * and nodes take turns on one sequence. A preview reads it without holding it.
     */
    RoundRobinState roundRobin();

    /** Keeps the project's round-robin standing after a batch; a preview keeps nothing. */
    void roundRobin(RoundRobinState next);

    /** Open leads per assignee in the project; users without any may be missing. */
    Map<UserId, Long> openLeadCounts();
}
