package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.LeadQuery;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.error.LeadManagerException;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Calls inside the host's {@code @Transactional} methods join its transaction: a rollback leaves no lead and no
 * event; events reach Spring listeners only after commit, published by the relay the commit wakes. Calls outside any
 * transaction run in their own.
 */
class SpringTransactionsTest {

    @Test
    void aHostRollbackLeavesNoLeadAndNoEvent() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class).run(context -> {
            LeadManager leads = context.getBean(LeadManager.class);
            Host.Service service = context.getBean(Host.Service.class);
            Host.Listener listener = context.getBean(Host.Listener.class);
            TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);

            assertThatThrownBy(() -> service.qualifyThenFail(tenant)).hasMessage("host failure after qualifying");

            assertThat(leads.search().find(tenant.manager(),
                    LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads()).isEmpty();
            context.getBean(EventRelayLifecycle.class).relayDue();
            assertThat(listener.qualified(tenant)).isEmpty();
        });
    }

    @Test
    void aHostRollbackUnderAnEntityManagerOpenForTheRequestLeavesNoLead() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class).run(context -> {
            LeadManager leads = context.getBean(LeadManager.class);
            Host.Service service = context.getBean(Host.Service.class);
            TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
            EntityManagerFactory emf = context.getBean(EntityManagerFactory.class);

            // as Spring's open-in-view interceptor does around a web request
            EntityManager requestEntityManager = emf.createEntityManager();
            TransactionSynchronizationManager.bindResource(emf, new EntityManagerHolder(requestEntityManager));
            try {
                assertThatThrownBy(() -> service.qualifyThenFail(tenant))
                        .hasMessage("host failure after qualifying");
            } finally {
                TransactionSynchronizationManager.unbindResource(emf);
                requestEntityManager.close();
            }

            assertThat(leads.search().find(tenant.manager(),
                    LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads()).isEmpty();
        });
    }

    @Test
    void aHostCommitWakesTheRelayAndTheEventReachesListenersAfterTheCommitOnly() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class)
                // one round at start; after that only the commits wake the relay
                .withPropertyValues("leadmanager.events.relay.poll-interval=1h").run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    Host.Service service = context.getBean(Host.Service.class);
                    Host.Listener listener = context.getBean(Host.Listener.class);
                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);

                    int seenInsideTheTransaction = service.qualify(tenant, listener);

                    assertThat(seenInsideTheTransaction).isZero();
                    awaitTrue(() -> listener.qualified(tenant).size() == 1, "the committed event is published");
                    assertThat(leads.search().find(tenant.manager(),
                            LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads()).hasSize(1);
                });
    }

    @Test
    void aChangeOutsideAnyTransactionWakesTheRelayToo() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class)
                .withPropertyValues("leadmanager.events.relay.poll-interval=1h").run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    Host.Listener listener = context.getBean(Host.Listener.class);
                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);

                    leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());

                    awaitTrue(() -> listener.qualified(tenant).size() == 1, "the committed event is published");
                });
    }

    /** Waits for a condition the relay's thread brings about, at most 30 seconds. */
    static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    @Test
    void aSearchWithoutAnyTransactionWorks() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class).run(context -> {
            LeadManager leads = context.getBean(LeadManager.class);
            TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
            leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());

            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
            List<Lead> found = leads.search().find(tenant.manager(),
                    LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads();

            assertThat(found).extracting(Lead::contact).containsExactly(tenant.contact());
        });
    }

    @Test
    void aLibraryFailureInsideTheHostsTransactionMarksItRollbackOnly() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class).run(context -> {
            LeadManager leads = context.getBean(LeadManager.class);
            Host.Service service = context.getBean(Host.Service.class);
            TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);

            // the host swallows the library's exception and tries to commit what came before it
            assertThatThrownBy(() -> service.qualifyThenSwallowAFailedChange(tenant))
                    .isInstanceOf(UnexpectedRollbackException.class);

            assertThat(leads.search().find(tenant.manager(),
                    LeadQuery.firstPage(tenant.project().id(), LeadCriteria.all())).leads()).isEmpty();
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Host {
        @Bean
        Service service(LeadManager leads) {
            return new Service(leads);
        }

        @Bean
        Listener listener() {
            return new Listener();
        }

        static class Listener {
            final List<EventEnvelope> events = new CopyOnWriteArrayList<>();

            @EventListener
            void on(EventEnvelope event) {
                events.add(event);
            }

            /** The tenant's LeadQualified events received. */
            List<EventEnvelope> qualified(TestHost.Tenant tenant) {
                return events.stream().filter(e -> e.tenant().equals(tenant.manager().tenant()))
                        .filter(e -> e.event() instanceof DomainEvent.LeadQualified).toList();
            }
        }

        static class Service {
            private final LeadManager leads;

            Service(LeadManager leads) {
                this.leads = leads;
            }

            @Transactional
            public void qualifyThenFail(TestHost.Tenant tenant) {
                leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());
                throw new IllegalStateException("host failure after qualifying");
            }

            @Transactional
            public int qualify(TestHost.Tenant tenant, Listener listener) {
                leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());
                return listener.qualified(tenant).size();
            }

            @Transactional
            public void qualifyThenSwallowAFailedChange(TestHost.Tenant tenant) {
                Lead lead = leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact())
                        .lead();
                try {
                    leads.leads().changeStatus(tenant.manager(), lead.id(), StatusKey.of("no-such-status"));
                } catch (LeadManagerException expected) {
                    // swallowed on purpose
                }
            }
        }
    }
}
