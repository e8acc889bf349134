package org.leadmanager.domain.assignment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.TeamMember;

/**
 * Weighted round-robin that is fair by construction. Every eligible member ({@link TeamPolicy}) keeps a balance:
 * each lead adds {@code weight / (sum of the eligible members' weights)} to every eligible member's balance, the
 * member with the highest balance gets the lead and gives back 1. Ties go to the next member in team order after the
 * one who got the last lead, never to the oldest or first one. So while the eligible members stay the same, after
 * any N leads each one has had within 1 of their share {@code N · weight / sum of weights}.
 *
 * <p>When the eligible members change (one joins, leaves, is absent, reaches their cap), the one who left gives up
 * their balance, a newcomer or returning member starts at 0 (no burst of leads to catch up), and what the one who
 * left was owed or owed is shared out among the others by weight, so every balance stays within (-1, 1].
 *
 * <p>The standing is the project's ({@link AssignmentFacts#roundRobin()}): concurrent batches and nodes continue
 * one sequence. Decides nothing when no member is eligible.
 */
public final class RoundRobinPolicy extends TeamPolicy {
    /** Balances this close count as equal: they are sums of fractions. */
    private static final double TIE = 1e-9;

    /** @param team in rotation order, non-null */
    public RoundRobinPolicy(List<TeamMember> team) {
        super(team);
    }

    @Override
    void decideAmong(List<TeamMember> available, List<Integer> open, Undecided batch, AssignmentFacts facts) {
        RoundRobinState state = facts.roundRobin();
        Map<UserId, Long> counts = new HashMap<>(facts.openLeadCounts());
        Map<UserId, Double> balances = new HashMap<>(state.balances());
        UserId last = state.last();
        for (int position : open) {
            List<TeamMember> eligible = eligible(available, counts, facts);
            if (eligible.isEmpty()) {
                break;
            }
            TeamMember chosen = next(eligible, balances, last);
            batch.decide(position, OwnerDecision.to(chosen.user(), OwnerReasonKind.ROUND_ROBIN,
                    "weight " + chosen.weight() + " of " + weights(eligible) + " among " + eligible.size()
                            + " eligible", batch.by()));
            counts.merge(chosen.user(), 1L, Long::sum);
            last = chosen.user();
        }
        facts.roundRobin(new RoundRobinState(balances, last));
    }

    /**
     * One step: the balances are brought to the eligible members (leavers dropped, newcomers at 0, the rest shifted
     * by weight so they add up to 0), each gets its share of one lead, the highest balance gets it.
     */
    private TeamMember next(List<TeamMember> eligible, Map<UserId, Double> balances, UserId last) {
        double total = weights(eligible);
        balances.keySet().retainAll(eligible.stream().map(TeamMember::user).toList());
        double sum = 0;
        for (TeamMember member : eligible) {
            sum += balances.getOrDefault(member.user(), 0.0);
        }
        for (TeamMember member : eligible) {
            double share = member.weight() / total;
            balances.put(member.user(), balances.getOrDefault(member.user(), 0.0) - sum * share + share);
        }
        TeamMember chosen = null;
        for (TeamMember member : rotation(last)) {
            if (!balances.containsKey(member.user())) {
                continue;
            }
            if (chosen == null || balances.get(member.user()) > balances.get(chosen.user()) + TIE) {
                chosen = member;
            }
        }
        balances.merge(chosen.user(), -1.0, Double::sum);
        return chosen;
    }

    /** The team in order, starting after the member who got the last lead. */
    private List<TeamMember> rotation(UserId last) {
        List<TeamMember> team = team();
        int start = 0;
        for (int i = 0; i < team.size(); i++) {
            if (team.get(i).user().equals(last)) {
                start = i + 1;
            }
        }
        int from = start % team.size();
        List<TeamMember> order = new java.util.ArrayList<>(team.subList(from, team.size()));
        order.addAll(team.subList(0, from));
        return order;
    }

    private static long weights(List<TeamMember> members) {
        long total = 0;
        for (TeamMember member : members) {
            total += member.weight();
        }
        return total;
    }
}
