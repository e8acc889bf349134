package org.leadmanager.domain.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.BOB;
import static org.leadmanager.domain.DomainFixture.CONTACTED;
import static org.leadmanager.domain.DomainFixture.MIA;
import static org.leadmanager.domain.DomainFixture.NEW;
import static org.leadmanager.domain.DomainFixture.OFFER;
import static org.leadmanager.domain.DomainFixture.T0;
import static org.leadmanager.domain.DomainFixture.WON;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.LeadChanges;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.error.LeadManagerException;

/** The lead tallies' deltas, derived from changes, always sum to the counts of the leads as they are. */
class TalliesTest {
    private final Project project = DomainFixture.project();

    private Lead lead(String contact, UserId owner) {
        return Lead.qualify(new LeadId(UUID.randomUUID()), DomainFixture.TENANT, project.id(), ContactId.of(contact),
                ContactCard.named(contact), NEW, Origin.manual(MIA), owner,
                owner == null ? OwnerReason.unassigned(MIA) : OwnerReason.manual(MIA), T0);
    }

    private Map<TallyKey, Long> sums(List<TallyDelta> deltas) {
        Map<TallyKey, Long> sums = new LinkedHashMap<>();
        Tallies.net(deltas).forEach(d -> sums.merge(d.key(), d.delta(), Long::sum));
        return sums;
    }

    @Test
    void aQualifiedLeadCountsUnderItsStatusAndOwner() {
        Lead lead = lead("c1", ALICE);
        assertEquals(Map.of(TallyKey.status(NEW), 1L, TallyKey.owner(ALICE, NEW), 1L),
                sums(Tallies.of(LeadChanges.qualified(lead))));
        assertEquals(Map.of(TallyKey.status(NEW), 1L), sums(Tallies.of(LeadChanges.qualified(lead("c2", null)))));
    }

    @Test
    void aStatusChangeMovesTheLeadFromOneNumberToTheOther() {
        Lead lead = lead("c1", ALICE);
        Changed<Lead> converted = LeadChanges.moveTo(lead, project, null, org.leadmanager.domain.project
                .StatusCategory.WON, null, T0);
        assertEquals(Map.of(TallyKey.status(NEW), -1L, TallyKey.status(WON), 1L, TallyKey.owner(ALICE, NEW), -1L,
                TallyKey.owner(ALICE, WON), 1L), sums(Tallies.of(converted)));
    }

    @Test
    void anAssignmentMovesOnlyTheOwnerNumbers() {
        Lead lead = lead("c1", ALICE);
        assertEquals(Map.of(TallyKey.owner(ALICE, NEW), -1L, TallyKey.owner(BOB, NEW), 1L),
                sums(Tallies.of(LeadChanges.assign(lead, BOB, OwnerReason.manual(MIA), T0))));
        assertEquals(Map.of(TallyKey.owner(ALICE, NEW), -1L),
                sums(Tallies.of(LeadChanges.assign(lead, null, OwnerReason.unassigned(MIA), T0))));
    }

    @Test
    void changesThatMoveNothingCountNothing() {
        Lead lead = lead("c1", ALICE);
        assertEquals(List.of(), Tallies.of(LeadChanges.refreshCard(lead, ContactCard.named("Other"), T0)));
        assertEquals(List.of(), Tallies.of(LeadChanges.moveToContact(lead, ContactId.of("c9"),
                ContactCard.named("C9"), T0)));
        assertEquals(List.of(), Tallies.of(LeadChanges.moveTo(lead, project, NEW, null, null, T0)));
        assertEquals(List.of(), Tallies.of(Changed.unchanged(lead)));
        assertEquals(List.of(), Tallies.of(Changed.to(project, new org.leadmanager.domain.event.DomainEvent
                .ProjectChanged(project.id(), "renamed"))));
    }

    @Test
    void aFoldTakesTheSourceOffAndMayGiveTheTargetItsOwner() {
        Lead source = lead("c1", ALICE);
        Lead target = lead("c2", null);
        List<TallyDelta> deltas = new ArrayList<>(Tallies.removed(source));
        deltas.addAll(Tallies.of(LeadChanges.fold(source, target, true, T0)));
        assertEquals(Map.of(TallyKey.status(NEW), -1L), sums(deltas), "alice keeps one lead, the project one less");
    }

    @Test
    void countsForStatusesAndOwnersComeFromBothTallies() {
        Map<TallyKey, Long> status = Map.of(TallyKey.status(NEW), 5L, TallyKey.status(WON), 2L);
        Map<TallyKey, Long> owner = Map.of(TallyKey.owner(ALICE, NEW), 2L, TallyKey.owner(BOB, NEW), 1L,
                TallyKey.owner(ALICE, WON), 2L);
        List<StatusKey> order = project.statusOrder();
        assertEquals(Map.of(NEW, 5L, WON, 2L), Tallies.countByStatus(order, LeadCriteria.all(), status, Map.of()));
        assertEquals(Map.of(NEW, 2L, WON, 2L), Tallies.countByStatus(order, LeadCriteria.all()
                .withAssignees(ALICE), status, owner));
        assertEquals(Map.of(NEW, 2L), Tallies.countByStatus(order, LeadCriteria.all().withUnassigned(true), status,
                owner), "5 new leads, 3 of them owned");
        assertEquals(Map.of(NEW, 3L), Tallies.countByStatus(order, LeadCriteria.all().withUnassigned(true)
                .withAssignees(BOB).withStatuses(NEW, OFFER), status, owner));
        assertEquals(Map.of(ALICE, 2L, BOB, 1L), Tallies.perOwner(owner, Set.of(NEW, CONTACTED, OFFER)));
        assertThrows(IllegalArgumentException.class, () -> Tallies.countByStatus(order, LeadCriteria.all()
                .withText("x"), status, owner));
    }

    // ---- any sequence of changes of several leads

    /** One change: the n-th lead moved, assigned or folded into another, or a new lead. */
    record Step(int kind, int lead, int value) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 9),
                Arbitraries.integers().between(0, 9)).as(Step::new).list().ofMaxSize(60);
    }

    @Property
    void theDeltasOfAnySequenceOfChangesSumToTheCountsOfTheLeads(@ForAll("steps") List<Step> steps) {
        List<Lead> leads = new ArrayList<>();
        List<TallyDelta> deltas = new ArrayList<>();
        List<UserId> owners = java.util.Arrays.asList(ALICE, BOB, null);
        List<StatusKey> statuses = project.statusOrder();
        Instant now = T0;
        for (Step step : steps) {
            now = now.plusSeconds(1);
            if (step.kind() == 0 || leads.isEmpty()) {
                Lead lead = lead("c" + leads.size(), owners.get(step.value() % owners.size()));
                leads.add(lead);
                deltas.addAll(Tallies.of(LeadChanges.qualified(lead)));
                continue;
            }
            int index = step.lead() % leads.size();
            Lead lead = leads.get(index);
            Changed<Lead> change;
            try {
                change = switch (step.kind()) {
                    case 1 -> LeadChanges.moveTo(lead, project, statuses.get(step.value() % statuses.size()),
                            null, "reason", now);
                    case 2 -> LeadChanges.moveTo(lead, project, null, org.leadmanager.domain.project.StatusCategory
                            .LOST, "no budget", now);
                    case 3 -> LeadChanges.assign(lead, owners.get(step.value() % owners.size()),
                            owners.get(step.value() % owners.size()) == null ? OwnerReason.unassigned(MIA)
                                    : OwnerReason.manual(MIA), now);
                    default -> null;
                };
            } catch (LeadManagerException refused) {
                continue;
            }
            if (change == null) {
                int into = step.value() % leads.size();
                if (into == index) {
                    continue;
                }
                deltas.addAll(Tallies.removed(lead));
                Changed<Lead> folded = LeadChanges.fold(lead, leads.get(into), true, now);
                deltas.addAll(Tallies.of(folded));
                leads.set(into, folded.state());
                leads.remove(index);
                continue;
            }
            deltas.addAll(Tallies.of(change));
            leads.set(index, change.state());
        }

        Map<TallyKey, Long> expected = new HashMap<>();
        for (Lead lead : leads) {
            expected.merge(TallyKey.status(lead.status()), 1L, Long::sum);
            if (lead.assignee() != null) {
                expected.merge(TallyKey.owner(lead.assignee(), lead.status()), 1L, Long::sum);
            }
        }
        Map<TallyKey, Long> kept = new HashMap<>(sums(deltas));
        kept.values().removeIf(n -> n == 0);
        assertEquals(expected, kept);
        ProjectId other = new ProjectId(UUID.randomUUID());
        assertEquals(List.of(), Tallies.net(List.of(new TallyDelta(other, TallyKey.status(NEW), 2),
                new TallyDelta(other, TallyKey.status(NEW), -2))), "deltas that cancel out net to nothing");
    }
}
