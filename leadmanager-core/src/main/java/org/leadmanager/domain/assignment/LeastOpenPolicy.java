package org.leadmanager.domain.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReasonKind;

/**
 * The active team member with the fewest open leads in the project, ties in team order; each lead decided counts
 * for the next one in the batch. Decides nothing when no member is active.
 */
public final class LeastOpenPolicy extends TeamPolicy {

    /** @param team in tie-breaking order, non-null */
    public LeastOpenPolicy(List<UserId> team) {
        super(team);
    }

    @Override
    void decideAmong(List<UserId> active, List<Integer> open, Undecided batch, AssignmentFacts facts) {
        Map<UserId, Long> counts = new HashMap<>(facts.openLeadCounts());
        for (int position : open) {
            UserId best = active.get(0);
            for (UserId candidate : active) {
                if (counts.getOrDefault(candidate, 0L) < counts.getOrDefault(best, 0L)) {
                    best = candidate;
                }
            }
            counts.merge(best, 1L, Long::sum);
            batch.decide(position, OwnerDecision.to(best, OwnerReasonKind.LEAST_OPEN_LEADS, batch.by()));
        }
    }
}
