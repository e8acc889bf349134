package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.leadmanager.LeadManager;
import org.leadmanager.Projects;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A host as the tests need it: its contacts and users in memory, and helpers to fill them. */
@Configuration(proxyBeanMethods = false)
class TestHost {
    static final List<Class<?>> LEAD_MANAGER = List.of(EntityValidationAutoConfiguration.class,
            LeadManagerJpaAutoConfiguration.class,
            LeadManagerAutoConfiguration.class, LeadManagerLifecycleAutoConfiguration.class,
            LeadManagerObservabilityAutoConfiguration.class);

    @Bean
    InMemoryDirectory directory() {
        return InMemoryDirectory.create();
    }

    /** Boot's DataSource (an embedded H2 of its own), JPA and transactions, and the starter. */
    static ApplicationContextRunner withJpa() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(LEAD_MANAGER.toArray(Class<?>[]::new)))
                .withPropertyValues("spring.datasource.generate-unique-name=true");
    }

    /** The starter alone, without DataSource or JPA. */
    static ApplicationContextRunner withoutJpa() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TransactionAutoConfiguration.class))
                .withConfiguration(AutoConfigurations.of(LEAD_MANAGER.toArray(Class<?>[]::new)));
    }

    /** A tenant of its own with a manager, a contact and a project in the directory and the lead manager. */
    record Tenant(Actor manager, ContactId contact, Project project) {
        static Tenant create(InMemoryDirectory directory, LeadManager leads) {
            TenantId tenant = TenantId.of("t-" + UUID.randomUUID().toString().substring(0, 8));
            UserId anna = directory.addUser(tenant, "anna", "Anna Schmidt", true, ZoneId.of("Europe/Berlin"));
            ContactId contact = directory.addContact(tenant, "c-1",
                    new ContactCard("Petra Berg", "petra@berg-bau.de", null, "Berg Bau GmbH", "Berlin", null));
            Actor manager = Actor.manager(tenant, anna);
            Project project = leads.projects().create(manager, new Projects.Create("Leadmanager",
                    ProjectKind.PROJECT, List.of(LeadStatus.of("new", "New", StatusCategory.OPEN),
                            LeadStatus.of("won", "Customer", StatusCategory.WON)), StatusKey.of("new")));
            return new Tenant(manager, contact, project);
        }
    }

    /** Waits for the round a background job runs as it starts: for a condition, not for time to pass. */
    static void awaitFirstRound(RoundStatistics statistics) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (statistics.rounds() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(statistics.rounds()).isEqualTo(1);
    }
}
