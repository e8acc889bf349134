package org.leadmanager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;

/**
 * Applies a project's assignment policy to a batch of new leads: rules in order (first match wins), then the
 * strategy over the active team, then the fallback user, else unassigned. Inactive users never get leads.
 */
final class OwnerAssigner {

    /** An owner decision: the user (null = unassigned) and why. */
    record Decision(UserId assignee, OwnerReason reason) {
    }

    private final Context ctx;

    OwnerAssigner(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Decides owners for new leads of the project, one per card, in order.
     *
     * @param dryRun when true, round-robin previews from the stored position without reserving it
     */
    List<Decision> decide(Tx tx, Project project, List<ContactCard> cards, boolean dryRun) {
        AssignmentPolicy policy = project.assignment();
        UserId by = tx.actor.user();
        Map<UserId, Boolean> active = new HashMap<>();
        List<Decision> decisions = new ArrayList<>(cards.size());
        List<Integer> undecided = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Decision byRule = null;
            for (AssignmentRule rule : policy.rules()) {
                if (rule.matches(cards.get(i)) && isActive(tx, rule.assignee(), active)) {
                    byRule = new Decision(rule.assignee(), new OwnerReason(OwnerReasonKind.RULE, rule.name(), by));
                    break;
                }
            }
            decisions.add(byRule);
            if (byRule == null) {
                undecided.add(i);
            }
        }
        if (!undecided.isEmpty()) {
            List<UserId> team = project.team().stream().filter(u -> isActive(tx, u, active)).toList();
            Decision fallback = policy.fallback() != null && isActive(tx, policy.fallback(), active)
                    ? new Decision(policy.fallback(), new OwnerReason(OwnerReasonKind.FALLBACK, null, by))
                    : new Decision(null, OwnerReason.unassigned(by));
            if (team.isEmpty()) {
                undecided.forEach(i -> decisions.set(i, fallback));
            } else {
                switch (policy.strategy()) {
                    case NONE -> undecided.forEach(i -> decisions.set(i, fallback));
                    case ROUND_ROBIN -> roundRobin(tx, project, team, undecided, decisions, dryRun);
                    case LEAST_OPEN_LEADS -> leastOpen(tx, project, team, undecided, decisions);
                }
            }
        }
        return decisions;
    }

    private void roundRobin(Tx tx, Project project, List<UserId> team, List<Integer> undecided,
            List<Decision> decisions, boolean dryRun) {
        long start = tx.s.projects().advanceRoundRobin(tx.actor.tenant(), project.id(),
                dryRun ? 0 : undecided.size());
        OwnerReason reason = new OwnerReason(OwnerReasonKind.ROUND_ROBIN, null, tx.actor.user());
        for (int k = 0; k < undecided.size(); k++) {
            UserId user = team.get((int) Math.floorMod(start + k, (long) team.size()));
            decisions.set(undecided.get(k), new Decision(user, reason));
        }
    }

    private void leastOpen(Tx tx, Project project, List<UserId> team, List<Integer> undecided,
            List<Decision> decisions) {
        Set<StatusKey> open = project.statuses().stream()
                .filter(s -> s.category() == StatusCategory.OPEN)
                .map(LeadStatus::key)
                .collect(Collectors.toSet());
        Map<UserId, Long> counts = new HashMap<>(tx.s.leads().countByAssignee(tx.actor.tenant(), project.id(), open));
        OwnerReason reason = new OwnerReason(OwnerReasonKind.LEAST_OPEN_LEADS, null, tx.actor.user());
        for (int index : undecided) {
            UserId best = team.get(0);
            for (UserId candidate : team) {
                if (counts.getOrDefault(candidate, 0L) < counts.getOrDefault(best, 0L)) {
                    best = candidate;
                }
            }
            counts.merge(best, 1L, Long::sum);
            decisions.set(index, new Decision(best, reason));
        }
    }

    private boolean isActive(Tx tx, UserId user, Map<UserId, Boolean> cache) {
        return cache.computeIfAbsent(user, u -> ctx.users.isActive(tx.actor.tenant(), u));
    }
}
