package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leadmanager.spring.SpringTransactionsTest.awaitTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.json.JsonEvents;
import org.leadmanager.spi.store.EventSerializer;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The event relay runs with the context: committed events reach Spring listeners, the meters count them, an event
 * a listener keeps refusing is set aside, the health indicator turns DOWN until the host retries it, and closing the
 * context stops the relay.
 */
class EventRelayLifecycleTest {

    @Test
    void eventsAreCountedAndAnEventSetAsideShowsInTheHealthUntilItIsRetried() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class)
                .withPropertyValues("leadmanager.events.relay.poll-interval=1h",
                        "leadmanager.events.relay.max-attempts=1")
                .run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    EventRelayLifecycle relay = context.getBean(EventRelayLifecycle.class);
                    LeadManagerEventsHealthIndicator health = context.getBean(LeadManagerEventsHealthIndicator.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Host host = context.getBean(Host.class);
                    assertThat(relay.isRunning()).isTrue();

                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
                    awaitTrue(() -> host.received(tenant).size() == 1, "the project's creation is published");
                    awaitTrue(() -> health.health(true).getStatus().equals(Status.UP), "healthy");

                    host.refusing.set(true);
                    leads.qualification().qualify(tenant.manager(), tenant.project().id(), tenant.contact());
                    awaitTrue(() -> health.health(true).getStatus().equals(Status.DOWN),
                            "DOWN once the refused event is set aside");
                    assertThat(health.health(true).getDetails()).containsEntry("setAside", 1L);
                    assertThat(meters.counter(MicrometerEventRelayObserver.SET_ASIDE).count()).isEqualTo(1.0);
                    assertThat(meters.counter(MicrometerEventRelayObserver.FAILED).count()).isEqualTo(1.0);
                    assertThat(meters.counter(MicrometerEventRelayObserver.PUBLISHED).count()).isGreaterThan(0.0);
                    assertThat(meters.get(MicrometerEventRelayObserver.BACKLOG).tag("state", "set-aside").gauge()
                            .value()).isEqualTo(1.0);
                    assertThat(meters.get(MicrometerEventRelayObserver.BACKLOG).tag("state", "pending").gauge()
                            .value()).isEqualTo(0.0);

                    List<SetAsideEvent> setAside = relay.relay().setAside(10);
                    assertThat(setAside).extracting(SetAsideEvent::type).containsExactly("LeadQualified");
                    assertThat(setAside.get(0).lastError()).contains("listener down");
                    host.refusing.set(false);
                    assertThat(relay.relay().retry(setAside.get(0))).isTrue();
                    relay.relayDue();

                    assertThat(host.received(tenant)).extracting(e -> (Object) e.event().getClass())
                            .containsExactly(DomainEvent.ProjectChanged.class, DomainEvent.LeadQualified.class);
                    awaitTrue(() -> health.health(true).getStatus().equals(Status.UP), "healthy again");
                    assertThat(meters.timer(MicrometerEventRelayObserver.ROUND, "outcome", "success").count())
                            .isGreaterThan(0);

                    context.close();
                    assertThat(relay.isRunning()).isFalse();
                });
    }

    /**
     * Stopped and started again with the context, the relay publishes a backlog of several batches in its first
     * round: the stopped relay, which would end every round after one batch, is replaced.
     */
    @Test
    void startedAgainAfterAStopTheRelayPublishesTheWholeBacklogInOneRound() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class)
                .withPropertyValues("leadmanager.events.relay.poll-interval=1h",
                        "leadmanager.events.relay.batch-size=2")
                .run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    EventRelayLifecycle relay = context.getBean(EventRelayLifecycle.class);
                    Host host = context.getBean(Host.class);
                    context.stop();
                    assertThat(relay.isRunning()).isFalse();
                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
                    InMemoryDirectory crm = context.getBean(InMemoryDirectory.class);
                    for (int i = 0; i < 5; i++) {
                        leads.qualification().qualify(tenant.manager(), tenant.project().id(), crm.addContact(
                                tenant.manager().tenant(), "c-" + (i + 2),
                                org.leadmanager.domain.contact.ContactCard.named("Contact " + i)));
                    }

                    context.start();
                    assertThat(relay.isRunning()).isTrue();

                    // the round at start is the only one: the next poll is an hour away, and no commit wakes it
                    awaitTrue(() -> host.received(tenant).size() == 6, "the project's and five leads' events");
                });
    }

    @Test
    void anEventSerializerBeanDecidesHowTheStoreKeepsEvents() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, Host.class, CountingSerializer.class)
                .withPropertyValues("leadmanager.events.relay.poll-interval=1h").run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    CountingSerializer serializer = context.getBean(CountingSerializer.class);
                    Host host = context.getBean(Host.class);

                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);

                    awaitTrue(() -> host.received(tenant).size() == 1, "published");
                    assertThat(serializer.written.get()).isTrue();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Host {
        final List<EventEnvelope> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean refusing = new AtomicBoolean();

        @EventListener
        void on(EventEnvelope event) {
            if (refusing.get()) {
                throw new IllegalStateException("listener down");
            }
            received.add(event);
        }

        List<EventEnvelope> received(TestHost.Tenant tenant) {
            return received.stream().filter(e -> e.tenant().equals(tenant.manager().tenant())).toList();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** The JSON form, noting that the store wrote with it. */
    @Configuration(proxyBeanMethods = false)
    static class CountingSerializer implements EventSerializer {
        private final JsonEvents json = JsonEvents.create();
        final AtomicBoolean written = new AtomicBoolean();

        @Override
        public String typeName(DomainEvent event) {
            return json.typeName(event);
        }

        @Override
        public int schemaVersion(DomainEvent event) {
            return json.schemaVersion(event);
        }

        @Override
        public String serialize(EventEnvelope envelope) {
            written.set(true);
            return json.serialize(envelope);
        }

        @Override
        public EventEnvelope deserialize(String text) {
            return json.deserialize(text);
        }
    }
}
