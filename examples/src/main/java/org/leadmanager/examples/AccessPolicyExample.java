package org.leadmanager.examples;

import java.time.ZoneId;
import java.util.List;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.LeadManager;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Tenancy and the default access policy: an agent works the leads of their team's projects, changes only their own
 * or unassigned leads, and never sees another tenant's data. Hosts with their own rules pass an AccessPolicy.
 */
public final class AccessPolicyExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
        UserId ben = crm.addUser(acme, "ben", "Ben Weber", true, ZoneId.of("Europe/Berlin"));
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();
        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTeam(manager, project.id(), List.of(anna, ben));
        Lead bens = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"))).lead();
        leads.leads().assign(manager, bens.id(), ben);

        Actor annaAgent = Actor.agent(acme, anna);
        System.out.println("Anna sees Ben's lead: " + leads.leads().get(annaAgent, bens.id()).card().name());
        try {
            leads.leads().changeStatus(annaAgent, bens.id(), SampleProject.CONTACTED);
        } catch (AccessDeniedException denied) {
            System.out.println("Anna may not change it: " + denied.getMessage());
        }
        Actor stranger = Actor.manager(TenantId.of("other-tenant"), anna);
        try {
            leads.leads().get(stranger, bens.id());
        } catch (NotFoundException notFound) {
            System.out.println("Another tenant: " + notFound.getMessage());
        }
    }
}
