package org.leadmanager.domain.assignment;

import java.util.List;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReasonKind;

/**
 * The active team members in turn, in team order, from the project's stored position: a batch reserves as many
 * positions as it has open leads, so concurrent batches and nodes share one sequence. Decides nothing when no
 * member is active.
 */
public final class RoundRobinPolicy extends TeamPolicy {

    /** @param team in round-robin order, non-null */
    public RoundRobinPolicy(List<UserId> team) {
        super(team);
    }

    @Override
    void decideAmong(List<UserId> active, List<Integer> open, Undecided batch, AssignmentFacts facts) {
        long start = facts.reserveRoundRobin(open.size());
        for (int k = 0; k < open.size(); k++) {
            UserId user = active.get((int) Math.floorMod(start + k, (long) active.size()));
            batch.decide(open.get(k), OwnerDecision.to(user, OwnerReasonKind.ROUND_ROBIN, batch.by()));
        }
    }
}
