package org.leadmanager.examples;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.leadmanager.BulkResult;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.QualifyResult;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Automatic qualification: a project bound to a contact group. The host reports joins as they happen
 * ({@code contactJoinedGroup}); {@code syncGroups} catches up with members that joined before the binding or while
 * the host did not report, reading the group page by page.
 */
public final class GroupQualificationExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        ContactGroupId fair = ContactGroupId.of("trade-fair-2026");
        for (int i = 1; i <= 2500; i++) {
            ContactId visitor = crm.addContact(acme, String.format("c-%05d", i), ContactCard.named("Visitor " + i));
            crm.addToGroup(acme, fair, visitor);
        }
        Actor manager = Actor.manager(acme, crm.addUser(acme, "chef", "Clara Chef", true, ZoneId.of("Europe/Berlin")));
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();
        Project project = leads.projects().create(manager, new Projects.Create("Messe Leipzig", ProjectKind.PRODUCT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                        LeadStatus.of("won", "Customer", StatusCategory.WON)), StatusKey.of("new")));

        leads.projects().bindGroups(manager, project.id(), Set.of(fair));
        BulkResult synced = leads.qualification().syncGroups(manager, project.id(),
                (chunk, processed) -> System.out.println("synced " + processed + " members"));
        System.out.println("syncGroups: " + synced.added() + " new leads, " + synced.alreadyLeads() + " already leads");

        ContactId late = crm.addContact(acme, "c-99999", ContactCard.named("Late Visitor"));
        crm.addToGroup(acme, fair, late);
        List<QualifyResult> joined = leads.qualification().contactJoinedGroup(manager, fair, late);
        System.out.println("contactJoinedGroup: created=" + joined.get(0).created() + ", origin="
                + joined.get(0).lead().origin());

        BulkResult again = leads.qualification().syncGroups(manager, project.id());
        System.out.println("second syncGroups: " + again.added() + " new leads (idempotent)");
    }
}
