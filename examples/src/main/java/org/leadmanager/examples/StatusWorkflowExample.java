package org.leadmanager.examples;

import static org.leadmanager.examples.SampleProject.CONTACTED;
import static org.leadmanager.examples.SampleProject.CUSTOMER;
import static org.leadmanager.examples.SampleProject.NEW;
import static org.leadmanager.examples.SampleProject.NO_INTEREST;
import static org.leadmanager.examples.SampleProject.OFFER;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import org.leadmanager.error.ConflictException;
import org.leadmanager.LeadManager;
import org.leadmanager.StatusChange;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * A project status list as a state machine: allowed next statuses, a refused jump, conversion (WON),
 * disqualification (LOST with a reason), the recorded history, and retiring a status with a replacement.
 */
public final class StatusWorkflowExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();
        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTransitions(manager, project.id(), Map.of(
                NEW, Set.of(CONTACTED, NO_INTEREST),
                CONTACTED, Set.of(OFFER, NO_INTEREST),
                OFFER, Set.of(CUSTOMER, NO_INTEREST, CONTACTED)));

        Lead petra = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-1", ContactCard.named("Petra Berg"))).lead();
        try {
            leads.leads().changeStatus(manager, petra.id(), CUSTOMER);
        } catch (ConflictException refused) {
            System.out.println("Refused: " + refused.getMessage());
        }
        leads.leads().changeStatus(manager, petra.id(), CONTACTED);
        leads.leads().changeStatus(manager, petra.id(), OFFER);
        leads.leads().convert(manager, petra.id());

        Lead jonas = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-2", ContactCard.named("Jonas Kahn"))).lead();
        leads.leads().disqualify(manager, jonas.id(), "Went with a competitor");

        Table history = new Table("Status history of Petra Berg", "from", "to", "by");
        for (StatusChange change : leads.leads().statusHistory(manager, petra.id())) {
            history.row(change.from(), change.to(), change.by());
        }
        history.print(System.out);
        System.out.println("Jonas: " + leads.leads().get(manager, jonas.id()).status() + ", reason: "
                + leads.leads().get(manager, jonas.id()).lostReason());

        Lead maria = leads.qualification().qualify(manager, project.id(),
                crm.addContact(acme, "c-3", ContactCard.named("Maria Lux"))).lead();
        leads.leads().changeStatus(manager, maria.id(), CONTACTED);
        Project retired = leads.projects().retireStatus(manager, project.id(), CONTACTED, NEW);
        System.out.println("After retiring 'contacted': statuses " + retired.statusOrder() + ", Maria is "
                + leads.leads().get(manager, maria.id()).status());
    }
}
