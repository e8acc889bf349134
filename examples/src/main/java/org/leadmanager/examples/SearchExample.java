package org.leadmanager.examples;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.StatusCounts;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Advanced search: ticked statuses, owner, a contact field; keyset pages through the result; counts per
 * status for the same criteria; a saved search run again later.
 */
public final class SearchExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T08:00:00Z"));
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
        Actor manager = Actor.manager(acme, anna);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm)
                .clock(clock).build();
        Project project = SampleProject.create(leads, manager, "Solar");

        String[] cities = {"Berlin", "Hamburg", "Köln"};
        List<ContactId> contacts = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            contacts.add(crm.addContact(acme, "c-" + i, new ContactCard("Contact " + i, "c" + i + "@example.org",
                    null, i % 4 == 0 ? "Firma " + i + " GmbH" : "Firma " + i, cities[i % 3], null)));
        }
        leads.qualification().qualifyAll(manager, project.id(), contacts);
        List<Lead> all = leads.search().find(manager, new LeadQuery(project.id(), LeadCriteria.all(),
                LeadSort.ascending(SortField.CREATED), 500, null)).leads();
        for (Lead lead : all) {
            int n = Integer.parseInt(lead.contact().value().substring(2));
            clock.advance(Duration.ofMinutes(1));
            if (n % 2 == 0) {
                leads.leads().changeStatus(manager, lead.id(), SampleProject.CONTACTED);
            }
            if (n % 3 == 0) {
                leads.leads().assign(manager, lead.id(), anna);
            }
        }

        LeadCriteria criteria = LeadCriteria.all()
                .withStatuses(SampleProject.NEW, SampleProject.CONTACTED)
                .withAssignees(anna)
                .withField(ContactField.CITY, "berlin");
        LeadQuery query = new LeadQuery(project.id(), criteria, LeadSort.byLastActivity(), 15, null);
        int pageNo = 0;
        LeadPage page;
        do {
            page = leads.search().find(manager, query);
            System.out.println("page " + ++pageNo + ": " + page.leads().stream().map(l -> l.card().name()).toList());
            if (page.hasNext()) {
                System.out.println("  next cursor: " + page.nextCursor());
            }
            query = query.after(page.nextCursor());
        } while (page.hasNext());

        StatusCounts counts = leads.search().countByStatus(manager, project.id(), criteria);
        System.out.println("per status: " + counts.byStatus() + ", total " + counts.total());

        SavedSearch saved = leads.search().save(manager, "Anna's Berlin leads", project.id(), criteria,
                LeadSort.byLastActivity());
        System.out.println("saved '" + saved.name() + "' → first page again: "
                + leads.search().run(manager, saved.id(), 10, null).leads().size() + " leads");
    }
}
