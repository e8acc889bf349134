package org.leadmanager.domain.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
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
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.leadmanager.domain.DomainFixture;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.TeamMember;

/** Properties of the owner policies and their composition, over random teams, rules, cards and batches. */
class AssignmentPropertiesTest {
    private static final List<UserId> USERS = List.of(UserId.of("u0"), UserId.of("u1"), UserId.of("u2"),
            UserId.of("u3"), UserId.of("u4"), UserId.of("u5"));
    private static final List<String> CITIES = List.of("Berlin", "Hamburg", "Köln", "Essen");

    @Provide
    Arbitrary<List<UserId>> teams() {
        return Arbitraries.of(USERS).set().ofMinSize(1).ofMaxSize(USERS.size()).map(s -> List.copyOf(s))
                .flatMap(team -> Arbitraries.shuffle(team));
    }

    @Provide
    Arbitrary<Set<UserId>> actives() {
        return Arbitraries.of(USERS).set().ofMaxSize(USERS.size());
    }

    @Provide
    Arbitrary<List<ContactCard>> cards() {
        return Arbitraries.of(CITIES).map(c -> new ContactCard("n", null, null, null, c, null)).list().ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<AssignmentRule>> rules() {
        Arbitrary<AssignmentRule> rule = Combinators.combine(Arbitraries.of(CITIES), Arbitraries.of(USERS),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8))
                .as((city, user, name) -> new AssignmentRule(name, ContactField.CITY, city, user));
        return rule.list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<AssignmentStrategy> strategies() {
        return Arbitraries.of(AssignmentStrategy.class);
    }

    @Provide
    Arbitrary<UserId> fallbacks() {
        return Arbitraries.of(USERS).injectNull(0.3);
    }

    @Property
    void roundRobinOverNDecisionsGivesEachActiveMemberItsShareWithinOne(@ForAll("teams") List<UserId> team,
            @ForAll("actives") Set<UserId> active,
            @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 30) Integer> batches,
            @ForAll @IntRange(min = 0, max = 1000) int start) {
        FakeFacts facts = new FakeFacts();
        facts.active.addAll(active);
        facts.standing = new RoundRobinState(Map.of(), team.get(start % team.size()));
        List<UserId> members = team.stream().filter(active::contains).toList();
        Map<UserId, Integer> got = new HashMap<>();
        int total = 0;
        RoundRobinPolicy policy = new RoundRobinPolicy(team.stream().map(TeamMember::of).toList());
        for (int size : batches) {
            Undecided batch = new Undecided(Collections.nCopies(size, ContactCard.named("n")),
                    DomainFixture.MIA);
            policy.decide(batch, facts);
            for (OwnerDecision d : batch.decisions()) {
                if (d != null) {
                    got.merge(d.assignee(), 1, Integer::sum);
                }
            }
            total += size;
        }
        if (members.isEmpty()) {
            assertTrue(got.isEmpty(), "nobody active, nobody decided");
            return;
        }
        int k = members.size();
        for (UserId member : members) {
            int share = got.getOrDefault(member, 0);
            assertTrue(Math.abs(share * k - total) <= k, member + " got " + share + " of " + total + " among " + k);
        }
        assertTrue(members.containsAll(got.keySet()), "only active members: " + got);
    }

    @Provide
    Arbitrary<List<TeamMember>> weightedTeams() {
        return teams().flatMap(team -> Arbitraries.integers().between(1, 6).list().ofSize(team.size())
                .map(weights -> {
                    List<TeamMember> members = new ArrayList<>();
                    for (int i = 0; i < team.size(); i++) {
                        members.add(new TeamMember(team.get(i), weights.get(i), null));
                    }
                    return members;
                }));
    }

    /**
     * With the same members available throughout, after every lead each member has had within 1 of their weighted
     * share N · weight / sum of weights, however the leads come in batches.
     */
    @Property
    void weightedRoundRobinKeepsEveryMemberWithinOneOfItsShareAfterEveryLead(
            @ForAll("weightedTeams") List<TeamMember> team,
            @ForAll @Size(min = 1, max = 10) List<@IntRange(min = 1, max = 25) Integer> batches) {
        FakeFacts facts = new FakeFacts();
        team.forEach(m -> facts.active.add(m.user()));
        double total = team.stream().mapToInt(TeamMember::weight).sum();
        RoundRobinPolicy policy = new RoundRobinPolicy(team);
        Map<UserId, Integer> got = new HashMap<>();
        int n = 0;
        for (int size : batches) {
            for (OwnerDecision d : decide(policy, size, facts)) {
                got.merge(d.assignee(), 1, Integer::sum);
                n++;
                for (TeamMember m : team) {
                    double share = n * m.weight() / total;
                    int count = got.getOrDefault(m.user(), 0);
                    assertTrue(Math.abs(count - share) <= 1 + 1e-9,
                            m + " has " + count + " of " + n + ", share " + share);
                }
            }
        }
    }

    /**
     * While members come and go (inactive, absent, off work, at their cap), no lead goes to a member who may not take
     * it, every kept balance stays within (-1, 1] and they add up to 0, and within every stretch in which the same
     * members are eligible each one's count stays within 2 of its weighted share of the stretch; a member who
     * returns starts at balance 0, so gets no burst of leads to catch up.
     */
    @Property
    void whileMembersComeAndGoBalancesStayWithinOneAndNobodyGetsABurst(
            @ForAll("weightedTeams") List<TeamMember> team,
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 99) Integer> steps) {
        FakeFacts facts = new FakeFacts();
        team.forEach(m -> facts.active.add(m.user()));
        List<TeamMember> members = new ArrayList<>(team);
        RoundRobinPolicy policy = new RoundRobinPolicy(members);
        Set<UserId> eligibleBefore = Set.of();
        Map<UserId, Integer> stretch = new HashMap<>();
        int stretchLeads = 0;
        for (int step : steps) {
            UserId member = team.get(step % team.size()).user();
            switch (step / 25) {
                case 0 -> toggle(facts.absent, member);
                case 1 -> toggle(facts.active, member);
                case 2 -> toggle(facts.offWork, member);
                default -> {
                }
            }
            Set<UserId> eligible = eligible(team, facts);
            if (!eligible.equals(eligibleBefore)) {
                eligibleBefore = eligible;
                stretch.clear();
                stretchLeads = 0;
            }
            List<OwnerDecision> decided = decide(policy, 1 + step % 3, facts);
            if (eligible.isEmpty()) {
                assertTrue(decided.isEmpty(), "nobody eligible, nobody decided");
                continue;
            }
            double total = team.stream().filter(m -> eligible.contains(m.user())).mapToInt(TeamMember::weight).sum();
            for (OwnerDecision d : decided) {
                assertTrue(eligible.contains(d.assignee()), d.assignee() + " may not take a lead now");
                stretch.merge(d.assignee(), 1, Integer::sum);
                stretchLeads++;
            }
            for (TeamMember m : team) {
                if (eligible.contains(m.user())) {
                    double share = stretchLeads * m.weight() / total;
                    assertTrue(Math.abs(stretch.getOrDefault(m.user(), 0) - share) < 2,
                            m + " got " + stretch.get(m.user()) + " of " + stretchLeads + " in a stretch");
                }
            }
            double sum = 0;
            for (Map.Entry<UserId, Double> balance : facts.standing.balances().entrySet()) {
                assertTrue(eligible.contains(balance.getKey()), "only eligible members keep a balance");
                assertTrue(balance.getValue() > -1 - 1e-9 && balance.getValue() <= 1 + 1e-9,
                        balance + " out of (-1, 1]");
                sum += balance.getValue();
            }
            assertEquals(0, sum, 1e-9);
        }
    }

    /** Who may take a lead: active and present; those at work, unless nobody is. */
    private static Set<UserId> eligible(List<TeamMember> team, FakeFacts facts) {
        Set<UserId> present = new HashSet<>();
        team.stream().map(TeamMember::user).filter(facts::isAvailable).forEach(present::add);
        Set<UserId> working = new HashSet<>(present);
        working.removeIf(facts.offWork::contains);
        return working.isEmpty() ? present : working;
    }

    private static void toggle(Set<UserId> set, UserId user) {
        if (!set.remove(user)) {
            set.add(user);
        }
    }

    /** One batch of new leads through the policy: the decisions it made, in order. */
    private static List<OwnerDecision> decide(OwnerPolicy policy, int size, FakeFacts facts) {
        Undecided batch = new Undecided(Collections.nCopies(size, ContactCard.named("n")), DomainFixture.MIA);
        policy.decide(batch, facts);
        return batch.decisions().stream().filter(d -> d != null).toList();
    }

    @Property
    void theChainNeverGivesALeadToAnInactiveUserAndRulesWinOverTheStrategy(@ForAll("teams") List<UserId> team,
            @ForAll("actives") Set<UserId> active, @ForAll("rules") List<AssignmentRule> rules,
            @ForAll("strategies") AssignmentStrategy strategy, @ForAll("fallbacks") UserId fallback,
            @ForAll("cards") List<ContactCard> cards) {
        Project project = DomainFixture.project().withTeam(team)
                .withAssignment(new AssignmentPolicy(rules, strategy, fallback));
        FakeFacts facts = new FakeFacts();
        facts.active.addAll(active);

        List<OwnerDecision> decided = FirstDecision.of(project).decide(cards, DomainFixture.MIA, facts);

        assertEquals(cards.size(), decided.size());
        boolean anyActiveMember = strategy != AssignmentStrategy.NONE && team.stream().anyMatch(active::contains);
        for (int i = 0; i < cards.size(); i++) {
            OwnerDecision d = decided.get(i);
            ContactCard card = cards.get(i);
            if (d.assignee() != null) {
                assertTrue(active.contains(d.assignee()), "inactive " + d.assignee() + " chosen");
            }
            AssignmentRule firstRule = rules.stream()
                    .filter(r -> r.matches(card) && active.contains(r.assignee()))
                    .findFirst().orElse(null);
            if (firstRule != null) {
                assertEquals(OwnerReasonKind.RULE, d.reason().kind(), "a matching rule wins");
                assertEquals(firstRule.assignee(), d.assignee());
                assertEquals(firstRule.name(), d.reason().detail());
            } else if (anyActiveMember) {
                assertTrue(team.contains(d.assignee()), "the strategy decides when no rule matched");
                assertNotEquals(OwnerReasonKind.FALLBACK, d.reason().kind());
            } else if (fallback != null && active.contains(fallback)) {
                assertEquals(new OwnerDecision(fallback, d.reason()), d, "the fallback only when nobody else");
                assertEquals(OwnerReasonKind.FALLBACK, d.reason().kind());
            } else {
                assertEquals(OwnerDecision.unassigned(DomainFixture.MIA), d);
            }
        }
    }

    @Property
    void leastOpenKeepsTheActiveMembersWithinOneOfEachOtherWhenTheyStartEven(@ForAll("teams") List<UserId> team,
            @ForAll("actives") Set<UserId> active, @ForAll @IntRange(max = 50) int leads,
            @ForAll @IntRange(max = 5) int already) {
        FakeFacts facts = new FakeFacts();
        facts.active.addAll(active);
        List<UserId> members = team.stream().filter(active::contains).toList();
        members.forEach(m -> facts.open.put(m, (long) already));

        Undecided batch = new Undecided(Collections.nCopies(leads, ContactCard.named("n")), DomainFixture.MIA);
        new LeastOpenPolicy(team.stream().map(TeamMember::of).toList()).decide(batch, facts);
        List<OwnerDecision> decided = batch.decisions();

        Map<UserId, Integer> got = new HashMap<>();
        decided.stream().filter(d -> d != null).forEach(d -> got.merge(d.assignee(), 1, Integer::sum));
        if (members.isEmpty()) {
            assertTrue(got.isEmpty());
            return;
        }
        int min = members.stream().mapToInt(m -> got.getOrDefault(m, 0)).min().orElseThrow();
        int max = members.stream().mapToInt(m -> got.getOrDefault(m, 0)).max().orElseThrow();
        assertTrue(max - min <= 1, "shares " + got);
        assertTrue(members.containsAll(got.keySet()), "only active members: " + got);
    }
}
