package org.leadmanager.examples;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.leadmanager.LeadManager;
import org.leadmanager.MergeResult;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * The host merged two duplicate contacts: the library folds the duplicate's lead into the survivor's lead in the
 * same project, keeping notes, follow-ups and history, and moves leads in projects where only the duplicate had one.
 */
public final class ContactMergeExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();
        Project solar = SampleProject.create(leads, manager, "Solar");
        Project heating = SampleProject.create(leads, manager, "Heating");
        ContactId survivor = crm.addContact(acme, "c-1",
                new ContactCard("Petra Berg", "petra@berg-bau.de", null, "Berg Bau GmbH", "Berlin", null));
        ContactId duplicate = crm.addContact(acme, "c-2",
                new ContactCard("P. Berg", "p.berg@berg-bau.de", null, "Berg Bau", "Berlin", null));

        Lead kept = leads.qualification().qualify(manager, solar.id(), survivor).lead();
        Lead folded = leads.qualification().qualify(manager, solar.id(), duplicate).lead();
        Lead moved = leads.qualification().qualify(manager, heating.id(), duplicate).lead();
        leads.leads().addNote(manager, folded.id(), "Noted on the duplicate.");
        leads.followUps().schedule(manager, folded.id(), Instant.now().plus(1, ChronoUnit.DAYS), "Call back");

        MergeResult result = leads.leads().contactsMerged(manager, duplicate, survivor);
        System.out.println("moved " + result.moved() + " (was " + moved.id() + "), folded " + result.merged());
        System.out.println("notes on the kept lead: " + leads.leads().notes(manager, kept.id()).size()
                + ", follow-ups: " + leads.followUps().forLead(manager, kept.id()).size());
        for (Activity entry : leads.leads().timeline(manager, kept.id())) {
            System.out.println("  " + entry.sequence() + ". " + entry.type() + " "
                    + (entry.text() == null ? "" : entry.text()));
        }
    }
}
