package org.leadmanager.domain.assignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.TeamMember;

/**
 * A strategy over a project's team. Only available members (active, not absent) below their cap of open leads
 * take leads; of those, the ones within their working hours come first, and when none is, the others take the lead
 * rather than leave it unowned. Decides nothing without an eligible member.
 */
abstract class TeamPolicy implements OwnerPolicy {
    private final List<TeamMember> team;

    TeamPolicy(List<TeamMember> team) {
        this.team = List.copyOf(team);
    }

    @Override
    public final void decide(Undecided batch, AssignmentFacts facts) {
        List<Integer> open = batch.open();
        if (open.isEmpty()) {
            return;
        }
        List<TeamMember> available = team.stream().filter(m -> facts.isAvailable(m.user())).toList();
        if (!available.isEmpty()) {
            decideAmong(available, open, batch, facts);
        }
    }

    /** The whole team in its order: the rotation order. */
    final List<TeamMember> team() {
        return team;
    }

    /**
     * Who may get the next lead, in team order: the available members below their cap, only those within working
     * hours when there are any.
     */
    static List<TeamMember> eligible(List<TeamMember> available, Map<UserId, Long> openLeads,
            AssignmentFacts facts) {
        List<TeamMember> belowCap = new ArrayList<>();
        List<TeamMember> working = new ArrayList<>();
        for (TeamMember member : available) {
            if (member.belowCap(openLeads.getOrDefault(member.user(), 0L))) {
                belowCap.add(member);
                if (facts.isWorking(member.user())) {
                    working.add(member);
                }
            }
        }
        return working.isEmpty() ? belowCap : working;
    }

    /**
     * Decides the open positions among the available members, as long as one is eligible.
     *
     * @param available the available members in team order, not empty
     * @param open      the open positions, not empty
     */
    abstract void decideAmong(List<TeamMember> available, List<Integer> open, Undecided batch,
            AssignmentFacts facts);
}
