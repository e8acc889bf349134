package org.leadmanager.examples.crm;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The demo's data: ten contacts in the CRM and, in a database that has no lead manager "Leadmanager" yet, two lead
 * managers with leads, owners, a note and a follow-up. The lead manager "Leadmanager" labels its statuses in
 * German, the product "Cloud-Backup" in English: a project's status labels are its own, whatever the screen's
 * language. Ben is in the team of "Leadmanager" only, so he does not see "Cloud-Backup".
 */
@Component
class DemoData implements ApplicationRunner {
    static final String LEADMANAGER = "Leadmanager";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final LeadManager leads;
    private final Clock clock;

    DemoData(LeadManager leads, Clock clock) {
        this.leads = leads;
        this.clock = clock;
    }

    /** The CRM's contacts (kept in memory: the CRM's side, created at every start). */
    static void contacts(CrmContacts crm) {
        crm.add("c-01", "Petra Berg", "petra@berg-bau.de", "+49 30 1234 567", "Berg Bau GmbH", "Berlin");
        crm.add("c-02", "Jonas Kahn", "jonas@kahn-it.de", "+49 40 765 4321", "Kahn IT", "Hamburg");
        crm.add("c-03", "Miriam Vogt", "m.vogt@vogt-logistik.de", null, "Vogt Logistik", "München");
        crm.add("c-04", "Stefan Ortmann", "stefan@ortmann-soehne.de", null, "Ortmann & Söhne", "Köln");
        crm.add("c-05", "Lea Fischer", "lea@fischer-design.de", "+49 30 555 0101", "Fischer Design", "Berlin");
        crm.add("c-06", "Tobias Brandt", "t.brandt@brandt-maschinenbau.de", null, "Brandt Maschinenbau",
                "Stuttgart");
        crm.add("c-07", "Nora Hellwig", "nora@hellwig-consulting.de", null, "Hellwig Consulting", "Hamburg");
        crm.add("c-08", "Emil Sauer", "emil@sauer-solar.de", "+49 341 880 12", "Sauer Solar", "Leipzig");
        crm.add("c-09", "Greta Lindner", "greta@lindner-medien.de", null, "Lindner Medien", "Berlin");
        crm.add("c-10", "Paul Richter", "paul@richter-elektro.de", null, "Richter Elektro", "Dresden");
    }

    @Override
    public void run(ApplicationArguments args) {
        Actor anna = CrmUsers.ANNA.actor();
        boolean present = leads.projects().list(anna).stream()
                .anyMatch(p -> p.project().name().equals(LEADMANAGER));
        if (present) {
            LOG.info("Demo data present, left as it is");
            return;
        }
        Project leadmanager = leads.projects().create(anna, new Projects.Create(LEADMANAGER, ProjectKind.PROJECT,
                List.of(LeadStatus.of("neu", "Neu", StatusCategory.OPEN),
                        LeadStatus.of("kontaktiert", "Kontaktiert", StatusCategory.OPEN),
                        LeadStatus.of("angebot", "Angebot", StatusCategory.OPEN),
                        LeadStatus.of("kunde", "Kunde", StatusCategory.WON),
                        LeadStatus.of("kein-interesse", "Kein Interesse", StatusCategory.LOST)),
                StatusKey.of("neu")));
        leads.projects().setTeam(anna, leadmanager.id(), List.of(CrmUsers.ANNA.id(), CrmUsers.BEN.id()));
        Map<String, LeadId> lead = Map.of(
                "c-01", lead(anna, leadmanager, "c-01", "kontaktiert", CrmUsers.ANNA.id()),
                "c-02", lead(anna, leadmanager, "c-02", "neu", CrmUsers.BEN.id()),
                "c-03", lead(anna, leadmanager, "c-03", "kunde", CrmUsers.ANNA.id()),
                "c-04", lead(anna, leadmanager, "c-04", "neu", null),
                "c-05", lead(anna, leadmanager, "c-05", "angebot", CrmUsers.BEN.id()));
        leads.leads().addNote(anna, lead.get("c-01"), "Interessiert an der Erweiterung, bittet um Rückruf.");
        ZonedDateTime tomorrow = ZonedDateTime.now(clock.withZone(CrmUsers.ANNA.zone())).plusDays(1)
                .with(LocalTime.of(10, 0));
        leads.followUps().schedule(anna, lead.get("c-01"), tomorrow.toInstant(), "Angebot nachfassen");

        Project backup = leads.projects().create(anna, new Projects.Create("Cloud-Backup", ProjectKind.PRODUCT,
                List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                        LeadStatus.of("trial", "Trial", StatusCategory.OPEN),
                        LeadStatus.of("customer", "Customer", StatusCategory.WON),
                        LeadStatus.of("lost", "Lost", StatusCategory.LOST)),
                StatusKey.of("new")));
        leads.projects().setTeam(anna, backup.id(), List.of(CrmUsers.ANNA.id()));
        lead(anna, backup, "c-02", "trial", CrmUsers.ANNA.id());
        lead(anna, backup, "c-07", "new", null);
        LOG.info("Demo data created: lead managers {} and {}", leadmanager.name(), backup.name());
    }

    /** Qualifies the contact, moves its lead to {@code status} and gives it {@code owner} (null: none). */
    private LeadId lead(Actor anna, Project project, String contact, String status, UserId owner) {
        LeadId id = leads.qualification().qualify(anna, project.id(), ContactId.of(contact)).lead().id();
        if (!status.equals(project.defaultStatus().value())) {
            leads.leads().changeStatus(anna, id, StatusKey.of(status));
        }
        if (owner != null) {
            leads.leads().assign(anna, id, owner);
        }
        return id;
    }
}
