package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.LeadManager;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.ActivityType;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.host.Reminder;

/**
 * Capability 5, reminders: the {@link ReminderDispatcher} driven by {@code dispatchDue()} and the fixture clock.
 * The dispatcher claims due follow-ups of every tenant in the store, so every assertion looks at this test's
 * tenant or follow-ups only.
 */
public abstract class RemindersContract extends ContractBase {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration BACKOFF = Duration.ofMinutes(1);

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<ReminderDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void closeDispatchers() {
        dispatchers.forEach(ReminderDispatcher::close);
    }

    private ReminderDispatcher dispatcher(LeadManager on, String node) {
        ReminderDispatcher d = on.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                .withNodeId(node).withLease(LEASE).withRetries(3, BACKOFF).withBatchSize(20));
        dispatchers.add(d);
        return d;
    }

    private ReminderDispatcher dispatcher() {
        return dispatcher(lm(), "tck-node-a");
    }

    private Lead lead() {
        Project project = fx.project();
        Lead lead = fx.lead(project.id());
        return lm().leads().assign(manager(), lead.id(), fx.alice);
    }

    private FollowUp dueIn(Lead lead, Duration in) {
        return lm().followUps().schedule(manager(), lead.id(), fx.clock.instant().plus(in), "Call back");
    }

    private FollowUp current(FollowUp followUp) {
        return lm().followUps().forLead(manager(), followUp.lead()).stream()
                .filter(f -> f.id().equals(followUp.id())).findFirst().orElseThrow();
    }

    private List<FollowUpId> delivered() {
        return notifier.delivered(fx.tenant).stream().map(r -> r.followUp().id()).toList();
    }

    @Test
    void aDueReminderFiresOnce() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        ReminderDispatcher dispatcher = dispatcher();

        dispatcher.dispatchDue();
        assertTrue(delivered().isEmpty(), "not due yet");
        fx.clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();

        assertEquals(List.of(followUp.id()), delivered());
        Reminder reminder = notifier.delivered(fx.tenant).get(0);
        assertEquals(followUp.id() + "@" + followUp.dueAt(), reminder.idempotencyKey());
        assertEquals(1, reminder.attempt());
        assertEquals(fx.alice, reminder.followUp().owner());
        FollowUp fired = current(followUp);
        assertEquals(ReminderState.FIRED, fired.reminder());
        assertEquals(fx.clock.instant(), fired.remindedAt());
        assertTrue(fired.open(), "firing a reminder does not close the follow-up");
        List<ActivityType> timeline = lm().leads().timeline(manager(), followUp.lead()).stream()
                .map(a -> a.type()).toList();
        assertEquals(ActivityType.FOLLOW_UP_REMINDED, timeline.get(timeline.size() - 1));

        fx.clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();
        dispatcher(lm(), "tck-node-b").dispatchDue();
        assertEquals(List.of(followUp.id()), delivered(), "fires once");
    }

    /**
     * A dispatcher's listener hears of each claimed batch: no batch larger than the batch size, and the batches'
     * fired counts add up to what the round fired (the dispatcher serves every tenant of the store, so a round may
     * also fire other tests' reminders).
     */
    @Test
    void theListenerHearsOfEachBatch() {
        Lead lead = lead();
        List<FollowUp> due = List.of(dueIn(lead, Duration.ofMinutes(1)), dueIn(lead, Duration.ofMinutes(2)),
                dueIn(lead, Duration.ofMinutes(3)));
        List<long[]> batches = new ArrayList<>();
        ReminderDispatcher d = lm().reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                .withNodeId("tck-node-batches").withLease(LEASE).withBatchSize(2)
                .withListener((claimed, fired, took) -> batches.add(new long[] {claimed, fired, took.toNanos()})));
        dispatchers.add(d);
        fx.clock.advance(Duration.ofMinutes(5));

        int fired = d.dispatchDue();

        assertEquals(due.stream().map(FollowUp::id).toList(), delivered());
        assertTrue(batches.size() >= 2, "three reminders in batches of two: at least two batches");
        assertTrue(batches.stream().allMatch(b -> b[0] >= 1 && b[0] <= 2 && b[1] <= b[0] && b[2] >= 0),
                "batch sizes and times");
        assertEquals(fired, batches.stream().mapToLong(b -> b[1]).sum(), "the batches fired what the round fired");
    }

    @Test
    void completedAndCancelledFollowUpsNeverFire() {
        Lead lead = lead();
        FollowUp done = dueIn(lead, Duration.ofMinutes(5));
        FollowUp dropped = dueIn(lead, Duration.ofMinutes(5));
        FollowUp kept = dueIn(lead, Duration.ofMinutes(5));
        lm().followUps().complete(manager(), done.id());
        lm().followUps().cancel(manager(), dropped.id());
        fx.clock.advance(Duration.ofMinutes(6));

        dispatcher().dispatchDue();

        assertEquals(List.of(kept.id()), delivered());
        assertTrue(notifier.attempts(done.id()).isEmpty());
        assertTrue(notifier.attempts(dropped.id()).isEmpty());
    }

    @Test
    void aRescheduledFollowUpFiresAgainOnceAtTheNewTime() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        ReminderDispatcher dispatcher = dispatcher();
        fx.clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        Instant newDue = fx.clock.instant().plus(Duration.ofHours(1));

        FollowUp moved = lm().followUps().reschedule(manager(), followUp.id(), newDue);

        assertEquals(ReminderState.PENDING, moved.reminder());
        assertNull(current(followUp).remindedAt());
        fx.clock.advance(Duration.ofMinutes(59));
        dispatcher.dispatchDue();
        assertEquals(1, delivered().size(), "not yet due again");
        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertEquals(List.of(followUp.id(), followUp.id()), delivered());
        List<Reminder> reminders = notifier.delivered(fx.tenant);
        assertEquals(followUp.id() + "@" + newDue, reminders.get(1).idempotencyKey());
        assertFalse(reminders.get(0).idempotencyKey().equals(reminders.get(1).idempotencyKey()));
    }

    @Test
    void snoozingBeforeTheDueTimeDefersTheReminder() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        lm().followUps().snooze(manager(), followUp.id(), Duration.ofMinutes(15));
        ReminderDispatcher dispatcher = dispatcher();
        fx.clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        assertTrue(delivered().isEmpty());
        fx.clock.advance(Duration.ofMinutes(15));
        dispatcher.dispatchDue();
        assertEquals(List.of(followUp.id()), delivered());
    }

    @Test
    void aFailingNotifierIsRetriedAfterBackoffThenMarkedFailed() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        notifier.failWhen(r -> r.followUp().id().equals(followUp.id()));
        ReminderDispatcher dispatcher = dispatcher();
        fx.clock.advance(Duration.ofMinutes(10));

        dispatcher.dispatchDue();
        assertEquals(1, notifier.attempts(followUp.id()).size());
        assertEquals(ReminderState.PENDING, current(followUp).reminder());
        assertNotNull(current(followUp).lastError());
        dispatcher.dispatchDue();
        fx.clock.advance(BACKOFF.minusSeconds(1));
        dispatcher.dispatchDue();
        assertEquals(1, notifier.attempts(followUp.id()).size(), "waits for the backoff");

        fx.clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertEquals(2, notifier.attempts(followUp.id()).size());
        fx.clock.advance(BACKOFF.multipliedBy(2).minusSeconds(1));
        dispatcher.dispatchDue();
        assertEquals(2, notifier.attempts(followUp.id()).size(), "the backoff doubles");
        fx.clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        List<Reminder> attempts = notifier.attempts(followUp.id());
        assertEquals(List.of(1, 2, 3), attempts.stream().map(Reminder::attempt).toList());
        assertEquals(1, attempts.stream().map(Reminder::idempotencyKey).distinct().count());
        FollowUp failed = current(followUp);
        assertEquals(ReminderState.FAILED, failed.reminder());
        assertNotNull(failed.lastError());
        assertTrue(failed.open());
        assertEquals(List.of(followUp.id()),
                lm().followUps().failedReminders(manager()).stream().map(FollowUp::id).toList());

        notifier.failWhen(r -> false);
        fx.clock.advance(Duration.ofHours(2));
        dispatcher.dispatchDue();
        assertEquals(3, notifier.attempts(followUp.id()).size(), "a failed reminder is not retried any more");
        assertTrue(delivered().isEmpty());

        lm().followUps().reschedule(manager(), followUp.id(), fx.clock.instant().plus(Duration.ofMinutes(5)));
        assertTrue(lm().followUps().failedReminders(manager()).isEmpty(), "rescheduling gives it a new chance");
        fx.clock.advance(Duration.ofMinutes(5));
        dispatcher.dispatchDue();
        assertEquals(List.of(followUp.id()), delivered());
    }

    @Test
    void aCrashedNodesClaimIsTakenOverWhenItsLeaseExpires() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        notifier.crashWhen(r -> r.followUp().id().equals(followUp.id()) && r.attempt() == 1);
        ReminderDispatcher crashing = dispatcher(lm(), "tck-node-crashing");
        ReminderDispatcher survivor = dispatcher(fx.newLeadManager(b -> { }), "tck-node-survivor");
        fx.clock.advance(Duration.ofMinutes(10));

        assertThrows(RecordingNotifier.Crash.class, crashing::dispatchDue);

        FollowUp claimed = current(followUp);
        assertEquals(ReminderState.CLAIMED, claimed.reminder());
        assertEquals("tck-node-crashing", claimed.claimedBy());
        survivor.dispatchDue();
        fx.clock.advance(LEASE.minusSeconds(1));
        survivor.dispatchDue();
        assertEquals(1, notifier.attempts(followUp.id()).size(), "the lease holds");

        fx.clock.advance(Duration.ofSeconds(1));
        survivor.dispatchDue();
        survivor.dispatchDue();

        assertEquals(List.of(followUp.id()), delivered());
        Reminder taken = notifier.delivered(fx.tenant).get(0);
        assertEquals(2, taken.attempt());
        assertEquals(notifier.attempts(followUp.id()).get(0).idempotencyKey(), taken.idempotencyKey(),
                "the same idempotency key lets the host drop a duplicate");
        assertEquals(ReminderState.FIRED, current(followUp).reminder());
    }

    @Test
    void theOverviewShowsRemindedOverdueFollowUps() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        fx.clock.advance(Duration.ofMinutes(10));
        dispatcher().dispatchDue();
        Instant remindedAt = fx.clock.instant();
        fx.clock.advance(Duration.ofMinutes(1));

        FollowUpOverview overview = lm().followUps().overview(fx.agent(fx.alice), fx.alice);

        assertEquals(List.of(followUp.id()), overview.overdue().stream().map(e -> e.followUp().id()).toList());
        assertEquals(remindedAt, overview.overdue().get(0).followUp().remindedAt());
    }

    @Test
    void oneCallFiresEveryDueReminderBatchAfterBatch() {
        Lead lead = lead();
        List<FollowUpId> due = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            due.add(dueIn(lead, Duration.ofMinutes(1 + i % 5)).id());
        }
        FollowUp notYet = dueIn(lead, Duration.ofMinutes(30));
        fx.clock.advance(Duration.ofMinutes(5));

        dispatcher().dispatchDue();

        assertEquals(java.util.Set.copyOf(due), java.util.Set.copyOf(delivered()));
        assertEquals(45, delivered().size());
        assertTrue(notifier.attempts(notYet.id()).isEmpty());
    }

    @Test
    void aStartedDispatcherFiresInTheBackgroundUntilStopped() throws InterruptedException {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        fx.clock.advance(Duration.ofMinutes(1));
        CountDownLatch fired = new CountDownLatch(1);
        ReminderDispatcher background = lm().reminderDispatcher(ReminderDispatcher.Options.defaults(reminder -> {
            notifier.notify(reminder);
            if (reminder.followUp().id().equals(followUp.id())) {
                fired.countDown();
            }
        }).withNodeId("tck-background").withPollInterval(Duration.ofMillis(10)));
        dispatchers.add(background);

        background.start();
        assertThrows(IllegalStateException.class, background::start);
        assertTrue(fired.await(30, TimeUnit.SECONDS), "the started dispatcher fires due reminders");
        background.stop();
        background.stop();

        assertThrows(IllegalStateException.class, background::start);
        assertEquals(List.of(followUp.id()), delivered());
    }
}
