package org.leadmanager.domain.lead;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.error.LeadManagerException;

/**
 * Any sequence of commands, accepted or refused, keeps a lead's invariants, and the events of every change say
 * exactly what changed.
 */
class LeadPropertiesTest {
    private static final List<StatusKey> KEYS = List.of(DomainFixture.NEW, DomainFixture.CONTACTED,
            DomainFixture.OFFER, DomainFixture.WON, DomainFixture.LOST, DomainFixture.SPAM, StatusKey.of("gone"));
    private static final List<UserId> USERS = List.of(DomainFixture.ALICE, DomainFixture.BOB);

    /** One command on the lead. */
    sealed interface Command {
    }

    record Move(StatusKey status, StatusCategory category, String reason) implements Command {
    }

    record Assign(UserId user) implements Command {
    }

    record Refresh(String name) implements Command {
    }

    @Provide
    Arbitrary<Command> command() {
        Arbitrary<Command> move = Combinators.combine(Arbitraries.of(KEYS).injectNull(0.1),
                Arbitraries.of(StatusCategory.class).injectNull(0.5),
                Arbitraries.strings().ofMaxLength(12).injectNull(0.3)).as(Move::new);
        Arbitrary<Command> assign = Arbitraries.of(USERS).injectNull(0.3).map(Assign::new);
        Arbitrary<Command> refresh = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(Refresh::new);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, move), net.jqwik.api.Tuple.of(2, assign),
                net.jqwik.api.Tuple.of(1, refresh));
    }

    /** Random allowed transitions over the project's statuses; a status without an entry may go anywhere. */
    @Provide
    Arbitrary<Map<StatusKey, Set<StatusKey>>> transitions() {
        List<StatusKey> own = KEYS.subList(0, 6);
        Arbitrary<Set<StatusKey>> targets = Arbitraries.of(own).set().ofMaxSize(own.size());
        return Arbitraries.maps(Arbitraries.of(own), targets).ofMaxSize(own.size())
                .map(m -> {
                    Map<StatusKey, Set<StatusKey>> clean = new HashMap<>();
                    m.forEach((from, tos) -> {
                        Set<StatusKey> others = new HashSet<>(tos);
                        others.remove(from);
                        clean.put(from, others);
                    });
                    return clean;
                });
    }

    private static Changed<Lead> apply(Lead lead, Project project, Command command, Instant now) {
        if (command instanceof Move m) {
            return LeadChanges.moveTo(lead, project, m.status(), m.category(), m.reason(), now);
        } else if (command instanceof Assign a) {
            OwnerReason reason = a.user() == null ? OwnerReason.unassigned(DomainFixture.MIA)
                    : OwnerReason.manual(DomainFixture.MIA);
            return LeadChanges.assign(lead, a.user(), reason, now);
        }
        return LeadChanges.refreshCard(lead, ContactCard.named(((Refresh) command).name()), now);
    }

    @Property
    void anySequenceOfCommandsKeepsTheLeadsInvariants(@ForAll("transitions") Map<StatusKey, Set<StatusKey>> allowed,
            @ForAll @Size(max = 30) List<@From("command") Command> commands) {
        Project project = DomainFixture.project().withTransitions(allowed);
        Lead lead = DomainFixture.lead(project);
        Instant now = DomainFixture.T0;
        for (Command command : commands) {
            now = now.plusSeconds(1);
            Lead before = lead;
            Changed<Lead> change;
            try {
                change = apply(lead, project, command, now);
            } catch (LeadManagerException refused) {
                continue;
            }
            lead = change.state();
            assertInvariants(project, lead);
            assertEventsMatch(project, before, change);
            if (command instanceof Move m && m.category() != StatusCategory.LOST) {
                assertFalse(change.changed() && category(project, lead) == StatusCategory.LOST,
                        "only a disqualification reaches a LOST status: " + command);
            }
            if (change.changed() && !before.status().equals(lead.status())) {
                assertTrue(project.allowsTransition(before.status(), lead.status()),
                        before.status() + " -> " + lead.status() + " is not allowed by " + allowed);
            }
        }
    }

    private static StatusCategory category(Project project, Lead lead) {
        return project.findStatus(lead.status()).map(LeadStatus::category).orElseThrow();
    }

    private static void assertInvariants(Project project, Lead lead) {
        assertTrue(project.findStatus(lead.status()).isPresent(), "status in the project's list: " + lead.status());
        if (category(project, lead) == StatusCategory.LOST) {
            assertNotNull(lead.lostReason(), "a LOST lead has its reason");
            assertFalse(lead.lostReason().isBlank());
        } else {
            assertNull(lead.lostReason(), "only a LOST lead has a lost reason");
        }
        assertEquals(lead.assignee() == null, lead.ownerReason().kind() == OwnerReasonKind.UNASSIGNED,
                "the owner reason fits the owner");
    }

    private static void assertEventsMatch(Project project, Lead before, Changed<Lead> change) {
        Lead after = change.state();
        if (!change.changed()) {
            assertSame(before, after, "no events, no change");
            return;
        }
        List<DomainEvent> expected = new ArrayList<>();
        if (!before.status().equals(after.status())) {
            expected.add(new DomainEvent.LeadStatusChanged(after.id(), after.project(), before.status(),
                    after.status()));
            StatusCategory category = category(project, after);
            if (category == StatusCategory.WON) {
                expected.add(new DomainEvent.LeadConverted(after.id(), after.project(), after.status()));
            } else if (category == StatusCategory.LOST) {
                expected.add(new DomainEvent.LeadDisqualified(after.id(), after.project(), after.status(),
                        after.lostReason()));
            }
        }
        if (!java.util.Objects.equals(before.assignee(), after.assignee())) {
            expected.add(new DomainEvent.LeadAssigned(after.id(), after.project(), before.assignee(),
                    after.assignee(), after.ownerReason()));
        }
        if (!before.card().equals(after.card()) || expected.isEmpty()) {
            expected.add(new DomainEvent.ContactCardRefreshed(after.id(), after.contact()));
        }
        assertEquals(expected, change.events(), "events say what changed");
        assertEquals(before.id(), after.id());
        assertEquals(before.contact(), after.contact());
        assertEquals(before.version(), after.version(), "the store bumps versions, never a command");
    }
}
