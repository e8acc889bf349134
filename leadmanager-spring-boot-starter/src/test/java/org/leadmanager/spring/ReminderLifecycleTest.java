package org.leadmanager.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.leadmanager.LeadManager;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.inmemory.InMemoryDirectory;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;
import org.leadmanager.tck.MutableClock;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Configuration;

/**
 * The reminder dispatcher runs with the context: due reminders reach the host's notifier, the meters count them,
 * the health indicator turns DOWN when the notifier keeps failing, and closing the context stops it.
 */
class ReminderLifecycleTest {

    @Test
    void dueRemindersAreFiredCountedAndTimedAndFailuresShowInTheHealth() {
        TestHost.withJpa().withUserConfiguration(TestHost.class, ClockAndMeters.class, Host.class)
                // one round at start, then none that could race with the rounds this test runs itself
                .withPropertyValues("leadmanager.reminders.poll-interval=1h",
                        "leadmanager.reminders.health-failure-threshold=2",
                        "leadmanager.reminders.max-attempts=5", "leadmanager.reminders.backoff=1s")
                .run(context -> {
                    LeadManager leads = context.getBean(LeadManager.class);
                    ReminderDispatcherLifecycle dispatcher = context.getBean(ReminderDispatcherLifecycle.class);
                    ReminderStatistics statistics = context.getBean(ReminderStatistics.class);
                    LeadManagerHealthIndicator health = context.getBean(LeadManagerHealthIndicator.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Host host = context.getBean(Host.class);
                    MutableClock clock = context.getBean(MutableClock.class);
                    TestHost.awaitFirstRound(statistics);
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);

                    TestHost.Tenant tenant = TestHost.Tenant.create(context.getBean(InMemoryDirectory.class), leads);
                    Lead lead = leads.qualification().qualify(tenant.manager(), tenant.project().id(),
                            tenant.contact()).lead();
                    leads.followUps().schedule(tenant.manager(), lead.id(), clock.instant().plusSeconds(60),
                            "Call Petra");
                    clock.advance(Duration.ofMinutes(2));

                    host.failing.set(true);
                    dispatcher.dispatchDue();
                    clock.advance(Duration.ofSeconds(2));   // past the first backoff
                    dispatcher.dispatchDue();
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
                    assertThat(meters.counter(MicrometerReminderObserver.FAILED).count()).isEqualTo(2.0);

                    host.failing.set(false);
                    clock.advance(Duration.ofSeconds(5));   // past the doubled backoff
                    assertThat(dispatcher.dispatchDue()).isEqualTo(1);

                    assertThat(host.sent).extracting(reminder -> reminder.followUp().note()).containsExactly("Call Petra");
                    assertThat(meters.counter(MicrometerReminderObserver.FIRED).count()).isEqualTo(1.0);
                    assertThat(meters.timer(MicrometerReminderObserver.ROUND, "outcome", "success").count())
                            .isEqualTo(4);
                    // the first round found nothing; each of the three others claimed one batch
                    assertThat(meters.timer(MicrometerReminderObserver.BATCH).count()).isEqualTo(3);
                    assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
                    assertThat(health.health(true).getDetails()).containsEntry("fired", 1L)
                            .containsEntry("failed", 2L);

                    context.close();
                    assertThat(dispatcher.isRunning()).isFalse();
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class Host implements ReminderNotifier {
        final List<Reminder> sent = new CopyOnWriteArrayList<>();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void notify(Reminder reminder) {
            if (failing.get()) {
                throw new IllegalStateException("mail server down");
            }
            sent.add(reminder);
        }
    }
}
