package org.leadmanager.examples;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.inmemory.InMemoryLeadStore;

/** The README's quick start, verbatim: build, create a project, qualify, filter, note, follow up, overview. */
public final class QuickStartExample {

    public static void main(String[] args) {
        ExampleCrm crm = new ExampleCrm(); // your ContactDirectory + UserDirectory
        crm.contact("c-1", "Petra Berg", "petra@berg-bau.de", "Berg Bau GmbH", "Berlin");
        crm.contact("c-2", "Jonas Kahn", "jonas@kahn-it.de", "Kahn IT", "Hamburg");
        UserId anna = crm.user("anna", "Anna Schmidt", true, "Europe/Berlin");

        LeadManager leads = LeadManager.builder()
                .store(InMemoryLeadStore.create())
                .contacts(crm)
                .users(crm)
                .build();
        Actor manager = Actor.manager(TenantId.of("acme"), anna);

        Project project = leads.projects().create(manager, new Projects.Create("Leadmanager", ProjectKind.PROJECT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                        LeadStatus.of("contacted", "Contacted", StatusCategory.OPEN),
                        LeadStatus.of("customer", "Customer", StatusCategory.WON),
                        LeadStatus.of("lost", "No interest", StatusCategory.LOST)),
                StatusKey.of("new")));

        leads.qualification().qualifyAll(manager, project.id(), List.of(ContactId.of("c-1"), ContactId.of("c-2")), null);

        LeadPage page = leads.search().find(manager, LeadQuery.firstPage(project.id(),
                LeadCriteria.all().withStatuses(StatusKey.of("new"), StatusKey.of("contacted"))));
        Lead petra = page.leads().stream().filter(l -> l.card().name().equals("Petra Berg")).findFirst().orElseThrow();
        leads.leads().changeStatus(manager, petra.id(), StatusKey.of("contacted"));
        leads.leads().addNote(manager, petra.id(), "Wants a call back on Friday.");
        leads.followUps().schedule(manager, petra.id(), Instant.now().plus(1, ChronoUnit.DAYS), "Call Petra", anna);

        FollowUpOverview overview = leads.followUps().overview(manager, anna);
        System.out.println(page.leads().size() + " leads; upcoming follow-ups: "
                + overview.upcoming().stream().map(f -> f.note()).toList());
    }
}
