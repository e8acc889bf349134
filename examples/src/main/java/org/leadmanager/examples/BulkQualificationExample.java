package org.leadmanager.examples;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.BulkResult;
import org.leadmanager.ItemOutcome;
import org.leadmanager.Rejection;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Adding a selection of contacts by hand, in bulk: a per-item outcome (added, already a lead, rejected with reason)
 * and progress per chunk, without failing the whole batch for one bad item.
 */
public final class BulkQualificationExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        Actor manager = Actor.manager(acme, crm.addUser(acme, "clara", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .bulkChunkSize(2000).build();
        Project project = SampleProject.create(leads, manager, "Solar");
        List<ContactId> selection = new ArrayList<>();
        for (int i = 1; i <= 10_000; i++) {
            selection.add(crm.addContact(acme, "c-" + i, ContactCard.named("Contact " + i)));
        }
        leads.qualification().qualifyAll(manager, project.id(), selection.subList(0, 100));
        selection.add(ContactId.of("no-such-contact"));

        BulkResult result = leads.qualification().qualifyAll(manager, project.id(), selection,
                (outcomes, processed) -> System.out.printf("progress: %,d of %,d%n", processed, selection.size()));
        System.out.printf("added %,d, already leads %,d, rejected %d%n", result.added(), result.alreadyLeads(),
                result.rejected().size());
        for (ItemOutcome.Rejected rejected : result.rejected()) {
            String why = rejected.reason() instanceof Rejection.NotFound ? "unknown contact"
                    : rejected.reason().message();
            System.out.println("  rejected " + rejected.contact() + ": " + why);
        }
    }
}
