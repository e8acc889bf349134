package org.leadmanager.domain.assignment;

import java.util.ArrayList;
import java.util.List;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;

/**
 * Policies in order, the first decision wins: each policy decides what it can for the leads the ones before left
 * open; a lead no policy decided stays unassigned.
 */
public final class FirstDecision {
    private final List<OwnerPolicy> policies;

    /** @param policies tried in this order, non-null */
    public FirstDecision(List<OwnerPolicy> policies) {
        this.policies = List.copyOf(policies);
    }

    /**
     * The chain a project's stored {@link AssignmentPolicy} stands for: its rules, then its strategy over the team
     * (round-robin or least open leads; none adds nothing), then its fallback user.
     */
    public static FirstDecision of(Project project) {
        AssignmentPolicy stored = project.assignment();
        List<OwnerPolicy> chain = new ArrayList<>(3);
        if (!stored.rules().isEmpty()) {
            chain.add(new RulePolicy(stored.rules()));
        }
        switch (stored.strategy()) {
            case ROUND_ROBIN -> chain.add(new RoundRobinPolicy(project.members()));
            case LEAST_OPEN_LEADS -> chain.add(new LeastOpenPolicy(project.members()));
            case NONE -> {
            }
        }
        if (stored.fallback() != null) {
            chain.add(new FallbackPolicy(stored.fallback()));
        }
        return new FirstDecision(chain);
    }

    /**
     * Owners for a batch of new leads, one per card in order.
     *
     * @param by who the decisions are made for (the acting user)
     */
    public List<OwnerDecision> decide(List<ContactCard> cards, UserId by, AssignmentFacts facts) {
        Undecided batch = new Undecided(cards, by);
        for (OwnerPolicy policy : policies) {
            if (batch.open().isEmpty()) {
                break;
            }
            policy.decide(batch, facts);
        }
        List<OwnerDecision> decisions = new ArrayList<>(batch.decisions());
        decisions.replaceAll(d -> d != null ? d : OwnerDecision.unassigned(by));
        return decisions;
    }

    /** The policies, in order. */
    public List<OwnerPolicy> policies() {
        return policies;
    }
}
