package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.spi.ActivityRepository;
import org.leadmanager.spi.EventPublisher;
import org.leadmanager.spi.FollowUpRepository;
import org.leadmanager.spi.LeadRepository;
import org.leadmanager.spi.LeadStore;
import org.leadmanager.spi.MarketingActionRepository;
import org.leadmanager.spi.NoteRepository;
import org.leadmanager.spi.ProjectRepository;
import org.leadmanager.spi.SavedSearchRepository;
import org.leadmanager.spi.StoreSession;
import org.leadmanager.tck.RecordingNotifier;
import org.leadmanager.tck.TckFixture;

/**
 * Stores whose claims behave unusually. A store may claim fewer follow-ups than asked while more are due
 * ({@code claimDue} claims "up to" the limit): the JPA store on H2 does when another node wins some of the rows it
 * read; {@code dispatchDue()} must still fire everything due before it returns. And a claim may fail: when the next
 * batch is claimed in the unit of work that marks the previous one fired, a failing claim must not undo the marks.
 */
class UnusualClaimsTest {
    private static final int MOST_PER_CLAIM = 3;

    /** How the wrapped store claims; {@code afterFiring}: inside a unit of work that already marked reminders. */
    private interface Claim {
        List<FollowUp> claim(FollowUpRepository r, boolean afterFiring, Instant now, int limit, String node,
                Instant leaseUntil);
    }

    private static TckFixture thirtyDue(Claim claim) {
        TckFixture fx = TckFixture.create(new ClaimingStore(InMemoryLeadStore.create(), claim));
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

    /** The in-memory store, claiming as told. */
    private static final class ClaimingStore implements LeadStore {
        private final LeadStore store;
        private final Claim claim;

        ClaimingStore(LeadStore store, Claim claim) {
            this.store = store;
            this.claim = claim;
        }

        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            return store.inTransaction(s -> work.apply(new ClaimingSession(s, new ClaimingFollowUps(s.followUps(),
                    claim, new boolean[1]))));
        }

        @Override
        public int relayEvents(EventPublisher publisher) {
            return store.relayEvents(publisher);
        }
    }

    private record ClaimingSession(StoreSession s, FollowUpRepository followUps) implements StoreSession {
        @Override
        public ProjectRepository projects() {
            return s.projects();
        }

        @Override
        public MarketingActionRepository actions() {
            return s.actions();
        }

        @Override
        public LeadRepository leads() {
            return s.leads();
        }

        @Override
        public NoteRepository notes() {
            return s.notes();
        }

        @Override
        public ActivityRepository activities() {
            return s.activities();
        }


        @Override
        public SavedSearchRepository savedSearches() {
            return s.savedSearches();
        }

        @Override
        public void recordEvents(List<EventEnvelope> events) {
            s.recordEvents(events);
        }
    }

    /** {@code fired[0]}: whether this unit of work marked reminders fired. */
    private record ClaimingFollowUps(FollowUpRepository r, Claim claim, boolean[] fired) implements FollowUpRepository {
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
        public void insert(FollowUp followUp) {
            r.insert(followUp);
        }

        @Override
        public FollowUp update(FollowUp followUp) {
            return r.update(followUp);
        }

        @Override
        public Optional<FollowUp> find(TenantId tenant, FollowUpId id) {
            return r.find(tenant, id);
        }

        @Override
        public List<FollowUp> findByLead(TenantId tenant, LeadId lead) {
            return r.findByLead(tenant, lead);
        }

        @Override
        public List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit) {
            return r.findOpenByOwner(tenant, owner, limit);
        }

        @Override
        public void moveAll(TenantId tenant, LeadId from, LeadId into) {
            r.moveAll(tenant, from, into);
        }

        @Override
        public List<FollowUp> findFailed(TenantId tenant, int limit) {
            return r.findFailed(tenant, limit);
        }
    }
}
