package org.leadmanager.examples;

import java.time.ZoneId;
import java.util.List;
import org.leadmanager.AssignmentPreview;
import org.leadmanager.LeadManager;
import org.leadmanager.QualifyResult;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.spi.host.UserDirectory;
import org.leadmanager.spi.host.UserInfo;

/**
 * Automatic owners: "city = Berlin → Anna" first, everyone else round-robin over the active team, Clara as fallback.
 * Ben is inactive and never receives a lead. A dry run previews the decisions without changing anything.
 */
public final class AssignmentRulesExample {

    public static void main(String[] args) {
        TenantId acme = TenantId.of("acme");
        InMemoryDirectory crm = InMemoryDirectory.create();
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        UserId anna = crm.addUser(acme, "anna", "Anna Schmidt", true, berlin);
        UserId ben = crm.addUser(acme, "ben", "Ben Weber", false, berlin);
        UserId carl = crm.addUser(acme, "carl", "Carl Vogel", true, berlin);
        UserId dora = crm.addUser(acme, "dora", "Dora Klein", true, berlin);
        UserId clara = crm.addUser(acme, "clara", "Clara Chef", true, berlin);
        Actor manager = Actor.manager(acme, clara);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();

        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTeam(manager, project.id(), List.of(ben, carl, dora));
        leads.projects().setAssignmentPolicy(manager, project.id(), new AssignmentPolicy(
                List.of(new AssignmentRule("Berlin goes to Anna", ContactField.CITY, "Berlin", anna)),
                AssignmentStrategy.ROUND_ROBIN, clara));

        List<ContactId> contacts = List.of(
                crm.addContact(acme, "c-1", new ContactCard("Petra Berg", null, null, null, "Berlin", null)),
                crm.addContact(acme, "c-2", new ContactCard("Jonas Kahn", null, null, null, "Hamburg", null)),
                crm.addContact(acme, "c-3", new ContactCard("Maria Lux", null, null, null, "Köln", null)),
                crm.addContact(acme, "c-4", new ContactCard("Tim Roth", null, null, null, "Bremen", null)));

        Table preview = new Table("Dry run (nothing stored)", "contact", "would be owned by", "because");
        for (AssignmentPreview p : leads.qualification().previewAssignment(manager, project.id(), contacts)) {
            preview.row(p.contact(), nameOf(crm, acme, p.assignee()), p.reason());
        }
        preview.print(System.out);

        Table actual = new Table("Qualified", "contact", "owner", "owner reason", "origin");
        for (ContactId contact : contacts) {
            QualifyResult result = leads.qualification().qualify(manager, project.id(), contact);
            actual.row(contact, nameOf(crm, acme, result.lead().assignee()), result.lead().ownerReason().kind()
                    + (result.lead().ownerReason().detail() == null ? "" : " '" + result.lead().ownerReason().detail()
                    + "'"), result.lead().origin().kind());
        }
        actual.print(System.out);
    }

    private static String nameOf(UserDirectory users, TenantId tenant, UserId user) {
        return user == null ? "-" : users.find(tenant, user).map(UserInfo::displayName).orElse(user.value());
    }
}
