package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.leadmanager.tck.TckFixture.OFFER;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.spi.host.Availability;
import org.leadmanager.domain.project.TeamMember;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.LocalDate;
import java.time.Duration;
import org.leadmanager.AssignAllResult;
import org.leadmanager.Rejection;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.OriginKind;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.lead.OwnerReasonKind;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;

/** Capability 3: owners of leads, by hand and by the project's assignment policy. */
public abstract class AssignmentContract extends ContractBase {

    private ContactId contactIn(String name, String city, String company) {
        return fx.contact(new ContactCard(name, null, null, company, city, null));
    }

    private Lead qualify(Project project, ContactId contact) {
        return lm().qualification().qualify(manager(), project.id(), contact).lead();
    }

    private List<Lead> newLeads(LeadManager leadManager, Project project, int count) {
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            leads.add(leadManager.qualification().qualify(manager(), project.id(), fx.contact("New " + i)).lead());
        }
        return leads;
    }

    private List<UserId> assigneesOfNewLeads(LeadManager leadManager, Project project, int count) {
        return newLeads(leadManager, project, count).stream().map(Lead::assignee).toList();
    }

    @Test
    void assigningMakesTheUserOwnerWithAManualReason() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());

        Lead assigned = lm().leads().assign(manager(), lead.id(), fx.alice);

        assertEquals(fx.alice, assigned.assignee());
        Lead read = fx.reload(lead.id());
        assertEquals(fx.alice, read.assignee());
        assertEquals(OwnerReason.manual(fx.mia), read.ownerReason());
        Activity last = lastActivity(lead.id());
        assertEquals(ActivityType.ASSIGNED, last.type());
        assertNull(last.from());
        assertEquals("alice", last.to());
        assertEquals(fx.mia, last.actor());
    }

    @Test
    void unassigningRemovesTheOwner() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        lm().leads().assign(manager(), lead.id(), fx.alice);

        lm().leads().unassign(manager(), lead.id());

        Lead read = fx.reload(lead.id());
        assertNull(read.assignee());
        assertEquals(OwnerReasonKind.UNASSIGNED, read.ownerReason().kind());
        Activity last = lastActivity(lead.id());
        assertEquals(ActivityType.UNASSIGNED, last.type());
        assertEquals("alice", last.from());
        assertNull(last.to());
    }

    @Test
    void inactiveOrUnknownUsersCannotBeAssigned() {
        Project project = fx.project("Solar roofs");
        Lead lead = fx.lead(project.id());
        rejectsInput("user", () -> lm().leads().assign(manager(), lead.id(), fx.ivan));
        rejectsInput("user", () -> lm().leads().assign(manager(), lead.id(), UserId.of("nobody")));
        rejectsInput("user", () -> lm().leads().assignAll(manager(), Set.of(lead.id()), fx.ivan));
        assertNull(fx.reload(lead.id()).assignee());
    }

    /**
     * In chunks of two, a refused lead leaves the rest of its chunk and the other chunks changed, each change with
     * its timeline entry, and the leads already owned by the user count as changed without a new entry.
     */
    @Test
    void assignAllGoesChunkByChunkAndARefusedLeadSpoilsNoChunk() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leads.add(fx.lead(project.id()));
        }
        lm().leads().assign(manager(), leads.get(1).id(), fx.bob);
        lm().leads().assign(manager(), leads.get(4).id(), fx.alice);
        Set<LeadId> ids = new HashSet<>();
        leads.forEach(l -> ids.add(l.id()));

        AssignAllResult result = fx.withChunkSize(2).leads().assignAll(fx.agent(fx.alice), ids, fx.alice);

        assertEquals(Set.of(leads.get(1).id()), result.rejected().keySet(), "bob's lead is not alice's to take");
        assertInstanceOf(Rejection.Denied.class, result.rejected().get(leads.get(1).id()));
        assertEquals(5, result.changed().size());
        assertEquals(result.changed().stream().sorted().toList(), result.changed(), "in id order");
        for (Lead lead : leads) {
            UserId expected = lead.id().equals(leads.get(1).id()) ? fx.bob : fx.alice;
            assertEquals(expected, fx.reload(lead.id()).assignee());
            long assignments = lm().leads().timeline(manager(), lead.id()).stream()
                    .filter(a -> a.type() == ActivityType.ASSIGNED).count();
            assertEquals(1, assignments, "one assignment recorded for " + lead.id());
        }
    }

    @Test
    void assignAllChangesThePermittedLeadsAndReportsTheRestPerItem() {
        Project project = fx.project("Solar roofs");
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());
        Lead c = fx.lead(project.id());
        LeadId unknown = new LeadId(UUID.randomUUID());
        TckFixture other = fx.otherTenant();
        Lead foreign = other.lead(other.project("Theirs").id());

        AssignAllResult result = lm().leads().assignAll(manager(), Set.of(a.id(), b.id(), c.id(), unknown,
                foreign.id()), fx.bob);

        assertEquals(Set.of(a.id(), b.id(), c.id()), Set.copyOf(result.changed()));
        assertEquals(Set.of(unknown, foreign.id()), result.rejected().keySet());
        assertInstanceOf(Rejection.NotFound.class, result.rejected().get(unknown), "an unknown lead is not found");
        assertInstanceOf(Rejection.NotFound.class, result.rejected().get(foreign.id()),
                "another tenant's lead is not found either");
        result.rejected().values().forEach(reason -> assertFalse(reason.message().isBlank()));
        for (Lead lead : List.of(a, b, c)) {
            assertEquals(fx.bob, fx.reload(lead.id()).assignee());
        }
        assertNull(other.reload(foreign.id()).assignee());
    }

    @Test
    void assignAllByAnAgentSkipsLeadsOfOtherAgents() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        Lead bobs = fx.lead(project.id());
        lm().leads().assign(manager(), bobs.id(), fx.bob);
        Lead free = fx.lead(project.id());

        AssignAllResult result = lm().leads().assignAll(fx.agent(fx.alice), Set.of(bobs.id(), free.id()), fx.alice);

        assertEquals(List.of(free.id()), result.changed());
        assertEquals(Set.of(bobs.id()), result.rejected().keySet());
        assertInstanceOf(Rejection.Denied.class, result.rejected().get(bobs.id()));
        assertEquals(fx.bob, fx.reload(bobs.id()).assignee());
        assertEquals(fx.alice, fx.reload(free.id()).assignee());
    }

    @Test
    void assignAllWithoutUserUnassigns() {
        Project project = fx.project("Solar roofs");
        Lead a = fx.lead(project.id());
        Lead b = fx.lead(project.id());
        lm().leads().assignAll(manager(), Set.of(a.id(), b.id()), fx.alice);

        AssignAllResult result = lm().leads().unassignAll(manager(), Set.of(a.id(), b.id()));

        assertEquals(Set.of(a.id(), b.id()), Set.copyOf(result.changed()));
        assertNull(fx.reload(a.id()).assignee());
        assertNull(fx.reload(b.id()).assignee());
    }

    @Test
    void policyNoneLeavesNewLeadsUnassigned() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.none(), fx.alice, fx.bob);
        Lead lead = fx.lead(project.id());
        assertNull(lead.assignee());
        assertEquals(OwnerReasonKind.UNASSIGNED, fx.reload(lead.id()).ownerReason().kind());
    }

    @Test
    void roundRobinRotatesFairlyOverTheActiveTeam() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.ivan,
                fx.carol);

        List<UserId> owners = assigneesOfNewLeads(lm(), project, 9);

        assertEquals(List.of(fx.alice, fx.bob, fx.carol, fx.alice, fx.bob, fx.carol, fx.alice, fx.bob, fx.carol),
                owners, "team order, inactive ivan skipped");
        for (Lead lead : TenantSnapshot.allLeads(lm(), manager(), project)) {
            assertEquals(OwnerReasonKind.ROUND_ROBIN, lead.ownerReason().kind());
        }
    }

    @Test
    void roundRobinPositionSurvivesANewLeadManagerOnTheSameStore() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        LeadManager restarted = fx.newLeadManager(b -> { });
        LeadManager secondNode = fx.newLeadManager(b -> { });

        List<UserId> owners = new ArrayList<>();
        owners.addAll(assigneesOfNewLeads(lm(), project, 1));
        owners.addAll(assigneesOfNewLeads(restarted, project, 1));
        owners.addAll(assigneesOfNewLeads(secondNode, project, 1));
        owners.addAll(assigneesOfNewLeads(lm(), project, 1));
        owners.addAll(assigneesOfNewLeads(secondNode, project, 2));

        assertEquals(List.of(fx.alice, fx.bob, fx.carol, fx.alice, fx.bob, fx.carol), owners);
    }

    @Test
    void roundRobinContinuesThroughBulkChunks() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        List<ContactId> contacts = fx.contacts(5, "Visitor");

        fx.withChunkSize(2).qualification().qualifyAll(manager(), project.id(), contacts);
        List<UserId> next = assigneesOfNewLeads(lm(), project, 1);

        List<UserId> bulkOwners = contacts.stream().map(c -> qualify(project, c).assignee()).toList();
        assertEquals(List.of(fx.alice, fx.bob, fx.carol, fx.alice, fx.bob), bulkOwners);
        assertEquals(List.of(fx.carol), next);
    }

    @Test
    void roundRobinNeverPicksAMemberWhoBecameInactive() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        assigneesOfNewLeads(lm(), project, 1);
        fx.users.setActive(fx.tenant, fx.bob, false);

        List<UserId> owners = assigneesOfNewLeads(lm(), project, 6);

        assertFalse(owners.contains(fx.bob), owners.toString());
        assertEquals(3, owners.stream().filter(fx.alice::equals).count(), owners.toString());
        assertEquals(3, owners.stream().filter(fx.carol::equals).count(), owners.toString());
    }

    /**
     * Weighted round-robin: alice (weight 2) gets twice the leads of bob and carol, one sequence across lead managers
     * on the store; ties continue the rotation after the last owner, and each lead says why.
     */
    @Test
    void weightedRoundRobinSharesLeadsByWeightAcrossLeadManagers() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        lm().projects().setTeamMembers(manager(), project.id(), List.of(new TeamMember(fx.alice, 2, null),
                TeamMember.of(fx.bob), TeamMember.of(fx.carol)));
        LeadManager secondNode = fx.newLeadManager(b -> { });

        List<Lead> leads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            leads.addAll(newLeads(lm(), project, 1));
            leads.addAll(newLeads(secondNode, project, 1));
        }

        assertEquals(List.of(fx.alice, fx.bob, fx.carol, fx.alice, fx.alice, fx.bob, fx.carol, fx.alice),
                leads.stream().map(Lead::assignee).toList());
        assertEquals("weight 2 of 4 among 3 eligible", fx.reload(leads.get(0).id()).ownerReason().detail());
    }

    /** A member at their cap of open leads gets none until one of theirs closes; then they are back at once. */
    @Test
    void aMemberAtTheirCapGetsNoMoreUntilOneOfTheirLeadsCloses() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        lm().projects().setTeamMembers(manager(), project.id(), List.of(new TeamMember(fx.alice, 1, 2),
                TeamMember.of(fx.bob)));

        List<Lead> first = newLeads(lm(), project, 6);

        assertEquals(List.of(fx.alice, fx.bob, fx.alice, fx.bob, fx.bob, fx.bob),
                first.stream().map(Lead::assignee).toList());
        lm().leads().changeStatus(manager(), first.get(0).id(), TckFixture.WON);
        assertEquals(List.of(fx.alice, fx.bob), assigneesOfNewLeads(lm(), project, 2),
                "below her cap again, alice starts even and the rotation continues after bob");
    }

    /**
     * An absent member (the host's calendar, in their zone) gets no leads; back, they start even with the others,
     * with no burst of leads to make up for the absence.
     */
    @Test
    void anAbsentMemberGetsNoLeadsAndComesBackWithoutABurst() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob, fx.carol);
        LocalDate today = fx.clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        fx.users.setAvailability(fx.tenant, fx.alice, Availability.always(ZoneOffset.UTC)
                .withAbsence(today, today.plusDays(6)));

        List<UserId> whileAway = assigneesOfNewLeads(lm(), project, 6);
        fx.clock.advance(Duration.ofDays(7));
        List<UserId> back = assigneesOfNewLeads(lm(), project, 6);

        assertFalse(whileAway.contains(fx.alice), whileAway.toString());
        assertEquals(3, whileAway.stream().filter(fx.bob::equals).count(), whileAway.toString());
        for (UserId member : List.of(fx.alice, fx.bob, fx.carol)) {
            assertEquals(2, back.stream().filter(member::equals).count(), member + " in " + back);
        }
    }

    /**
     * Working hours (in each member's zone) put those at work first; when nobody is at work, the lead still gets an
     * owner rather than none. Least-open leads follows the same rules.
     */
    @Test
    void workingHoursPutThoseAtWorkFirstAndNobodyAtWorkLeavesNoLeadUnowned() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        // 08:00 UTC on a Monday: 09:00 in Berlin, 03:00 in New York
        fx.users.setAvailability(fx.tenant, fx.alice, Availability.weekdays(ZoneId.of("Europe/Berlin"),
                LocalTime.of(8, 0), LocalTime.of(17, 0)));
        fx.users.setAvailability(fx.tenant, fx.bob, Availability.weekdays(ZoneId.of("America/New_York"),
                LocalTime.of(8, 0), LocalTime.of(17, 0)));

        assertEquals(List.of(fx.alice, fx.alice), assigneesOfNewLeads(lm(), project, 2), "only alice is at work");
        fx.clock.advance(Duration.ofHours(12)); // 20:00 UTC: 21:00 in Berlin, 15:00 in New York
        assertEquals(List.of(fx.bob, fx.bob), assigneesOfNewLeads(lm(), project, 2), "only bob is at work");
        fx.clock.advance(Duration.ofHours(4)); // 00:00 UTC: nobody at work
        assertEquals(List.of(fx.alice, fx.bob), assigneesOfNewLeads(lm(), project, 2));

        Project least = fx.project("Heat pumps", AssignmentPolicy.leastOpenLeads(), fx.alice, fx.bob);
        fx.users.setAvailability(fx.tenant, fx.bob, Availability.always(ZoneOffset.UTC)
                .withAbsence(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertEquals(List.of(fx.alice, fx.alice), assigneesOfNewLeads(lm(), least, 2), "bob is away");
    }

    /** Setting the team by users keeps the weights and caps of those who stay. */
    @Test
    void settingTheTeamKeepsTheTermsOfThoseWhoStay() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice, fx.bob);
        lm().projects().setTeamMembers(manager(), project.id(), List.of(new TeamMember(fx.alice, 3, 10),
                new TeamMember(fx.bob, 2, null)));

        Project reordered = lm().projects().setTeam(manager(), project.id(), List.of(fx.carol, fx.alice));

        assertEquals(List.of(TeamMember.of(fx.carol), new TeamMember(fx.alice, 3, 10)), reordered.members());
        assertEquals(reordered.members(), fx.reload(project.id()).members());
        ValidationException weightless = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> new TeamMember(fx.bob, 0, null));
        assertViolation(weightless, "weight");
        rejects(AccessDeniedException.class, () -> lm().projects().setTeamMembers(fx.agent(fx.alice), project.id(),
                List.of(TeamMember.of(fx.alice))));
    }

    @Test
    void leastOpenLeadsPicksTheMemberWithFewestOpenLeads() {
        Project project = fx.projectWithTeam("Solar roofs", fx.alice, fx.bob);
        for (int i = 0; i < 2; i++) {
            lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.alice);
        }
        lm().leads().assign(manager(), fx.lead(project.id()).id(), fx.bob);
        for (int i = 0; i < 2; i++) {
            Lead won = fx.lead(project.id());
            lm().leads().assign(manager(), won.id(), fx.bob);
            lm().leads().convert(manager(), won.id());
        }
        Lead lost = fx.lead(project.id());
        lm().leads().assign(manager(), lost.id(), fx.bob);
        lm().leads().disqualify(manager(), lost.id(), "moved away");
        Lead offered = fx.lead(project.id());
        lm().leads().assign(manager(), offered.id(), fx.carol);
        lm().leads().changeStatus(manager(), offered.id(), OFFER);
        lm().projects().setAssignmentPolicy(manager(), project.id(), AssignmentPolicy.leastOpenLeads());

        List<Lead> created = newLeads(lm(), project, 3);

        assertEquals(List.of(fx.bob, fx.alice, fx.bob), created.stream().map(Lead::assignee).toList(),
                "alice has 2 open leads, bob 1 (won and lost ones do not count); ties go by team order");
        for (Lead lead : created) {
            assertEquals(OwnerReasonKind.LEAST_OPEN_LEADS, fx.reload(lead.id()).ownerReason().kind());
        }
    }

    @Test
    void leastOpenLeadsSpreadsABulkQualificationEvenly() {
        Project project = fx.project("Solar roofs", AssignmentPolicy.leastOpenLeads(), fx.alice, fx.bob, fx.carol);
        fx.withChunkSize(4).qualification().qualifyAll(manager(), project.id(), fx.contacts(9, "Visitor"));
        Map<UserId, Integer> perOwner = new HashMap<>();
        TenantSnapshot.allLeads(lm(), manager(), project).forEach(l -> perOwner.merge(l.assignee(), 1, Integer::sum));
        assertEquals(Map.of(fx.alice, 3, fx.bob, 3, fx.carol, 3), perOwner);
    }

    @Test
    void criteriaRulesDecideFirstThenTheFallback() {
        AssignmentPolicy policy = new AssignmentPolicy(List.of(
                new AssignmentRule("berlin", ContactField.CITY, "Berlin", fx.alice),
                new AssignmentRule("acme", ContactField.COMPANY, "ACME", fx.bob)),
                AssignmentStrategy.NONE, fx.carol);
        Project project = fx.project("Solar roofs", policy);

        Lead both = qualify(project, contactIn("Berlin ACME", "Berlin", "ACME"));
        Lead acme = qualify(project, contactIn("Munich acme", "Munich", " acme "));
        Lead berlinLowercase = qualify(project, contactIn("Lower", "berlin", null));
        Lead none = qualify(project, contactIn("Hamburg", "Hamburg", "Other"));

        assertEquals(fx.alice, both.assignee(), "first matching rule wins");
        assertEquals(new OwnerReason(OwnerReasonKind.RULE, "berlin", fx.mia), fx.reload(both.id()).ownerReason());
        assertEquals(fx.bob, acme.assignee(), "rules compare ignoring case and surrounding blanks");
        assertEquals(new OwnerReason(OwnerReasonKind.RULE, "acme", fx.mia), fx.reload(acme.id()).ownerReason());
        assertEquals(fx.alice, berlinLowercase.assignee());
        assertEquals(fx.carol, none.assignee());
        assertEquals(OwnerReasonKind.FALLBACK, fx.reload(none.id()).ownerReason().kind());
    }

    @Test
    void leadsNoRuleMatchesGoToTheStrategy() {
        AssignmentPolicy policy = new AssignmentPolicy(
                List.of(new AssignmentRule("berlin", ContactField.CITY, "Berlin", fx.alice)),
                AssignmentStrategy.ROUND_ROBIN, fx.carol);
        Project project = fx.project("Solar roofs", policy, fx.bob, fx.carol);

        List<UserId> owners = List.of(
                qualify(project, contactIn("A", "Hamburg", null)).assignee(),
                qualify(project, contactIn("B", "Berlin", null)).assignee(),
                qualify(project, contactIn("C", "Hamburg", null)).assignee(),
                qualify(project, contactIn("D", "Hamburg", null)).assignee());

        assertEquals(List.of(fx.bob, fx.alice, fx.carol, fx.bob), owners,
                "a rule decision does not use up a round-robin turn");
    }

    @Test
    void aRuleForAnInactiveUserIsSkipped() {
        AssignmentPolicy policy = new AssignmentPolicy(List.of(
                new AssignmentRule("ivan-berlin", ContactField.CITY, "Berlin", fx.ivan),
                new AssignmentRule("alice-berlin", ContactField.CITY, "Berlin", fx.alice)),
                AssignmentStrategy.NONE, null);
        Project project = fx.project("Solar roofs", policy);

        Lead lead = qualify(project, contactIn("B", "Berlin", null));

        assertEquals(fx.alice, lead.assignee());
        assertEquals("alice-berlin", fx.reload(lead.id()).ownerReason().detail());
    }

    @Test
    void anInactiveFallbackLeavesTheLeadUnassigned() {
        Project project = fx.project("Solar roofs",
                new AssignmentPolicy(List.of(), AssignmentStrategy.NONE, fx.ivan));
        Lead lead = fx.lead(project.id());
        assertNull(lead.assignee());
        assertEquals(OwnerReasonKind.UNASSIGNED, fx.reload(lead.id()).ownerReason().kind());
    }

    @Test
    void aTeamWithoutActiveMembersFallsBack() {
        Project project = fx.project("Solar roofs",
                new AssignmentPolicy(List.of(), AssignmentStrategy.ROUND_ROBIN, fx.carol), fx.ivan);
        Lead lead = fx.lead(project.id());
        assertEquals(fx.carol, lead.assignee());
        assertEquals(OwnerReasonKind.FALLBACK, fx.reload(lead.id()).ownerReason().kind());
        Project nobody = fx.project("Heat pumps", AssignmentPolicy.leastOpenLeads(), fx.ivan);
        assertNull(fx.lead(nobody.id()).assignee());
    }

    @Test
    void inactiveUsersNeverReceiveLeadsAutomatically() {
        AssignmentPolicy policy = new AssignmentPolicy(
                List.of(new AssignmentRule("all-berlin", ContactField.CITY, "Berlin", fx.ivan)),
                AssignmentStrategy.LEAST_OPEN_LEADS, fx.ivan);
        Project project = fx.project("Solar roofs", policy, fx.ivan, fx.alice);
        for (int i = 0; i < 4; i++) {
            assertEquals(fx.alice, qualify(project, contactIn("B" + i, "Berlin", null)).assignee());
        }
    }

    @Test
    void everyLeadRecordsWhyItExistsAndWhyItHasItsOwner() {
        ContactGroupId group = ContactGroupId.of("newsletter");
        Project project = fx.project("Solar roofs", AssignmentPolicy.roundRobin(), fx.alice);
        lm().projects().bindGroups(manager(), project.id(), Set.of(group));
        ContactId contact = fx.contact("Erika");
        fx.contacts.addToGroup(fx.tenant, group, contact);

        Lead lead = lm().qualification().contactJoinedGroup(fx.system(), group, contact).get(0).lead();

        Lead read = fx.reload(lead.id());
        assertEquals(OriginKind.GROUP, read.origin().kind());
        assertEquals("newsletter", read.origin().reference());
        assertEquals(fx.system().user(), read.origin().by());
        assertEquals(new OwnerReason(OwnerReasonKind.ROUND_ROBIN, "weight 1 of 1 among 1 eligible",
                fx.system().user()), read.ownerReason());

        lm().leads().assign(manager(), lead.id(), fx.bob);
        assertEquals(OwnerReason.manual(fx.mia), fx.reload(lead.id()).ownerReason());
        assertEquals(OriginKind.GROUP, fx.reload(lead.id()).origin().kind(), "the origin never changes");
    }

    private Activity lastActivity(LeadId lead) {
        List<Activity> timeline = lm().leads().timeline(manager(), lead);
        return timeline.get(timeline.size() - 1);
    }
}
