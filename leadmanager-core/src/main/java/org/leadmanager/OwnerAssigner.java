package org.leadmanager;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.assignment.AssignmentFacts;
import org.leadmanager.domain.assignment.FirstDecision;
import org.leadmanager.domain.assignment.OwnerDecision;
import org.leadmanager.domain.assignment.RoundRobinState;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.tally.Tallies;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.spi.host.Availability;

/**
 * Gives new leads their owners by the project's policy chain ({@link FirstDecision#of}), answering what the
 * policies ask from the unit of work's store and the host's user directory.
 */
final class OwnerAssigner {
    private final Context ctx;

    OwnerAssigner(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * Decides owners for new leads of the project, one per card, in order: one decision per batch (chunk).
     *
     * @param dryRun when true, round-robin previews from the stored standing without holding or keeping it
     */
    List<OwnerDecision> decide(Tx tx, Project project, List<ContactCard> cards, boolean dryRun) {
        return FirstDecision.of(project).decide(cards, tx.actor.user(), new StoreFacts(tx, project, dryRun, null));
    }

    /**
     * The next owner the project's policy picks for a lead taken from its owner (on a breached first-response
     * deadline): the same chain as for a new lead, with the current owner left out as if inactive.
     */
    OwnerDecision decideOther(Tx tx, Project project, Lead lead) {
        return FirstDecision.of(project).decide(List.of(lead.card()), tx.actor.user(),
                new StoreFacts(tx, project, false, lead.assignee())).get(0);
    }

    /**
     * The facts of one batch at the unit of work's time; whether a user is active is asked once per user and batch,
     * the team's availability once per batch.
     */
    private final class StoreFacts implements AssignmentFacts {
        private final Tx tx;
        private final Project project;
        private final boolean dryRun;
        /** Left out of every decision; null: nobody. */
        private final UserId except;
        private final Map<UserId, Boolean> active = new HashMap<>();
        private Map<UserId, Availability> availability;

        StoreFacts(Tx tx, Project project, boolean dryRun, UserId except) {
            this.tx = tx;
            this.project = project;
            this.dryRun = dryRun;
            this.except = except;
        }

        @Override
        public boolean isActive(UserId user) {
            return !user.equals(except) && active.computeIfAbsent(user, u -> ctx.users.isActive(tx.actor.tenant(), u));
        }

        @Override
        public boolean isAvailable(UserId user) {
            Availability known = availability().get(user);
            return isActive(user) && (known == null || !known.absentAt(tx.now));
        }

        @Override
        public boolean isWorking(UserId user) {
            Availability known = availability().get(user);
            return known == null || known.workingAt(tx.now);
        }

        private Map<UserId, Availability> availability() {
            if (availability == null) {
                availability = ctx.users.availability(tx.actor.tenant(), project.team());
            }
            return availability;
        }

        @Override
        public RoundRobinState roundRobin() {
            return tx.s.projects().roundRobin(tx.actor.tenant(), project.id(), !dryRun);
        }

        @Override
        public void roundRobin(RoundRobinState next) {
            if (!dryRun) {
                tx.s.projects().keepRoundRobin(tx.actor.tenant(), project.id(), next);
            }
        }

        /** From the kept tallies: the same cost however many leads the project has. */
        @Override
        public Map<UserId, Long> openLeadCounts() {
            Set<StatusKey> open = project.statuses().stream()
                    .filter(s -> s.category() == StatusCategory.OPEN)
                    .map(LeadStatus::key)
                    .collect(Collectors.toSet());
            return Tallies.perOwner(tx.tally(project.id(), Tally.OWNER), open);
        }
    }
}
