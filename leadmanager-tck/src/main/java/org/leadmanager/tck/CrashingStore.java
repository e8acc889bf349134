package org.leadmanager.tck;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.domain.tally.TallyRange;
import org.leadmanager.error.StoreException;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.store.TallyRepository;

/**
 * The store under test, with a crash on demand: once armed, the next unit of work that reaches the chosen point
 * fails there with a {@link StoreException}, as if the connection broke mid-way, and the store must roll back
 * everything that unit of work wrote before. Three points: {@link Point#CLAIM}, a claim of the event registry; {@link Point#TALLIES}, when the unit of work hands over
 * its tally changes (its changes of leads are written, those of its tallies not yet), and {@link Point#EVENTS},
 * the last write of a unit of work that records events (its lead, tally and timeline changes are all written).
 */
final class CrashingStore implements LeadStore {

    /** Where an armed crash strikes. */
    enum Point {
        TALLIES,
        EVENTS,
        /** A claim of the event registry (the relay's). */
        CLAIM
    }

    private final LeadStore store;
    private final AtomicReference<Point> armed = new AtomicReference<>();
    /** How many more units of work may pass the armed point before the crash strikes. */
    private final java.util.concurrent.atomic.AtomicInteger passes = new java.util.concurrent.atomic.AtomicInteger();

    CrashingStore(LeadStore store) {
        this.store = store;
    }

    /** The next unit of work that reaches the point fails there; one crash per call. */
    void crashNext(Point point) {
        crashAfter(point, 0);
    }

    /** The unit of work that reaches the point after {@code letPass} others did fails there; one crash per call. */
    void crashAfter(Point point, int letPass) {
        passes.set(letPass);
        armed.set(point);
    }

    /** Whether a crash is armed and has not struck yet. */
    boolean armed() {
        return armed.get() != null;
    }

    private void strikeAt(Point point) {
        if (armed.get() == point && passes.getAndDecrement() > 0) {
            return;
        }
        if (armed.compareAndSet(point, null)) {
            throw new StoreException("the connection broke (crash injected by the contract kit at " + point + ")",
                    null);
        }
    }

    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        return store.inTransaction(s -> work.apply(new Session(s)));
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        return store.read(s -> work.apply(new Session(s)));
    }

    private final class Session extends ForwardingSession {

        Session(StoreSession s) {
            super(s);
        }

        @Override
        public TallyRepository tallies() {
            TallyRepository tallies = session().tallies();
            return new TallyRepository() {
                @Override
                public void add(TenantId tenant, List<TallyDelta> deltas) {
                    strikeAt(Point.TALLIES);
                    tallies.add(tenant, deltas);
                }

                @Override
                public void settle(TenantId tenant, ProjectId project, Set<TallyKey> keys) {
                    tallies.settle(tenant, project, keys);
                }

                @Override
                public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Tally tally) {
                    return tallies.sums(tenant, project, tally);
                }

                @Override
                public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Set<Tally> several) {
                    return tallies.sums(tenant, project, several);
                }

                @Override
                public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, List<TallyRange> ranges) {
                    return tallies.sums(tenant, project, ranges);
                }

                @Override
                public Map<ProjectId, Map<TallyKey, Long>> sums(TenantId tenant, Tally tally) {
                    return tallies.sums(tenant, tally);
                }

                @Override
                public Map<TallyKey, Long> recount(TenantId tenant, ProjectId project) {
                    return tallies.recount(tenant, project);
                }
            };
        }

        @Override
        public EventRegistry events() {
            EventRegistry events = session().events();
            return new EventRegistry() {
                @Override
                public List<ClaimedEvent> claim(Instant now, int limit, String node, Instant leaseUntil) {
                    strikeAt(Point.CLAIM);
                    return events.claim(now, limit, node, leaseUntil);
                }

                @Override
                public int markPublished(List<ClaimedEvent> published, Instant now, boolean keep) {
                    return events.markPublished(published, now, keep);
                }

                @Override
                public boolean countAttempt(ClaimedEvent claimed) {
                    return events.countAttempt(claimed);
                }

                @Override
                public boolean recordFailure(ClaimedEvent claimed, int attempts, String error, Instant retryAt) {
                    return events.recordFailure(claimed, attempts, error, retryAt);
                }

                @Override
                public void release(List<ClaimedEvent> claimed) {
                    events.release(claimed);
                }

                @Override
                public List<SetAsideEvent> findSetAside(int limit) {
                    return events.findSetAside(limit);
                }

                @Override
                public boolean retry(TenantId tenant, UUID id) {
                    return events.retry(tenant, id);
                }

                @Override
                public int retryAll() {
                    return events.retryAll();
                }

                @Override
                public int purgePublished(Instant publishedBefore, int limit) {
                    return events.purgePublished(publishedBefore, limit);
                }

                @Override
                public long countPending() {
                    return events.countPending();
                }

                @Override
                public long countSetAside() {
                    return events.countSetAside();
                }

                @Override
                public long countKept() {
                    return events.countKept();
                }
            };
        }

        @Override
        public void recordEvents(List<EventEnvelope> events) {
            strikeAt(Point.EVENTS);
            super.recordEvents(events);
        }
    }
}
