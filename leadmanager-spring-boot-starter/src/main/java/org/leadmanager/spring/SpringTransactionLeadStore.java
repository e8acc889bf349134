package org.leadmanager.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.store.ActivityRepository;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.EventSerializer;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.MarketingActionRepository;
import org.leadmanager.spi.store.NoteRepository;
import org.leadmanager.spi.store.ProjectRepository;
import org.leadmanager.spi.store.ReminderQueue;
import org.leadmanager.spi.store.ResponseDeadlineQueue;
import org.leadmanager.spi.store.SavedSearchRepository;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.store.TallyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The JPA store as a Spring host needs it: a call made inside the host's Spring JPA transaction (on the same
 * {@code EntityManagerFactory}) joins it, so the library's changes commit or roll back with the host's; a call made
 * outside one, or inside a transaction that does not hold that factory's EntityManager (a plain JDBC one), runs in
 * a transaction of its own. So a controller method without {@code @Transactional} can search, and a
 * {@code @Transactional} service method that rolls back leaves no lead and no event behind.
 *
 * <p>The events of the library's changes join the publication registry when their transaction commits, the host's
 * or the store's own, never when it rolls back; then the store tells whoever asked ({@link #onEventsCommitted}), so
 * the starter's event relay publishes them at once rather than at its next poll.
 *
 * <p>When a library call that changes data throws inside the host's transaction, that transaction is marked
 * rollback-only, since the call may have written part of its changes: committing it anyway fails with Spring's
 * {@code UnexpectedRollbackException}.
 *
 * <p>Built on two {@link JpaLeadStore}s on the one factory: one set to join the host's transactions through Spring's
 * shared EntityManager, one with transactions of its own. Thread-safe.
 */
public final class SpringTransactionLeadStore implements LeadStore {
    private static final Logger LOG = LoggerFactory.getLogger(SpringTransactionLeadStore.class);

    private final EntityManagerFactory emf;
    private final JpaLeadStore joined;
    private final JpaLeadStore own;
    /** The key this store's after-commit notice is bound under in each host transaction, to register it once. */
    private final Object noticeKey = new Object();
    /** Whether the store's own unit of work running on this thread recorded events; null outside one. */
    private final ThreadLocal<boolean[]> ownRecorded = new ThreadLocal<>();
    private final List<Runnable> committedListeners = new CopyOnWriteArrayList<>();

    private SpringTransactionLeadStore(EntityManagerFactory emf, int batchSize, EventSerializer serializer) {
        this.emf = emf;
        EntityManager joinedEntityManager = joinedEntityManager(SharedEntityManagerCreator.createSharedEntityManager(emf));
        JpaLeadStore.Builder joinedBuilder = JpaLeadStore.builder(emf).batchSize(batchSize)
                .joinHostTransactions(() -> joinedEntityManager);
        JpaLeadStore.Builder ownBuilder = JpaLeadStore.builder(emf).batchSize(batchSize);
        if (serializer != null) {
            joinedBuilder.eventSerializer(serializer);
            ownBuilder.eventSerializer(serializer);
        }
        this.joined = joinedBuilder.build();
        this.own = ownBuilder.build();
    }

    /**
     * A store on the host's factory.
     *
     * @param emf       the host's EntityManagerFactory (the Spring bean), mapping the library's entities; non-null
     * @param batchSize rows per JDBC batch on the bulk paths, 1 to 10000
     * @throws IllegalArgumentException if the factory is closed or lacks the library's entities, or batchSize is
     *                                  out of range
     */
    public static SpringTransactionLeadStore create(EntityManagerFactory emf, int batchSize) {
        return new SpringTransactionLeadStore(Objects.requireNonNull(emf, "emf"), batchSize, null);
    }

    /**
     * A store on the host's factory that keeps events in the form of the given serializer.
     *
     * @param emf        the host's EntityManagerFactory (the Spring bean), mapping the library's entities; non-null
     * @param batchSize  rows per JDBC batch on the bulk paths, 1 to 10000
     * @param serializer how events are kept in the registry; non-null
     * @throws IllegalArgumentException if the factory is closed or lacks the library's entities, or batchSize is
     *                                  out of range
     */
    public static SpringTransactionLeadStore create(EntityManagerFactory emf, int batchSize,
            EventSerializer serializer) {
        return new SpringTransactionLeadStore(Objects.requireNonNull(emf, "emf"), batchSize,
                Objects.requireNonNull(serializer, "serializer"));
    }

    /**
     * Runs {@code listener} after each commit of a transaction in which the library recorded events, on the
     * committing thread: after the host's commit, or after the store's own unit of work. It should only hand work
     * to another thread.
     */
    void onEventsCommitted(Runnable listener) {
        committedListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Spring's shared EntityManager, except that it counts as joined exactly when {@link #hostTransactionActive()}:
     * an EntityManager opened for the request (open-in-view) answers {@code isJoinedToTransaction()} with false
     * even inside the JpaTransactionManager's transaction that runs on it.
     */
    private EntityManager joinedEntityManager(EntityManager shared) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().equals("isJoinedToTransaction") && method.getParameterCount() == 0) {
                        return hostTransactionActive();
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Whether a call on this thread now would join the host's transaction: a Spring JPA transaction on this
     * store's factory is running (and has not committed yet, as in an after-commit callback).
     */
    public boolean hostTransactionActive() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        if (!(TransactionSynchronizationManager.getResource(emf) instanceof EntityManagerHolder holder)) {
            return false;
        }
        try {
            return holder.getEntityManager().getTransaction().isActive();
        } catch (IllegalStateException | PersistenceException e) {
            // no EntityTransaction to ask (JTA): the holder's flag is Spring's word
            return holder.isSynchronizedWithTransaction();
        }
    }

    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        if (hostTransactionActive()) {
            return joinHost(none -> joined.inTransaction(s -> work.apply(new Noticing(s, this::recordedInHost))));
        }
        boolean[] outer = ownRecorded.get();
        if (outer != null) {
            return own.inTransaction(s -> work.apply(new Noticing(s, () -> outer[0] = true)));
        }
        boolean[] recorded = new boolean[1];
        ownRecorded.set(recorded);
        T result;
        try {
            result = own.inTransaction(s -> work.apply(new Noticing(s, () -> recorded[0] = true)));
        } finally {
            ownRecorded.remove();
        }
        if (recorded[0]) {
            committed();
        }
        return result;
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        // a read writes nothing, so a failed one leaves the host's transaction as it is
        return hostTransactionActive() ? joined.read(work) : own.read(work);
    }

    /** Events recorded inside the host's transaction: noticed once the host committed, once per transaction. */
    private void recordedInHost() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(noticeKey)) {
            TransactionSynchronizationManager.bindResource(noticeKey, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new NoticeAfterCommit());
        }
    }

    private void committed() {
        for (Runnable listener : committedListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A listener of committed events failed; the events are published at the next poll", e);
            }
        }
    }

    private <T> T joinHost(Function<Void, T> call) {
        try {
            return call.apply(null);
        } catch (RuntimeException | Error e) {
            markRollbackOnly();
            throw e;
        }
    }

    private void markRollbackOnly() {
        if (TransactionSynchronizationManager.getResource(emf) instanceof EntityManagerHolder holder) {
            holder.setRollbackOnly();
            try {
                EntityTransaction tx = holder.getEntityManager().getTransaction();
                if (tx.isActive()) {
                    tx.setRollbackOnly();
                }
            } catch (RuntimeException e) {
                // a JTA EntityManager has no EntityTransaction; the holder's flag is what Spring checks there
            }
        }
    }

    /** Tells the listeners once the host's transaction committed; nothing when it rolled back. */
    private final class NoticeAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            committed();
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(noticeKey);
        }
    }

    /** A unit of work's session that notices when events are recorded. */
    private record Noticing(StoreSession s, Runnable recorded) implements StoreSession {
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
            return s.followUps();
        }

        @Override
        public SavedSearchRepository savedSearches() {
            return s.savedSearches();
        }

        @Override
        public ReminderQueue reminders() {
            return s.reminders();
        }

        @Override
        public ResponseDeadlineQueue responseDeadlines() {
            return s.responseDeadlines();
        }

        @Override
        public EventRegistry events() {
            return s.events();
        }

        @Override
        public TallyRepository tallies() {
            return s.tallies();
        }

        @Override
        public void eraseLead(Lead lead) {
            s.eraseLead(lead);
        }

        @Override
        public void recordEvents(List<EventEnvelope> events) {
            s.recordEvents(events);
            if (!events.isEmpty()) {
                recorded.run();
            }
        }
    }
}
