package org.leadmanager.domain.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.leadmanager.domain.DomainFixture.ALICE;
import static org.leadmanager.domain.DomainFixture.BOB;
import static org.leadmanager.domain.DomainFixture.MIA;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leadmanager.domain.project.TeamMember;
import java.util.Map;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;

/** Each owner policy alone, then composed first-decision-wins, all against plain fakes. */
class OwnerPoliciesTest {
    private static final UserId CARL = UserId.of("carl");
    private static final ContactCard BERLIN = new ContactCard("Ada", null, null, "Engines", "Berlin", null);
    private static final ContactCard HAMBURG = new ContactCard("Bea", null, null, "Looms", "Hamburg", null);
    private static final AssignmentRule BERLIN_TO_CARL = new AssignmentRule("Berlin", ContactField.CITY, "berlin",
            CARL);

    private static List<UserId> owners(List<OwnerDecision> decisions) {
        return decisions.stream().map(OwnerDecision::assignee).toList();
    }

    private static List<ContactCard> cards(int count) {
        return Collections.nCopies(count, HAMBURG);
    }

    /** Runs one policy over a fresh batch, returning its decisions (null where it decided nothing). */
    private static List<OwnerDecision> run(OwnerPolicy policy, List<ContactCard> cards, FakeFacts facts) {
        Undecided batch = new Undecided(cards, MIA);
        policy.decide(batch, facts);
        return batch.decisions();
    }

    @Test
    void aRuleGivesMatchingLeadsToItsUserNamingTheRule() {
        List<OwnerDecision> decided = run(new RulePolicy(List.of(BERLIN_TO_CARL)), List.of(BERLIN, HAMBURG),
                new FakeFacts(CARL));

        assertEquals(new OwnerDecision(CARL, new OwnerReason(OwnerReasonKind.RULE, "Berlin", MIA)), decided.get(0));
        assertEquals(null, decided.get(1), "no rule matched Hamburg");
    }

    @Test
    void aRuleOfAnInactiveUserIsPassedOverForTheNextRule() {
        AssignmentRule engines = new AssignmentRule("Engines", ContactField.COMPANY, "Engines", BOB);

        List<OwnerDecision> decided = run(new RulePolicy(List.of(BERLIN_TO_CARL, engines)), List.of(BERLIN),
                new FakeFacts(BOB));

        assertEquals(BOB, decided.get(0).assignee());
        assertEquals("Engines", decided.get(0).reason().detail());
    }

    private static List<TeamMember> team(UserId... users) {
        return Arrays.stream(users).map(TeamMember::of).toList();
    }

    @Test
    void roundRobinTakesActiveMembersInTurnAfterTheOneWhoGotTheLastLead() {
        FakeFacts facts = new FakeFacts(ALICE, CARL);
        facts.standing = new RoundRobinState(Map.of(), ALICE);

        List<OwnerDecision> decided = run(new RoundRobinPolicy(team(ALICE, BOB, CARL)), cards(3), facts);

        assertEquals(Arrays.asList(CARL, ALICE, CARL), owners(decided), "bob is inactive and skipped");
        assertEquals(CARL, facts.standing.last());
        assertEquals(1, facts.kept, "the standing is kept once per batch");
        assertEquals(OwnerReasonKind.ROUND_ROBIN, decided.get(0).reason().kind());
        assertEquals("weight 1 of 2 among 2 eligible", decided.get(0).reason().detail());
    }

    @Test
    void weightsShareTheLeadsAndTiesContinueTheRotation() {
        FakeFacts facts = new FakeFacts(ALICE, BOB, CARL);
        RoundRobinPolicy policy = new RoundRobinPolicy(List.of(new TeamMember(ALICE, 2, null), TeamMember.of(BOB),
                TeamMember.of(CARL)));

        List<OwnerDecision> decided = run(policy, cards(8), facts);

        assertEquals(List.of(ALICE, BOB, CARL, ALICE, ALICE, BOB, CARL, ALICE), owners(decided),
                "alice twice as often; bob before carl only by the rotation after alice");
    }

    @Test
    void aMemberAtTheirCapOrAbsentGetsNothingAndOneOffWorkOnlyWhenNobodyIsAtWork() {
        FakeFacts facts = new FakeFacts(ALICE, BOB, CARL);
        facts.open.put(ALICE, 3L);
        facts.absent.add(BOB);
        facts.offWork.add(CARL);
        List<TeamMember> members = List.of(new TeamMember(ALICE, 1, 4), TeamMember.of(BOB), TeamMember.of(CARL));

        assertEquals(List.of(ALICE, CARL, CARL), owners(run(new RoundRobinPolicy(members), cards(3), facts)),
                "alice within hours until her cap, then carl although off work");
        facts.open.put(ALICE, 4L);
        facts.offWork.clear();
        assertEquals(List.of(CARL, CARL), owners(run(new LeastOpenPolicy(members), cards(2), facts)));
        facts.active.remove(CARL);
        assertEquals(Arrays.asList(null, null), run(new RoundRobinPolicy(members), cards(2), facts),
                "nobody eligible: nobody decided");
    }

    @Test
    void aStrategyWithoutActiveMembersDecidesNothingAndKeepsNothing() {
        FakeFacts nobody = new FakeFacts();

        assertEquals(Arrays.asList(null, null), run(new RoundRobinPolicy(team(ALICE, BOB)), cards(2), nobody));
        assertEquals(0, nobody.kept);
        assertEquals(Arrays.asList(null, null), run(new LeastOpenPolicy(team(ALICE, BOB)), cards(2), nobody));
    }

    @Test
    void leastOpenFillsUpTheEmptiestMemberCountingEachNewLead() {
        FakeFacts facts = new FakeFacts(ALICE, BOB, CARL);
        facts.open.put(ALICE, 2L);
        facts.open.put(BOB, 0L);
        facts.open.put(CARL, 1L);

        List<OwnerDecision> decided = run(new LeastOpenPolicy(team(ALICE, BOB, CARL)), cards(4), facts);

        assertEquals(List.of(BOB, BOB, CARL, ALICE), owners(decided), "ties go in team order");
        assertEquals(OwnerReasonKind.LEAST_OPEN_LEADS, decided.get(0).reason().kind());
    }

    @Test
    void theFallbackTakesWhatIsLeftIfActive() {
        assertEquals(List.of(BOB, BOB), owners(run(new FallbackPolicy(BOB), cards(2), new FakeFacts(BOB))));
        assertEquals(Arrays.asList(null, null), run(new FallbackPolicy(BOB), cards(2), new FakeFacts()));
    }

    @Test
    void theFirstDecisionWinsAndTheRestStaysUnassigned() {
        FirstDecision chain = new FirstDecision(List.of(new RulePolicy(List.of(BERLIN_TO_CARL)),
                (batch, facts) -> batch.decide(batch.open().get(0), new OwnerDecision(ALICE,
                        OwnerReason.manual(MIA)))));

        List<OwnerDecision> decided = chain.decide(List.of(BERLIN, HAMBURG, HAMBURG), MIA, new FakeFacts(CARL));

        assertEquals(Arrays.asList(CARL, ALICE, null), owners(decided));
        assertEquals(OwnerReason.unassigned(MIA), decided.get(2).reason());
    }

    @Test
    void aDecisionIsFinal() {
        Undecided batch = new Undecided(cards(1), MIA);
        batch.decide(0, OwnerDecision.unassigned(MIA));

        assertThrows(IllegalStateException.class, () -> batch.decide(0, OwnerDecision.unassigned(MIA)));
    }

    @Test
    void theChainOfAProjectIsItsRulesThenItsStrategyThenItsFallback() {
        Project base = DomainFixture.project().withTeam(List.of(ALICE, BOB));
        Project configured = base.withAssignment(new AssignmentPolicy(List.of(BERLIN_TO_CARL),
                AssignmentStrategy.ROUND_ROBIN, CARL));

        List<Class<?>> kinds = FirstDecision.of(configured).policies().stream().<Class<?>>map(Object::getClass)
                .toList();

        assertEquals(List.of(RulePolicy.class, RoundRobinPolicy.class, FallbackPolicy.class), kinds);
        assertEquals(List.of(LeastOpenPolicy.class), FirstDecision.of(base.withAssignment(
                AssignmentPolicy.leastOpenLeads())).policies().stream().map(Object::getClass).toList());
        assertEquals(List.of(), FirstDecision.of(base).policies(), "NONE: everybody stays unassigned");
    }

    @Test
    void withAnInactiveTeamTheFallbackGetsTheLead() {
        Project project = DomainFixture.project().withTeam(List.of(ALICE, BOB)).withAssignment(
                new AssignmentPolicy(List.of(), AssignmentStrategy.ROUND_ROBIN, CARL));
        FakeFacts facts = new FakeFacts(CARL);

        List<OwnerDecision> decided = FirstDecision.of(project).decide(cards(2), MIA, facts);

        assertEquals(List.of(CARL, CARL), owners(decided));
        assertEquals(OwnerReasonKind.FALLBACK, decided.get(0).reason().kind());
        assertEquals(0, facts.kept, "the standing is not touched when nobody in the team could take a lead");
    }
}
