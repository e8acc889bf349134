package org.leadmanager.domain.assignment;

import java.util.Map;
import org.leadmanager.domain.UserId;

/** What owner policies need to know beyond the leads they decide for, for one project and one batch of leads. */
public interface AssignmentFacts {

    /** Whether the user may receive leads (known and active); inactive users never get one. */
    boolean isActive(UserId user);

    /**
     * Reserves {@code count} consecutive round-robin positions of the project, atomically across callers, and
     * returns the first. A preview answers the current position without reserving anything.
     *
     * @param count at least 1
     */
    long reserveRoundRobin(int count);

    /** Open leads per assignee in the project; users without any may be missing. */
    Map<UserId, Long> openLeadCounts();
}
