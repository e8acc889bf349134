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
        return FirstDecision.of(project).decide(cards, tx.actor.user(), new StoreFacts(tx, project, dryRun));
    }

    /**
     * The facts of one batch at the unit of work's time; whether a user is active is asked once per user and batch,
     * the team's availability once per batch.
     */
    private final class StoreFacts implements AssignmentFacts {
        private final Tx tx;
        private final Project project;
        private final boolean dryRun;
        private final Map<UserId, Boolean> active = new HashMap<>();
        private Map<UserId, Availability> availability;

        StoreFacts(Tx tx, Project project, boolean dryRun) {
            this.tx = tx;
            this.project = project;
            this.dryRun = dryRun;
        }

        @Override
        public boolean isActive(UserId user) {
            return active.computeIfAbsent(user, u -> ctx.users.isActive(tx.actor.tenant(), u));
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
