package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.spi.host.Escalation;
import org.leadmanager.spi.host.EscalationNotifier;
import org.leadmanager.tck.MutableClock;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Configuration;

/**
 * The escalation dispatcher runs with the context: breached first-response deadlines reach the host's notifier,
 * the meters count them, failures are retried with the configured backoff and turn the health DOWN, and closing the
 * context stops it.
 */
class EscalationLifecycleTest {

    @Test
    void breachesAreEscalatedCountedAndTimedAndFailuresShowInTheHealth() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, ClockAndMeters.class, Host.class)
                // one round at start, then none that could race with the rounds this test runs itself
                .withPropertyValues("leadmanager.escalations.poll-interval=1h",
                        "leadmanager.escalations.health-failure-threshold=2",
                        "leadmanager.escalations.max-attempts=5", "leadmanager.escalations.backoff=1s")
                .run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    EscalationDispatcherLifecycle dispatcher = context.getBean(EscalationDispatcherLifecycle.class);
                    EscalationStatistics statistics = context.getBean(EscalationStatistics.class);
                    LeadManagerEscalationsHealthIndicator health =
                            context.getBean(LeadManagerEscalationsHealthIndicator.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Host host = context.getBean(Host.class);
                    MutableClock clock = context.getBean(MutableClock.class);
                    TestHost.awaitFirstRound(statistics);
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
                    UserId anna = tenant.manager().user();
                    leads.projects().setFirstResponse(tenant.manager(), tenant.project().id(),
                            FirstResponsePolicy.of(Duration.ofHours(4), BusinessCalendar.weekdays(
                                    ZoneId.of("Europe/Berlin"), LocalTime.of(9, 0), LocalTime.of(17, 0)), anna));
                    Lead lead = leads.qualification().qualify(tenant.manager(), tenant.project().id(),
                            tenant.contact()).lead();
                    clock.set(lead.responseDueAt());

                    host.failing.set(true);
                    assertThat(dispatcher.escalateDue()).isZero();
                    clock.advance(Duration.ofSeconds(1));   // the first backoff
                    assertThat(dispatcher.escalateDue()).isZero();
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
                    assertThat(meters.counter(MicrometerEscalationObserver.FAILED).count()).isEqualTo(2.0);

                    host.failing.set(false);
                    clock.advance(Duration.ofSeconds(1));
                    assertThat(dispatcher.escalateDue()).as("the doubled backoff has not passed").isZero();
                    clock.advance(Duration.ofSeconds(1));
                    assertThat(dispatcher.escalateDue()).isEqualTo(1);

                    assertThat(host.sent).extracting(Escalation::attempt).containsExactly(3);
                    assertThat(host.sent).extracting(Escalation::escalateTo).containsExactly(anna);
                    assertThat(meters.counter(MicrometerEscalationObserver.ESCALATED).count()).isEqualTo(1.0);
                    assertThat(meters.timer(MicrometerEscalationObserver.ROUND, "outcome", "success").count())
                            .isEqualTo(5);
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health(true).getDetails()).containsEntry("escalated", 1L)
                            .containsEntry("failed", 2L);
                    assertThat(leads.projects().failedEscalations(tenant.manager())).isEmpty();

                    context.close();
                    assertThat(dispatcher.isRunning()).isFalse();
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Host implements EscalationNotifier {
        final List<Escalation> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void notify(Escalation escalation) {
            if (failing.get()) {
                throw new IllegalStateException("mail server down");
            }
            sent.add(escalation);
        }
    }
}
