package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.error.StoreException;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.ReminderQueue;
import org.leadmanager.spi.host.Reminder;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.tck.ForwardingSession;
import org.leadmanager.tck.RecordingNotifier;
import org.leadmanager.tck.TckFixture;

/**
 * Stores whose claims or updates behave unusually. A store may claim fewer follow-ups than asked while more are due
 * ({@code claimDue} claims "up to" the limit): the JPA store on H2 does when another node wins some of the rows it
 * read; {@code dispatchDue()} must still fire everything due before it returns. A claim may fail: when the next
 * batch is claimed in the unit of work that marks the previous one fired, a failing claim must not undo the marks.
 * And a store may refuse to record a failed attempt: the attempt must count all the same, so a reminder is never
 * sent more than {@code maxAttempts} times.
 */
class UnusualStoresTest {
    private static final int MOST_PER_CLAIM = 3;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration BACKOFF = Duration.ofMinutes(1);

    /** How the wrapped store claims; {@code afterFiring}: inside a unit of work that already marked reminders. */
    private interface Claim {
        Claim AS_IS = (r, afterFiring, now, limit, node, leaseUntil) -> r.claimDue(now, limit, node, leaseUntil);

        List<FollowUp> claim(ReminderQueue r, boolean afterFiring, Instant now, int limit, String node,
                Instant leaseUntil);
    }

    /** How the wrapped store records a failed attempt. */
    private interface Update {
        Update AS_IS = ReminderQueue::recordFailure;

        boolean record(ReminderQueue r, FollowUp claimed, String error, Instant retryAt);
    }

    private static TckFixture thirtyDue(Claim claim) {
        TckFixture fx = TckFixture.create(new ClaimingStore(InMemoryLeadStore.create(), claim, Update.AS_IS));
        Lead lead = fx.lead(fx.project().id());
        for (int i = 0; i < 30; i++) {
            fx.lm.followUps().schedule(fx.manager, lead.id(), fx.clock.instant().plus(Duration.ofMinutes(1)),
                    "Call back " + i, fx.alice);
        }
        fx.clock.advance(Duration.ofMinutes(1));
        return fx;
    }

    @Test
    void dispatchDueFiresEverythingDueWhenClaimsComeBackShort() {
        TckFixture fx = thirtyDue((r, afterFiring, now, limit, node, lease) ->
                r.claimDue(now, Math.min(limit, MOST_PER_CLAIM), node, lease));
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderDispatcher dispatcher = fx.lm.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                .withNodeId("short-claims").withBatchSize(20));

        assertEquals(30, dispatcher.dispatchDue(), "one call fires everything due");
        assertEquals(30, notifier.delivered(fx.tenant).size());
    }

    @Test
    void aFailingNextClaimDoesNotUndoTheMarksOfTheBatchBefore() {
        AtomicInteger failed = new AtomicInteger();
        TckFixture fx = thirtyDue((r, afterFiring, now, limit, node, lease) -> {
            if (afterFiring) {
                failed.incrementAndGet();
                throw new IllegalStateException("connection lost while claiming");
            }
            return r.claimDue(now, limit, node, lease);
        });
        RecordingNotifier notifier = new RecordingNotifier();
        // without a publisher the dispatcher claims the next batch in the unit of work that marks this one
        ReminderDispatcher dispatcher = fx.newLeadManager(b -> b.events(EventPublisher.none()))
                .reminderDispatcher(ReminderDispatcher.Options.defaults(notifier).withNodeId("failing-claims")
                        .withBatchSize(20));

        assertEquals(30, dispatcher.dispatchDue());

        assertTrue(failed.get() > 0, "the combined claim was tried and failed");
        assertEquals(30, notifier.delivered(fx.tenant).size(), "each reminder sent once");
        assertEquals(30, fx.lm.followUps().forLead(fx.manager, notifier.delivered(fx.tenant).get(0).followUp().lead())
                .stream().filter(f -> f.reminder() == ReminderState.FIRED).count(), "every reminder marked fired");
    }

    // ---- a store that cannot record a failed attempt

    /** One follow-up overdue now, on a store that updates as told. */
    private static TckFixture oneDue(Update update) {
        TckFixture fx = TckFixture.create(new ClaimingStore(InMemoryLeadStore.create(), Claim.AS_IS, update));
        Lead lead = fx.lead(fx.project().id());
        fx.lm.followUps().schedule(fx.manager, lead.id(), fx.clock.instant().plus(Duration.ofMinutes(1)),
                "Call back", fx.alice);
        fx.clock.advance(Duration.ofMinutes(2));
        return fx;
    }

    private static ReminderDispatcher twoAttempts(TckFixture fx, RecordingNotifier notifier) {
        return fx.lm.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier).withNodeId("refused-records")
                .withLease(LEASE).withRetries(2, BACKOFF));
    }

    /** The follow-up of {@link #oneDue}, as stored. */
    private static FollowUp only(TckFixture fx) {
        return fx.lm.followUps().overview(fx.agent(fx.alice), fx.alice).overdue().get(0).followUp();
    }

    @Test
    void aFailureTheStoreCannotRecordStillCountsAsAnAttempt() {
        AtomicBoolean refuse = new AtomicBoolean(true);
        AtomicInteger refused = new AtomicInteger();
        TckFixture fx = oneDue((r, f, error, retryAt) -> {
            if (refuse.get()) {
                refused.incrementAndGet();
                throw new StoreException("the database is read-only for this row", null);
            }
            return r.recordFailure(f, error, retryAt);
        });
        RecordingNotifier notifier = new RecordingNotifier();
        notifier.failWhen(r -> true);
        ReminderDispatcher dispatcher = twoAttempts(fx, notifier);

        dispatcher.dispatchDue();
        assertEquals(2, refused.get(), "the error's text, then the fixed text");
        assertEquals(ReminderState.CLAIMED, only(fx).reminder(), "nothing recorded: the claim stays until its lease ends");
        fx.clock.advance(LEASE);
        dispatcher.dispatchDue();
        assertEquals(2, notifier.attempts(fx.tenant).size(), "the unrecorded attempt counted: one attempt left");
        for (int lease = 0; lease < 5; lease++) {
            fx.clock.advance(LEASE);
            dispatcher.dispatchDue();
        }
        assertEquals(2, notifier.attempts(fx.tenant).size(), "never sent more than maxAttempts times");
        assertEquals(List.of(1, 2), notifier.attempts(fx.tenant).stream().map(Reminder::attempt).toList());
        assertTrue(fx.lm.followUps().failedReminders(fx.manager).isEmpty(), "the store took no failure yet");

        refuse.set(false);
        fx.clock.advance(LEASE);
        dispatcher.dispatchDue();

        assertEquals(2, notifier.attempts(fx.tenant).size());
        List<FollowUp> failed = fx.lm.followUps().failedReminders(fx.manager);
        assertEquals(List.of(only(fx).id()), failed.stream().map(FollowUp::id).toList(),
                "marked failed once the store takes the write, without calling the notifier");
        assertEquals("the last of 2 attempts ended without a recorded outcome; not sent again",
                failed.get(0).lastError());
    }

    @Test
    void anErrorTextTheStoreRefusesIsRecordedAsAFixedText() {
        // a column in a single-byte character set, say: anything beyond ASCII is refused
        TckFixture fx = oneDue((r, f, error, retryAt) -> {
            if (error.chars().anyMatch(c -> c > 0x7F)) {
                throw new StoreException("Incorrect string value for column 'last_error'", null);
            }
            return r.recordFailure(f, error, retryAt);
        });
        RecordingNotifier notifier = new RecordingNotifier();
        notifier.failWith(r -> new IOException("Zustellung fehlgeschlagen: Empfänger unbekannt"));
        ReminderDispatcher dispatcher = twoAttempts(fx, notifier);
        String fixed = "the notifier failed; its error text could not be stored";

        dispatcher.dispatchDue();
        assertEquals(ReminderState.PENDING, only(fx).reminder(), "recorded, waiting for its retry");
        assertEquals(fixed, only(fx).lastError());
        fx.clock.advance(BACKOFF);
        dispatcher.dispatchDue();

        assertEquals(2, notifier.attempts(fx.tenant).size());
        List<FollowUp> failed = fx.lm.followUps().failedReminders(fx.manager);
        assertEquals(1, failed.size());
        assertEquals(fixed, failed.get(0).lastError());
    }

    @Test
    void anExceptionWhoseMessageThrowsIsRecordedByItsClassName() {
        TckFixture fx = oneDue(Update.AS_IS);
        RecordingNotifier notifier = new RecordingNotifier();
        notifier.failWith(r -> new UnreadableException());
        ReminderDispatcher dispatcher = twoAttempts(fx, notifier);

        dispatcher.dispatchDue();
        fx.clock.advance(BACKOFF);
        dispatcher.dispatchDue();

        assertEquals(2, notifier.attempts(fx.tenant).size());
        List<FollowUp> failed = fx.lm.followUps().failedReminders(fx.manager);
        assertEquals(1, failed.size());
        assertEquals(UnreadableException.class.getName(), failed.get(0).lastError());
    }

    /** An exception whose message cannot be read: every way to print it throws. */
    private static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("message unavailable");
        }
    }

    /** The in-memory store, claiming reminders and recording failed attempts as told. */
    private static final class ClaimingStore implements LeadStore {
        private final LeadStore store;
        private final Claim claim;
        private final Update update;

        ClaimingStore(LeadStore store, Claim claim, Update update) {
            this.store = store;
            this.claim = claim;
            this.update = update;
        }

        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            return store.inTransaction(s -> work.apply(new ClaimingSession(s, new ClaimingReminders(s.reminders(),
                    claim, update, new boolean[1]))));
        }
    }

    /** The in-memory session with its reminder queue replaced. */
    private static final class ClaimingSession extends ForwardingSession {
        private final ReminderQueue reminders;

        ClaimingSession(StoreSession s, ReminderQueue reminders) {
            super(s);
            this.reminders = reminders;
        }

        @Override
        public ReminderQueue reminders() {
            return reminders;
        }
    }

    /** {@code fired[0]}: whether this unit of work marked reminders fired. */
    private record ClaimingReminders(ReminderQueue r, Claim claim, Update update, boolean[] fired)
            implements ReminderQueue {
        @Override
        public List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil) {
            return claim.claim(r, fired[0], now, limit, node, leaseUntil);
        }

        @Override
        public List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now) {
            fired[0] = true;
            return r.fireClaimed(tenant, claimed, now);
        }

        @Override
        public boolean recordFailure(FollowUp claimed, String error, Instant retryAt) {
            return update.record(r, claimed, error, retryAt);
        }

        @Override
        public List<FollowUp> findFailed(TenantId tenant, int limit) {
            return r.findFailed(tenant, limit);
        }
    }
}
