package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.leadmanager.CallListener;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.inmemory.InMemoryLeadStore;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.host.EscalationNotifier;
import org.leadmanager.spi.host.ReminderNotifier;
import org.leadmanager.spi.store.LeadStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which beans the starter contributes under which conditions, and that it backs off for the host's own. */
class LeadManagerAutoConfigurationTest {

    @Test
    void aHostWithDataSourceAndDirectoriesGetsAWorkingLeadManagerOnItsDatabase() {
        TestHost.withJpa().withUserConfiguration(TestHost.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(LeadStore.class).isInstanceOf(SpringTransactionLeadStore.class);
            assertThat(context).hasSingleBean(LeadManagerFlywayMigration.class);
            assertThat(context).getBean(EventPublisher.class).isInstanceOf(ApplicationEventLeadPublisher.class);
            assertThat(context).hasSingleBean(EventRelayLifecycle.class);
            // no notifier, no reminders and no escalations
            assertThat(context).doesNotHaveBean(ReminderDispatcherLifecycle.class);
            assertThat(context).doesNotHaveBean(EscalationDispatcherLifecycle.class);
            assertThat(context).doesNotHaveBean(CallListener.class);

            LeadManager leads = context.getBean(LeadManager.class);
            TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
            leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());
            LeadPage page = leads.search().find(tenant.manager(),
                    LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all()));
            assertThat(page.leads()).hasSize(1);
        });
    }

    @Test
    void withoutADataSourceThereIsNoStoreAndNoLeadManager() {
        TestHost.withoutJpa().withUserConfiguration(TestHost.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(LeadStore.class);
            assertThat(context).doesNotHaveBean(LeadManager.class);
            assertThat(context).doesNotHaveBean(EventRelayLifecycle.class);
        });
    }

    @Test
    void withoutTheDirectoriesThereIsAStoreButNoLeadManager() {
        TestHost.withJpa().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(LeadStore.class);
            assertThat(context).doesNotHaveBean(LeadManager.class);
        });
    }

    @Test
    void switchedOffItContributesNothing() {
        TestHost.withJpa().withUserConfiguration(TestHost.class).withPropertyValues("leadmanager.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(LeadStore.class);
                    assertThat(context).doesNotHaveBean(LeadManager.class);
                    assertThat(context).doesNotHaveBean(LeadManagerFlywayMigration.class);
                });
    }

    @Test
    void theHostsOwnStoreIsUsedEvenWithoutADataSource() {
        TestHost.withoutJpa().withUserConfiguration(TestHost.class, OwnStore.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(LeadStore.class).isInstanceOf(InMemoryLeadStore.class);
            assertThat(context).hasSingleBean(LeadManager.class);
        });
    }

    @Test
    void theHostsOwnLeadManagerAndPublisherWin() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, OwnLeadManager.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(LeadManager.class).isSameAs(context.getBean("ownLeadManager"));
            assertThat(context).getBean(EventPublisher.class).isSameAs(context.getBean("ownPublisher"));
            // the host's lead manager still gets the background work
            assertThat(context).hasSingleBean(EventRelayLifecycle.class);
        });
    }

    @Test
    void withoutApplicationEventsNoEventsAreRecorded() {
        TestHost.withJpa().withUserConfiguration(TestHost.class)
                .withPropertyValues("leadmanager.events.application-events=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(EventPublisher.class);
                    assertThat(context).hasSingleBean(LeadManager.class);
                });
    }

    @Test
    void aNotifierBeanStartsTheRemindersWithTheirHealthAndMeters() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Notifier.class, Meters.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(ReminderDispatcherLifecycle.class);
            assertThat(context.getBean(ReminderDispatcherLifecycle.class).isRunning()).isTrue();
            assertThat(context).hasSingleBean(LeadManagerHealthIndicator.class);
            assertThat(context).hasSingleBean(MicrometerReminderObserver.class);
            assertThat(context).hasSingleBean(MicrometerEventRelayObserver.class);
            assertThat(context).hasSingleBean(LeadManagerEventsHealthIndicator.class);
            assertThat(context.getBean(MeterRegistry.class).find(MicrometerEventRelayObserver.BACKLOG).gauges())
                    .hasSize(2);
            assertThat(context.getBean(MeterRegistry.class).find(MicrometerReminderObserver.FIRED).counter())
                    .isNotNull();
        });
    }

    @Test
    void anEscalationNotifierBeanStartsTheEscalationsWithTheirHealthAndMeters() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Escalations.class, Meters.class)
                .withPropertyValues("leadmanager.escalations.node-id=crm-node-7").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(EscalationDispatcherLifecycle.class);
                    assertThat(context.getBean(EscalationDispatcherLifecycle.class).isRunning()).isTrue();
                    assertThat(context).hasSingleBean(LeadManagerEscalationsHealthIndicator.class);
                    assertThat(context).hasSingleBean(MicrometerEscalationObserver.class);
                    assertThat(context).doesNotHaveBean(ReminderDispatcherLifecycle.class);
                    assertThat(context.getBean(LeadManagerProperties.class).getEscalations().getPollInterval())
                            .isEqualTo(java.time.Duration.ofSeconds(30));
                    assertThat(context.getBean(MeterRegistry.class).find(MicrometerEscalationObserver.ESCALATED)
                            .counter()).isNotNull();
                });
    }

    @Test
    void propertiesSwitchTheBackgroundWorkOff() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Notifier.class, Escalations.class)
                .withPropertyValues("leadmanager.reminders.enabled=false", "leadmanager.events.relay.enabled=false",
                        "leadmanager.escalations.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(LeadManager.class);
                    assertThat(context).doesNotHaveBean(EscalationDispatcherLifecycle.class);
                    assertThat(context).doesNotHaveBean(LeadManagerEscalationsHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(ReminderDispatcherLifecycle.class);
                    assertThat(context).doesNotHaveBean(EventRelayLifecycle.class);
                    assertThat(context).doesNotHaveBean(LeadManagerHealthIndicator.class);
                    assertThat(context).doesNotHaveBean(LeadManagerEventsHealthIndicator.class);
                });
    }

    @Test
    void anObservationRegistryGetsAnObservationPerCallUnlessSwitchedOff() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Observations.class).run(context ->
                assertThat(context).getBean(CallListener.class).isInstanceOf(ObservationCallListener.class));
        TestHost.withJpa().withUserConfiguration(TestHost.class, Observations.class)
                .withPropertyValues("leadmanager.observations.enabled=false").run(context ->
                        assertThat(context).doesNotHaveBean(CallListener.class));
    }

    @Test
    void withFlywaySwitchedOffTheTablesAreTheHostsBusiness() {
        TestHost.withJpa().withUserConfiguration(TestHost.class)
                .withPropertyValues("leadmanager.schema.flyway.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(LeadManagerFlywayMigration.class);
                    assertThat(context).hasSingleBean(LeadManager.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {
        @Bean
        LeadStore ownStore() {
            return InMemoryLeadStore.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnLeadManager {
        @Bean
        EventPublisher ownPublisher() {
            return event -> { };
        }

        @Bean
        LeadManager ownLeadManager(InMemoryDirectory directory, EventPublisher ownPublisher) {
            return LeadManager.builder().store(InMemoryLeadStore.create()).contacts(directory).users(directory)
                    .events(ownPublisher).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Notifier {
        @Bean
        ReminderNotifier notifier() {
            return reminder -> { };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Escalations {
        @Bean
        EscalationNotifier escalationNotifier() {
            return escalation -> { };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Meters {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        ObservationRegistry observationRegistry() {
            return ObservationRegistry.create();
        }
    }
}
