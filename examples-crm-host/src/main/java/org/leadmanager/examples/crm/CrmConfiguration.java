package org.leadmanager.examples.crm;

import java.time.Clock;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.spi.host.ReminderNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The CRM's side of the lead manager: its contacts and users, and how a due follow-up reaches its owner. */
@Configuration(proxyBeanMethods = false)
public class CrmConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CrmConfiguration.class);

    /** The lead manager's contact and user directories; the users are {@link CrmUsers}. */
    @Bean
    InMemoryDirectory crmDirectory() {
        InMemoryDirectory directory = InMemoryDirectory.create();
        for (CrmUsers.CrmUser user : CrmUsers.all()) {
            directory.addUser(CrmUsers.TENANT, user.id().value(), user.name(), true, user.zone());
        }
        return directory;
    }

    /** The CRM's contact table, filled with the demo's contacts. */
    @Bean
    CrmContacts crmContacts(InMemoryDirectory crmDirectory) {
        CrmContacts contacts = new CrmContacts(crmDirectory);
        DemoData.contacts(contacts);
        return contacts;
    }

    /** The time source of the lead manager and of the screens (the follow-up form's default time). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Reminders go to the log here; a real CRM sends a mail or creates a task. */
    @Bean
    ReminderNotifier reminderNotifier() {
        return reminder -> LOG.info("Wiedervorlage für {}: {}", reminder.followUp().owner(),
                reminder.followUp().note());
    }
}
