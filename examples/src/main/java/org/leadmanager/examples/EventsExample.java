package org.leadmanager.examples;

import java.time.ZoneId;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Domain events reach the host's publisher only after their change committed, each with a unique id to
 * deduplicate by. A switch over the sealed event type picks what the host cares about.
 */
public final class EventsExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .events(envelope -> {
                    DomainEvent event = envelope.event();
                    String text;
                    if (event instanceof DomainEvent.LeadQualified q) {
                        text = "new lead " + q.lead() + " from " + q.origin().kind();
                    } else if (event instanceof DomainEvent.LeadConverted c) {
                        text = "lead " + c.lead() + " became a customer";
                    } else {
                        text = event.getClass().getSimpleName();
                    }
                    System.out.println(envelope.occurredAt() + " " + envelope.id() + " " + text);
                })
                .build();
        Project project = SampleProject.create(leads, manager, "Solar");
        Lead lead = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"))).lead();
        leads.leads().addNote(manager, lead.id(), "Signed today.");
        leads.leads().convert(manager, lead.id());
    }
}
