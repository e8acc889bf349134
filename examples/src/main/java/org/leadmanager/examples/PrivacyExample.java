package org.leadmanager.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.leadmanager.ErasureResult;
import org.leadmanager.EventRelay;
import org.leadmanager.LeadManager;
import org.leadmanager.RetentionJob;
import org.leadmanager.RetentionRule;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.lead.ErasureReason;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * A person asks to be forgotten: one call erases their leads in every project with notes, follow-ups, history and
 * events, and the host gets a receipt per lead. Then a retention rule erases the leads disqualified too long ago,
 * after a dry run.
 */
public final class PrivacyExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .clock(clock)
                .events(envelope -> {
                    if (envelope.event() instanceof DomainEvent.LeadErased erased) {
                        // the host erases what it stored downstream about this lead and contact
                        System.out.println("receipt: lead " + erased.lead() + " of contact " + erased.contact()
                                + " erased (" + erased.reason() + ")");
                    }
                })
                .build();
        EventRelay relay = leads.eventRelay(EventRelay.Options.defaults());
        Project solar = SampleProject.create(leads, manager, "Solar");
        Project heating = SampleProject.create(leads, manager, "Heating");
        ContactId petra = crm.addContact(acme, "c-1",
                new ContactCard("Petra Berg", "petra@berg-bau.de", "+49 30 1234", "Berg Bau GmbH", "Berlin", null));
        ContactId jonas = crm.addContact(acme, "c-2",
                new ContactCard("Jonas Keller", "jonas@berg-bau.de", null, "Berg Bau GmbH", "Berlin", null));

        Lead petraSolar = leads.qualification().qualify(manager, solar.id(), petra).lead();
        leads.qualification().qualify(manager, heating.id(), petra);
        leads.leads().addNote(manager, petraSolar.id(), "Petra prefers calls after 5 pm.");
        leads.followUps().schedule(manager, petraSolar.id(), clock.instant().plus(Duration.ofDays(1)), "Call Petra");
        Lead jonasSolar = leads.qualification().qualify(manager, solar.id(), jonas).lead();
        leads.leads().disqualify(manager, jonasSolar.id(), "Went with a competitor");
        relay.relayDue();

        ErasureResult result = leads.privacy().erase(manager, petra, ErasureReason.REQUEST);
        System.out.println("erased " + result.leads().size() + " leads of " + result.contact());
        relay.relayDue();
        System.out.println("Solar now: " + leads.projects().list(manager).stream()
                .filter(o -> o.project().id().equals(solar.id())).findFirst().orElseThrow().counts().byStatus());

        clock.advance(Duration.ofDays(200));
        RetentionJob retention = leads.retentionJob(RetentionJob.Options.of(
                List.of(RetentionRule.lostFor(acme, solar.id(), Duration.ofDays(180)))));
        for (RetentionJob.Due due : retention.dryRun(10)) {
            System.out.println("dry run: would erase lead " + due.lead() + ", last activity " + due.lastActivityAt());
        }
        System.out.println("retention erased " + retention.eraseDue() + " lead(s)");
        relay.relayDue();
    }
}
