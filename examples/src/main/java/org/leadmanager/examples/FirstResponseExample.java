package org.leadmanager.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.leadmanager.EscalationDispatcher;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * First-response deadlines: four working hours on a Berlin office calendar with a holiday. Two leads come in on a
 * Friday afternoon; Anna answers hers, Ben does not. His lead breaches on Tuesday morning (the weekend and the
 * Monday holiday do not count), Carla hears of it once, and the lead goes to the next member of the team.
 */
public final class FirstResponseExample {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        // Friday 6 March 2026, 15:00 in Berlin
        SettableClock clock = new SettableClock(Instant.parse("2026-03-06T14:00:00Z"));
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, BERLIN);
        UserId ben = crm.addUser(acme, "ben", "Ben Wolf", true, BERLIN);
        UserId carla = crm.addUser(acme, "carla", "Carla Lenz", true, BERLIN);
        Actor manager = Actor.manager(acme, carla);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .clock(clock).build();

        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTeam(manager, project.id(), List.of(anna, ben));
        leads.projects().setAssignmentPolicy(manager, project.id(), AssignmentPolicy.roundRobin());
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0))
                .withHolidays(LocalDate.of(2026, 3, 9));
        leads.projects().setFirstResponse(manager, project.id(),
                FirstResponsePolicy.of(Duration.ofHours(4), office, carla).reassigningOnBreach(true));

        Lead first = qualify(leads, crm, manager, project, "c-1", "Olaf Brandt");
        Lead second = qualify(leads, crm, manager, project, "c-2", "Petra Berg");
        for (Lead lead : List.of(first, second)) {
            System.out.println(lead.card().name() + " -> " + lead.assignee() + ", first response due "
                    + lead.responseDueAt().atZone(BERLIN).toLocalDateTime());
        }
        Lead answered = first.assignee().equals(anna) ? first : second;
        Lead waiting = answered == first ? second : first;
        leads.leads().addNote(Actor.agent(acme, anna), answered.id(), "Called back, sends the roof plan");
        System.out.println("Anna responded: due " + leads.leads().get(manager, answered.id()).responseDueAt());

        EscalationDispatcher dispatcher = leads.escalationDispatcher(EscalationDispatcher.Options.defaults(
                e -> System.out.println("ESCALATION to " + e.escalateTo() + ": " + e.lead().card().name()
                        + " (owner " + e.lead().assignee() + "), due " + e.deadline().atZone(BERLIN)
                        .toLocalDateTime())).withNodeId("example"));
        clock.advance(Duration.between(clock.instant(), waiting.responseDueAt().minusSeconds(60)));
        System.out.println("Tuesday 10:59, escalated: " + dispatcher.escalateDue());
        clock.advance(Duration.ofSeconds(60));
        System.out.println("Tuesday 11:00, escalated: " + dispatcher.escalateDue());
        System.out.println("Tuesday 11:00, again: " + dispatcher.escalateDue());
        Lead after = leads.leads().get(manager, waiting.id());
        System.out.println(after.card().name() + " now -> " + after.assignee() + ", due "
                + after.responseDueAt().atZone(BERLIN).toLocalDateTime());
    }

    private static Lead qualify(LeadManager leads, InMemoryDirectory crm, Actor manager, Project project, String id,
            String name) {
        return leads.qualification().qualify(manager, project.id(),
                crm.addContact(manager.tenant(), id, ContactCard.named(name))).lead();
    }
}
