package org.leadmanager.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leadmanager.FollowUpOverview;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.event.DomainEvent.FollowUpDue;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.FollowUpState;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.host.ReminderNotifier;

/**
 * Capability 5, reminders over a follow-up's life, beyond {@link RemindersContract}: a reminder that fell due
 * while no dispatcher ran; snoozing, completing or rescheduling a follow-up after its reminder fired or while it is
 * being sent; one failing reminder in a batch; the cap on retry backoff; notifier errors whose text no database
 * column takes as it is; failed reminders of closed follow-ups; and the started dispatcher polling, stopping and surviving a notifier that throws an {@link Error}. The dispatchers
 * claim due follow-ups of every tenant in the store, so assertions look at this test's tenant only.
 * Started dispatchers poll every 10 ms; the tests wait on latches for what they expect, never on the wall clock.
 */
public abstract class ReminderLifecycleContract extends ContractBase {
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final long PATIENCE_SECONDS = 30;

    private final RecordingNotifier notifier = new RecordingNotifier();
    private final List<ReminderDispatcher> dispatchers = new ArrayList<>();

    @AfterEach
    void stopDispatchers() {
        dispatchers.forEach(ReminderDispatcher::close);
    }

    private ReminderDispatcher dispatcher(ReminderNotifier to, int maxAttempts, Duration backoff) {
        ReminderDispatcher d = lm().reminderDispatcher(ReminderDispatcher.Options.defaults(to)
                .withNodeId("tck-lifecycle").withLease(LEASE).withRetries(maxAttempts, backoff)
                .withPollInterval(POLL));
        dispatchers.add(d);
        return d;
    }

    private ReminderDispatcher dispatcher() {
        return dispatcher(notifier, 3, Duration.ofMinutes(1));
    }

    private Lead lead() {
        Lead lead = fx.lead(fx.project().id());
        return lm().leads().assign(manager(), lead.id(), fx.alice);
    }

    private FollowUp dueIn(Lead lead, Duration in) {
        return lm().followUps().schedule(manager(), lead.id(), fx.clock.instant().plus(in), "Call back");
    }

    private FollowUp current(FollowUp followUp) {
        return lm().followUps().forLead(manager(), followUp.lead()).stream()
                .filter(f -> f.id().equals(followUp.id())).findFirst().orElseThrow();
    }

    @Test
    void withoutAPublisherBatchAfterBatchFiresEachReminderOnceAndMarksIt() {
        Lead lead = lead();
        List<FollowUp> due = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            due.add(dueIn(lead, Duration.ofMinutes(1)));
        }
        fx.clock.advance(Duration.ofMinutes(1));
        ReminderDispatcher silent = fx.newLeadManager(b -> b.events(org.leadmanager.spi.host.EventPublisher.none()))
                .reminderDispatcher(ReminderDispatcher.Options.defaults(notifier).withNodeId("tck-silent")
                        .withBatchSize(3).withLease(LEASE));
        dispatchers.add(silent);

        silent.dispatchDue();

        assertEquals(due.stream().map(FollowUp::id).sorted().toList(), delivered().stream().sorted().toList(),
                "each once, over three batches");
        for (FollowUp f : due) {
            assertEquals(ReminderState.FIRED, current(f).reminder(), "marked fired: " + f.id());
        }
        assertEquals(0, silent.dispatchDue(), "nothing left claimed or due");
    }

    private List<FollowUpId> delivered() {
        return notifier.delivered(fx.tenant).stream().map(r -> r.followUp().id()).toList();
    }

    private List<FollowUpId> dueEvents() {
        fx.relayEvents();
        return fx.events.events(fx.tenant, FollowUpDue.class).stream().map(FollowUpDue::followUp).toList();
    }

    /** A notifier that records and counts down when the follow-up is delivered. */
    private ReminderNotifier signalling(FollowUp followUp, CountDownLatch latch) {
        return reminder -> {
            notifier.notify(reminder);
            if (reminder.followUp().id().equals(followUp.id())) {
                latch.countDown();
            }
        };
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertTrue(latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS), what);
    }

    @Test
    void aReminderSentWhileItsContactIsMergedIsRecordedOnTheSurvivingLead() {
        Lead merged = lead();
        Lead surviving = fx.lead(merged.project());
        FollowUp followUp = dueIn(merged, Duration.ofHours(1));
        fx.clock.advance(Duration.ofHours(2));

        int fired = dispatcher(reminder -> {
            notifier.notify(reminder);
            lm().leads().contactsMerged(manager(), merged.contact(), surviving.contact());
        }, 3, Duration.ofMinutes(1)).dispatchDue();

        assertEquals(1, fired);
        FollowUp after = lm().followUps().forLead(manager(), surviving.id()).stream()
                .filter(f -> f.id().equals(followUp.id())).findFirst().orElseThrow();
        assertEquals(ReminderState.FIRED, after.reminder());
        fx.relayEvents();
        assertEquals(List.of(surviving.id()),
                fx.events.events(fx.tenant, FollowUpDue.class).stream().map(FollowUpDue::lead).toList());
        assertTrue(lm().leads().timeline(manager(), surviving.id()).stream()
                .anyMatch(a -> a.type() == org.leadmanager.domain.lead.ActivityType.FOLLOW_UP_REMINDED));
    }

    @Test
    void aReminderThatFellDueWhileNoDispatcherRanFiresOnceWhenOneStarts() throws InterruptedException {
        FollowUp followUp = dueIn(lead(), Duration.ofHours(1));
        fx.clock.advance(Duration.ofDays(3));
        CountDownLatch fired = new CountDownLatch(1);
        ReminderDispatcher started = dispatcher(signalling(followUp, fired), 3, Duration.ofMinutes(1));

        started.start();
        await(fired, "the started dispatcher fires the reminder that fell due while none ran");
        started.stop();

        assertEquals(List.of(followUp.id()), delivered(), "once, although it polled again and again");
        Reminder reminder = notifier.delivered(fx.tenant).get(0);
        assertEquals(followUp.id() + "@" + followUp.dueAt(), reminder.idempotencyKey(), "keyed by the due time");
        assertEquals(1, reminder.attempt());
        assertEquals(fx.clock.instant(), current(followUp).remindedAt());
        assertEquals(List.of(followUp.id()), dueEvents());
    }

    @Test
    void aRemindedFollowUpSnoozedFiresAgainOnceAtTheNewTime() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        ReminderDispatcher dispatcher = dispatcher();
        fx.clock.advance(Duration.ofMinutes(15));
        dispatcher.dispatchDue();

        FollowUp snoozed = lm().followUps().snooze(manager(), followUp.id(), Duration.ofMinutes(30));

        assertEquals(fx.clock.instant().plus(Duration.ofMinutes(30)), snoozed.dueAt(), "snoozed from now");
        assertEquals(ReminderState.PENDING, snoozed.reminder());
        assertNull(snoozed.remindedAt());
        fx.clock.advance(Duration.ofMinutes(29));
        dispatcher.dispatchDue();
        assertEquals(1, delivered().size(), "not due again yet");
        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        fx.clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();

        assertEquals(List.of(followUp.id(), followUp.id()), delivered(), "once per due time");
        assertEquals(followUp.id() + "@" + snoozed.dueAt(), notifier.delivered(fx.tenant).get(1).idempotencyKey());
        assertEquals(List.of(followUp.id(), followUp.id()), dueEvents());
    }

    @Test
    void anOverdueRemindedFollowUpStaysInTheOverviewUntilCompleted() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(10));
        ReminderDispatcher dispatcher = dispatcher();
        fx.clock.advance(Duration.ofMinutes(10));
        dispatcher.dispatchDue();
        Instant remindedAt = fx.clock.instant();

        for (int day = 1; day <= 3; day++) {
            fx.clock.advance(Duration.ofDays(1));
            dispatcher.dispatchDue();
            FollowUpOverview overview = lm().followUps().overview(fx.agent(fx.alice), fx.alice);
            assertEquals(List.of(followUp.id()), overview.overdue().stream().map(e -> e.followUp().id()).toList(),
                    "still overdue on day " + day);
            assertEquals(remindedAt, overview.overdue().get(0).followUp().remindedAt());
        }
        assertEquals(1, delivered().size(), "reminded once, however long it stays overdue");

        lm().followUps().complete(manager(), followUp.id());

        FollowUpOverview after = lm().followUps().overview(fx.agent(fx.alice), fx.alice);
        assertTrue(after.overdue().isEmpty() && after.dueToday().isEmpty() && after.upcoming().isEmpty());
        assertEquals(remindedAt, current(followUp).remindedAt(), "the follow-up keeps when it was reminded");
    }

    @Test
    void retryPausesDoubleUpToOneHour() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        notifier.failWhen(r -> r.followUp().id().equals(followUp.id()));
        ReminderDispatcher dispatcher = dispatcher(notifier, 5, Duration.ofMinutes(20));
        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();

        List<Duration> pauses = List.of(Duration.ofMinutes(20), Duration.ofMinutes(40), Duration.ofHours(1),
                Duration.ofHours(1));
        for (int i = 0; i < pauses.size(); i++) {
            fx.clock.advance(pauses.get(i).minusSeconds(1));
            dispatcher.dispatchDue();
            assertEquals(i + 1, notifier.attempts(followUp.id()).size(), "attempt " + (i + 2) + " waits");
            fx.clock.advance(Duration.ofSeconds(1));
            dispatcher.dispatchDue();
            assertEquals(i + 2, notifier.attempts(followUp.id()).size(), "attempt " + (i + 2) + " after "
                    + pauses.get(i));
        }

        assertEquals(ReminderState.FAILED, current(followUp).reminder(), "after the fifth attempt");
        assertTrue(current(followUp).lastError().contains("notifier is down"), current(followUp).lastError());
        fx.clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();
        assertEquals(5, notifier.attempts(followUp.id()).size());
        assertTrue(dueEvents().isEmpty(), "a reminder that never went out is not due-published");
    }

    @Test
    void aFailingReminderDoesNotHoldUpTheRestOfItsBatch() {
        Lead lead = lead();
        FollowUp first = dueIn(lead, Duration.ofMinutes(1));
        FollowUp failing = dueIn(lead, Duration.ofMinutes(2));
        FollowUp last = dueIn(lead, Duration.ofMinutes(3));
        notifier.failWhen(r -> r.followUp().id().equals(failing.id()));
        fx.clock.advance(Duration.ofMinutes(3));

        dispatcher().dispatchDue();

        assertEquals(List.of(first.id(), last.id()), delivered());
        assertEquals(ReminderState.FIRED, current(first).reminder());
        assertEquals(ReminderState.FIRED, current(last).reminder());
        assertEquals(ReminderState.PENDING, current(failing).reminder(), "waiting for its retry");
        assertEquals(List.of(first.id(), last.id()), dueEvents());
    }

    @Test
    void aFailedReminderLeavesTheFailedListWhenItsFollowUpIsClosed() {
        Lead lead = lead();
        FollowUp completed = dueIn(lead, Duration.ofMinutes(1));
        FollowUp cancelled = dueIn(lead, Duration.ofMinutes(1));
        notifier.failWhen(r -> r.followUp().tenant().equals(fx.tenant));
        ReminderDispatcher dispatcher = dispatcher(notifier, 1, Duration.ZERO);
        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertEquals(List.of(completed.id(), cancelled.id()).stream().sorted().toList(),
                lm().followUps().failedReminders(manager()).stream().map(FollowUp::id).sorted().toList());

        lm().followUps().complete(manager(), completed.id());
        lm().followUps().cancel(manager(), cancelled.id());

        assertEquals(List.of(), lm().followUps().failedReminders(manager()),
                "failed reminders lists open follow-ups only");
    }

    @Test
    void aFollowUpCompletedWhileItsReminderIsSentIsNotRemindedAgain() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        ReminderDispatcher dispatcher = dispatcher(reminder -> {
            notifier.notify(reminder);
            if (reminder.followUp().id().equals(followUp.id())) {
                lm().followUps().complete(manager(), followUp.id());
            }
        }, 3, Duration.ofMinutes(1));
        fx.clock.advance(Duration.ofMinutes(1));

        dispatcher.dispatchDue();
        fx.clock.advance(LEASE.multipliedBy(2));
        dispatcher.dispatchDue();

        assertEquals(List.of(followUp.id()), delivered());
        assertEquals(FollowUpState.COMPLETED, current(followUp).state());
        assertTrue(dueEvents().isEmpty(), "completed before it could be marked fired");
    }

    @Test
    void aFollowUpRescheduledWhileItsReminderIsSentFiresAgainAtTheNewTime() {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        Instant newDue = fx.clock.instant().plus(Duration.ofHours(1));
        AtomicInteger calls = new AtomicInteger();
        ReminderDispatcher dispatcher = dispatcher(reminder -> {
            notifier.notify(reminder);
            if (reminder.followUp().id().equals(followUp.id()) && calls.incrementAndGet() == 1) {
                lm().followUps().reschedule(manager(), followUp.id(), newDue);
            }
        }, 3, Duration.ofMinutes(1));
        fx.clock.advance(Duration.ofMinutes(1));

        dispatcher.dispatchDue();
        assertEquals(ReminderState.PENDING, current(followUp).reminder(), "the reschedule wins over the marking");
        fx.clock.advance(LEASE);
        dispatcher.dispatchDue();
        assertEquals(1, delivered().size(), "not before the new time");
        fx.clock.set(newDue);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        List<Reminder> reminders = notifier.delivered(fx.tenant);
        assertEquals(2, reminders.size());
        assertEquals(followUp.id() + "@" + newDue, reminders.get(1).idempotencyKey());
        assertEquals(ReminderState.FIRED, current(followUp).reminder());
        assertEquals(List.of(followUp.id()), dueEvents(), "marked fired once, at the new time");
    }

    @Test
    void aStartedDispatcherFiresFollowUpsThatFallDueWhileItRuns() throws InterruptedException {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(5));
        CountDownLatch fired = new CountDownLatch(1);
        ReminderDispatcher started = dispatcher(signalling(followUp, fired), 3, Duration.ofMinutes(1));
        try (started) {
            started.start();
            fx.clock.advance(Duration.ofMinutes(5));
            await(fired, "the running dispatcher fires the follow-up once the clock reaches its due time");
        }

        assertEquals(List.of(followUp.id()), delivered());
        assertEquals(ReminderState.FIRED, current(followUp).reminder());
        IllegalStateException closed = assertThrows(IllegalStateException.class, started::start);
        assertTrue(closed.getMessage().contains("tck-lifecycle"), "names the node: " + closed.getMessage());
    }

    @Test
    void stopWaitsForTheRunningBatch() throws InterruptedException {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        fx.clock.advance(Duration.ofMinutes(1));
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ReminderDispatcher started = dispatcher(reminder -> {
            if (reminder.followUp().id().equals(followUp.id())) {
                sending.countDown();
                release.await();
            }
            notifier.notify(reminder);
        }, 3, Duration.ofMinutes(1));
        started.start();
        await(sending, "the dispatcher calls the notifier");

        Thread stopper = new Thread(started::stop, "tck-stopper");
        try {
            stopper.start();
            Thread.State state;
            while ((state = stopper.getState()) == Thread.State.NEW || state == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
            assertNotEquals(Thread.State.TERMINATED, state, "stop() returned while a batch was running");
        } finally {
            release.countDown();
        }
        stopper.join(TimeUnit.SECONDS.toMillis(PATIENCE_SECONDS));

        assertFalse(stopper.isAlive(), "stop() returns once the batch is done");
        assertEquals(ReminderState.FIRED, current(followUp).reminder(), "the running batch was finished");
    }

    @Test
    void aStartedDispatcherKeepsPollingAfterTheNotifierThrowsAnError() throws InterruptedException {
        FollowUp followUp = dueIn(lead(), Duration.ofMinutes(1));
        CountDownLatch crashed = new CountDownLatch(1);
        CountDownLatch fired = new CountDownLatch(1);
        ReminderDispatcher started = dispatcher(reminder -> {
            if (reminder.followUp().id().equals(followUp.id()) && reminder.attempt() == 1) {
                crashed.countDown();
                throw new AssertionError("a broken notifier (TCK)");
            }
            signalling(followUp, fired).notify(reminder);
        }, 3, Duration.ofMinutes(1));
        fx.clock.advance(Duration.ofMinutes(1));
        started.start();
        await(crashed, "the notifier is called");

        fx.clock.advance(LEASE);

        await(fired, "the dispatcher still polls, and retries once the failed attempt's lease ended");
        assertEquals(List.of(followUp.id()), delivered());
        assertEquals(2, notifier.delivered(fx.tenant).get(0).attempt());
    }

    @Test
    void aFailureIsRecordedAndEndsTheRetriesWhateverItsMessage() {
        Lead lead = lead();
        FollowUp controls = dueIn(lead, Duration.ofMinutes(1));
        FollowUp halves = dueIn(lead, Duration.ofMinutes(1));
        FollowUp huge = dueIn(lead, Duration.ofMinutes(1));
        FollowUp silent = dueIn(lead, Duration.ofMinutes(1));
        String smiley = "\uD83D\uDE00";
        // NUL is refused by PostgreSQL text, a lone surrogate has no UTF-8 form, 100,000 characters overflow
        Map<FollowUpId, Supplier<Exception>> failures = Map.of(
                controls.id(),
                () -> new IllegalStateException("nul\u0000 esc\u001B[0m\ttab\r\nline \uFFFF\uDBFF\uDFFF"),
                halves.id(), () -> new IllegalStateException("lone \uD800 and \uDC00 halves, " + smiley + " whole"),
                huge.id(), () -> new IllegalStateException(smiley.repeat(50_000)),
                silent.id(), IllegalStateException::new);
        notifier.failWith(r -> failures.containsKey(r.followUp().id()) ? failures.get(r.followUp().id()).get() : null);
        ReminderDispatcher dispatcher = dispatcher(notifier, 2, Duration.ofMinutes(1));
        String prefix = IllegalStateException.class.getName() + ": ";
        String controlsText = prefix + "nul\uFFFD esc\uFFFD[0m\ttab\r\nline \uFFFD\uFFFD";

        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        assertEquals(ReminderState.PENDING, current(controls).reminder(), "the first failure is recorded");
        assertEquals(controlsText, current(controls).lastError());
        fx.clock.advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        // long past any lease: an attempt whose failure was not recorded would be claimed and sent again
        fx.clock.advance(Duration.ofDays(1));
        dispatcher.dispatchDue();

        for (FollowUp f : List.of(controls, halves, huge, silent)) {
            assertEquals(2, notifier.attempts(f.id()).size(), "maxAttempts calls for " + f.id());
            assertEquals(ReminderState.FAILED, current(f).reminder());
        }
        Map<FollowUpId, String> errors = new java.util.HashMap<>();
        lm().followUps().failedReminders(manager()).forEach(f -> errors.put(f.id(), f.lastError()));
        assertEquals(java.util.Set.of(controls.id(), halves.id(), huge.id(), silent.id()), errors.keySet());
        assertEquals(controlsText, errors.get(controls.id()), "controls and non-characters replaced");
        assertEquals(prefix + "lone \uFFFD and \uFFFD halves, " + smiley + " whole", errors.get(halves.id()),
                "lone surrogates replaced, pairs kept");
        assertEquals(IllegalStateException.class.getName(), errors.get(silent.id()), "no message: the class name");
        String cut = errors.get(huge.id());
        assertTrue(cut.startsWith(prefix + smiley) && cut.length() <= FollowUp.MAX_ERROR
                && cut.length() > FollowUp.MAX_ERROR - 10, "cut to the limit: " + cut.length() + " chars");
        assertTrue(cut.codePoints()
                .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE), "no surrogate pair cut in half");
    }
}
