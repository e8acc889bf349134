package org.leadmanager.domain.assignment;

import java.util.List;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentRule;

/**
 * Criteria rules in order: a lead goes to the user of the first rule its card matches whose user is active; a
 * rule of an inactive user is passed over. The reason names the rule.
 */
public final class RulePolicy implements OwnerPolicy {
    private final List<AssignmentRule> rules;

    /** @param rules in the order they are tried, non-null */
    public RulePolicy(List<AssignmentRule> rules) {
        this.rules = List.copyOf(rules);
    }

    @Override
    public void decide(Undecided batch, AssignmentFacts facts) {
        if (rules.isEmpty()) {
            return;
        }
        for (int position : batch.open()) {
            for (AssignmentRule rule : rules) {
                if (rule.matches(batch.card(position)) && facts.isActive(rule.assignee())) {
                    batch.decide(position, new OwnerDecision(rule.assignee(),
                            new OwnerReason(OwnerReasonKind.RULE, rule.name(), batch.by())));
                    break;
                }
            }
        }
    }
}
