package org.leadmanager.examples;

import java.util.List;
import org.leadmanager.AssignmentPreview;
import org.leadmanager.LeadManager;
import org.leadmanager.QualifyResult;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.ContactField;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.Project;
import org.leadmanager.inmemory.InMemoryLeadStore;

/**
 * Automatic owners: "city = Berlin → Anna" first, everyone else round-robin over the active team, Clara as fallback.
 * Ben is inactive and never receives a lead. A dry run previews the decisions without changing anything.
 */
public final class AssignmentRulesExample {

    public static void main(String[] args) {
        ExampleCrm crm = new ExampleCrm();
        UserId anna = crm.user("anna", "Anna Schmidt", true, "Europe/Berlin");
        UserId ben = crm.user("ben", "Ben Weber", false, "Europe/Berlin");
        UserId carl = crm.user("carl", "Carl Vogel", true, "Europe/Berlin");
        UserId dora = crm.user("dora", "Dora Klein", true, "Europe/Berlin");
        UserId clara = crm.user("clara", "Clara Chef", true, "Europe/Berlin");
        Actor manager = Actor.manager(TenantId.of("acme"), clara);
        LeadManager leads = LeadManager.builder().store(InMemoryLeadStore.create()).contacts(crm).users(crm).build();

        Project project = SampleProject.create(leads, manager, "Solar");
        leads.projects().setTeam(manager, project.id(), List.of(ben, carl, dora));
        leads.projects().setAssignmentPolicy(manager, project.id(), new AssignmentPolicy(
                List.of(new AssignmentRule("Berlin goes to Anna", ContactField.CITY, "Berlin", anna)),
                AssignmentStrategy.ROUND_ROBIN, clara));

        List<ContactId> contacts = List.of(
                crm.contact("c-1", "Petra Berg", null, null, "Berlin"),
                crm.contact("c-2", "Jonas Kahn", null, null, "Hamburg"),
                crm.contact("c-3", "Maria Lux", null, null, "Köln"),
                crm.contact("c-4", "Tim Roth", null, null, "Bremen"));

        Table preview = new Table("Dry run (nothing stored)", "contact", "would be owned by", "because");
        for (AssignmentPreview p : leads.qualification().previewAssignment(manager, project.id(), contacts)) {
            preview.row(p.contact(), crm.nameOf(p.assignee()), p.reason());
        }
        preview.print(System.out);

        Table actual = new Table("Qualified", "contact", "owner", "owner reason", "origin");
        for (ContactId contact : contacts) {
            QualifyResult result = leads.qualification().qualify(manager, project.id(), contact);
            actual.row(contact, crm.nameOf(result.lead().assignee()), result.lead().ownerReason().kind()
                    + (result.lead().ownerReason().detail() == null ? "" : " '" + result.lead().ownerReason().detail()
                    + "'"), result.lead().origin().kind());
        }
        actual.print(System.out);
    }
}
