package org.leadmanager.examples;

import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Domain events reach the host's publisher only after their change committed, each with a unique id to
 * deduplicate by. A change only records its events; the event relay publishes them, here driven by the program
 * (a host starts it instead, or calls {@code relayDue()} from its scheduler). An event the publisher keeps refusing
 * is set aside, listed, and published once the host retries it. A switch over the sealed event type picks what the
 * host cares about.
 */
public final class EventsExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        AtomicBoolean webhookDown = new AtomicBoolean();
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .events(envelope -> {
                    DomainEvent event = envelope.event();
                    if (webhookDown.get() && event instanceof DomainEvent.LeadConverted) {
                        throw new IllegalStateException("webhook answered 503");
                    }
                    String text;
                    if (event instanceof DomainEvent.LeadQualified q) {
                        text = "new lead " + q.lead() + " from " + q.origin().kind();
                    } else if (event instanceof DomainEvent.LeadConverted c) {
                        text = "lead " + c.lead() + " became a customer";
                    } else {
                        text = event.getClass().getSimpleName();
                    }
                    System.out.println("  published " + envelope.occurredAt() + " " + envelope.id() + " " + text);
                })
                .build();
        EventRelay relay = leads.eventRelay(EventRelay.Options.defaults().withNodeId("example")
                .withRetries(1, Duration.ZERO));

        Project project = SampleProject.create(leads, manager, "Solar");
        Lead lead = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"))).lead();
        leads.leads().addNote(manager, lead.id(), "Signed today.");
        System.out.println("Changes made; " + relay.backlog().pending() + " events wait for the relay.");
        System.out.println("The relay published " + relay.relayDue() + " events.");

        webhookDown.set(true);
        leads.leads().convert(manager, lead.id());
        relay.relayDue();
        for (SetAsideEvent aside : relay.setAside(10)) {
            System.out.println("Set aside: " + aside.type() + " (" + aside.lastError() + ")");
        }
        webhookDown.set(false);
        System.out.println("Retried " + relay.retryAll() + "; the relay published " + relay.relayDue() + " more.");
    }
}
