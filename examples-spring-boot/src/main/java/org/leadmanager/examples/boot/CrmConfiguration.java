package org.leadmanager.examples.boot;

import java.time.ZoneId;
import java.util.List;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.spi.host.ReminderNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CRM's side: its contacts and users (one bean serves as both directories), and how reminders reach users. */
@Configuration(proxyBeanMethods = false)
public class CrmConfiguration {
    /** The only tenant of this sample. */
    public static final TenantId ACME = TenantId.of("acme");
    private static final Logger LOG = LoggerFactory.getLogger(CrmConfiguration.class);

    /** Contacts and users; a real CRM implements ContactDirectory and UserDirectory over its own tables. */
    @Bean
    InMemoryDirectory crmDirectory() {
        InMemoryDirectory crm = InMemoryDirectory.create();
        crm.addUser(ACME, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
        crm.addContact(ACME, "c-1",
                new ContactCard("Petra Berg", "petra@berg-bau.de", null, "Berg Bau GmbH", "Berlin", null));
        crm.addContact(ACME, "c-2",
                new ContactCard("Jonas Kahn", "jonas@kahn-it.de", null, "Kahn IT", "Hamburg", null));
        return crm;
    }

    /** Reminders go to the log here; a real CRM sends a mail or creates a task. */
    @Bean
    ReminderNotifier reminderNotifier() {
        return reminder -> LOG.info("Reminder for {}: {}", reminder.followUp().owner(), reminder.followUp().note());
    }

    /** The project every lead of this sample belongs to, created at start if missing. */
    @Bean
    Project salesProject(LeadManager leads) {
        Actor manager = manager();
        return leads.projects().list(manager).stream()
                .map(overview -> overview.project())
                .filter(project -> project.name().equals("Leadmanager"))
                .findFirst()
                .orElseGet(() -> leads.projects().create(manager, new Projects.Create("Leadmanager",
                        ProjectKind.PROJECT, List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                                LeadStatus.of("customer", "Customer", StatusCategory.WON)), StatusKey.of("new"))));
    }

    /** Anna, who manages the leads. */
    static Actor manager() {
        return Actor.manager(ACME, UserId.of("anna"));
    }
}
