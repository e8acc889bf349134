package org.leadmanager.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.leadmanager.ReminderDispatcher;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.followup.FollowUp;
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
 * A store may claim fewer follow-ups than asked while more are due ({@code claimDue} claims "up to" the limit): the
 * JPA store on H2 does when another node wins some of the rows it read. {@code dispatchDue()} must still fire
 * everything due before it returns.
 */
class ShortClaimsTest {
    private static final int MOST_PER_CLAIM = 3;

    @Test
    void dispatchDueFiresEverythingDueWhenClaimsComeBackShort() {
        TckFixture fx = TckFixture.create(new ShortClaimingStore(InMemoryLeadStore.create()));
        Lead lead = fx.lead(fx.project().id());
        for (int i = 0; i < 30; i++) {
            fx.lm.followUps().schedule(fx.manager, lead.id(), fx.clock.instant().plus(Duration.ofMinutes(1)),
                    "Call back " + i, fx.alice);
        }
        fx.clock.advance(Duration.ofMinutes(1));
        RecordingNotifier notifier = new RecordingNotifier();
        ReminderDispatcher dispatcher = fx.lm.reminderDispatcher(ReminderDispatcher.Options.defaults(notifier)
                .withNodeId("short-claims").withBatchSize(20));

        assertEquals(30, dispatcher.dispatchDue(), "one call fires everything due");
        assertEquals(30, notifier.delivered(fx.tenant).size());
    }

    /** Claims at most {@value #MOST_PER_CLAIM} follow-ups per call; otherwise the in-memory store. */
    private static final class ShortClaimingStore implements LeadStore {
        private final LeadStore store;

        ShortClaimingStore(LeadStore store) {
            this.store = store;
        }

        @Override
        public <T> T inTransaction(Function<StoreSession, T> work) {
            return store.inTransaction(s -> work.apply(new ShortClaimingSession(s)));
        }

        @Override
        public int relayEvents(EventPublisher publisher) {
            return store.relayEvents(publisher);
        }
    }

    private record ShortClaimingSession(StoreSession s) implements StoreSession {
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
        public FollowUpRepository followUps() {
            return new ShortClaimingFollowUps(s.followUps());
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

    private record ShortClaimingFollowUps(FollowUpRepository r) implements FollowUpRepository {
        @Override
        public List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil) {
            return r.claimDue(now, Math.min(limit, MOST_PER_CLAIM), node, leaseUntil);
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
