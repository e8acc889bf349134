package org.leadmanager.domain.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.TeamMember;

/**
 * The eligible team member ({@link TeamPolicy}) with the fewest open leads in the project, ties in team order;
 * each lead decided counts for the next one in the batch. Decides nothing when no member is eligible.
 */
public final class LeastOpenPolicy extends TeamPolicy {

    /** @param team in tie-breaking order, non-null */
    public LeastOpenPolicy(List<TeamMember> team) {
        super(team);
    }

    @Override
    void decideAmong(List<TeamMember> available, List<Integer> open, Undecided batch, AssignmentFacts facts) {
        Map<org.leadmanager.domain.UserId, Long> counts = new HashMap<>(facts.openLeadCounts());
        for (int position : open) {
            List<TeamMember> eligible = eligible(available, counts, facts);
            if (eligible.isEmpty()) {
                return;
            }
            TeamMember best = eligible.get(0);
            for (TeamMember candidate : eligible) {
                if (counts.getOrDefault(candidate.user(), 0L) < counts.getOrDefault(best.user(), 0L)) {
                    best = candidate;
                }
            }
            long had = counts.getOrDefault(best.user(), 0L);
            counts.merge(best.user(), 1L, Long::sum);
            batch.decide(position, OwnerDecision.to(best.user(), OwnerReasonKind.LEAST_OPEN_LEADS,
                    had + " open leads, the fewest of " + eligible.size() + " eligible", batch.by()));
        }
    }
}
