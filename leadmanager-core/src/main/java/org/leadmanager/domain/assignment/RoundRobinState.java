package org.leadmanager.domain.assignment;

import java.util.Map;
import java.util.Objects;
import org.leadmanager.domain.UserId;

/**
 * A project's round-robin standing: each member's balance (their fair share of the assignments made while they
 * could take leads, minus what they got) and the member who got the last lead, where ties continue the rotation.
 * Only the members who could take the last lead have a balance; one who could not has none and starts again at 0.
 *
 * @param balances per member, each within (-1, 1] and together 0
 * @param last     who got the last lead; null before the first
 */
public record RoundRobinState(Map<UserId, Double> balances, UserId last) {
    public static final RoundRobinState START = new RoundRobinState(Map.of(), null);

    public RoundRobinState {
        balances = Map.copyOf(Objects.requireNonNull(balances, "balances"));
    }
}
