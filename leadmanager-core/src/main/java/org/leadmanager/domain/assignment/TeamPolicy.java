package org.leadmanager.domain.assignment;

import java.util.List;
import org.leadmanager.domain.UserId;

/** A strategy over a project's team: it picks among the active members only, and decides nothing without one. */
abstract class TeamPolicy implements OwnerPolicy {
    private final List<UserId> team;

    TeamPolicy(List<UserId> team) {
        this.team = List.copyOf(team);
    }

    @Override
    public final void decide(Undecided batch, AssignmentFacts facts) {
        List<Integer> open = batch.open();
        if (open.isEmpty()) {
            return;
        }
        List<UserId> active = team.stream().filter(facts::isActive).toList();
        if (!active.isEmpty()) {
            decideAmong(active, open, batch, facts);
        }
    }

    /**
     * Decides every open position among the active members.
     *
     * @param active the active members in team order, not empty
     * @param open   the open positions, not empty
     */
    abstract void decideAmong(List<UserId> active, List<Integer> open, Undecided batch, AssignmentFacts facts);
}
