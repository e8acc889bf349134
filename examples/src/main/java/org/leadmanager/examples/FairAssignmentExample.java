package org.leadmanager.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.TeamMember;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.spi.host.Availability;

/**
 * Fair assignment: weights, a cap of open leads, an absence and working hours. Anna has twice Ben's share, Carl at
 * most two open leads; Ben is on vacation this week, and comes back without a burst of leads to catch up.
 */
public final class FairAssignmentExample {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        // Monday 2 March 2026, 09:00 in Berlin
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, BERLIN);
        UserId ben = crm.addUser(acme, "ben", "Ben Wolf", true, BERLIN);
        UserId carl = crm.addUser(acme, "carl", "Carl Roth", true, BERLIN);
        Actor manager = Actor.manager(acme, anna);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .clock(clock).build();

        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTeam(manager, project.id(), List.of(anna, ben, carl));
        leads.projects().setAssignmentPolicy(manager, project.id(), AssignmentPolicy.roundRobin());
        leads.projects().setTeamMembers(manager, project.id(), List.of(new TeamMember(anna, 2, null),
                TeamMember.of(ben), new TeamMember(carl, 1, 2)));
        LocalDate monday = LocalDate.of(2026, 3, 2);
        crm.setAvailability(acme, ben, Availability.weekdays(BERLIN, LocalTime.of(8, 0), LocalTime.of(17, 0))
                .withAbsence(monday, monday.plusDays(4)));

        List<Lead> thisWeek = qualify(leads, crm, manager, project, 6, "Monday");
        print("Monday, Ben away, Carl at most 2 open", thisWeek);
        System.out.println("  why the first: " + thisWeek.get(0).ownerReason().kind() + ", "
                + thisWeek.get(0).ownerReason().detail());

        clock.advance(Duration.ofDays(7));
        List<Lead> nextWeek = qualify(leads, crm, manager, project, 6, "Next Monday");
        print("Next Monday, Ben back (Carl still at his cap)", nextWeek);
    }

    private static List<Lead> qualify(LeadManager leads, InMemoryDirectory crm, Actor manager, Project project,
            int count, String prefix) {
        List<Lead> qualified = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ContactId contact = crm.addContact(manager.tenant(), prefix + "-" + i,
                    ContactCard.named(prefix + " contact " + i));
            qualified.add(leads.qualification().qualify(manager, project.id(), contact).lead());
        }
        return qualified;
    }

    private static void print(String when, List<Lead> qualified) {
        Map<String, Integer> owners = new TreeMap<>();
        qualified.forEach(lead -> owners.merge(lead.assignee().value(), 1, Integer::sum));
        System.out.println(when + ": " + owners);
    }
}
