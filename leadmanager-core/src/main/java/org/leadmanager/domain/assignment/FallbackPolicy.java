package org.leadmanager.domain.assignment;

import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.OwnerReasonKind;

/** One user gets every lead still undecided, if that user is active; meant to come after the other policies. */
public final class FallbackPolicy implements OwnerPolicy {
    private final UserId user;

    /** @param user the fallback owner, non-null */
    public FallbackPolicy(UserId user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    @Override
    public void decide(Undecided batch, AssignmentFacts facts) {
        List<Integer> open = batch.open();
        if (open.isEmpty() || !facts.isActive(user)) {
            return;
        }
        open.forEach(position -> batch.decide(position, OwnerDecision.to(user, OwnerReasonKind.FALLBACK,
                batch.by())));
    }
}
