package org.leadmanager.spring;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.function.Function;
import org.leadmanager.jpa.JpaLeadStore;
import org.leadmanager.spi.host.EventPublisher;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.StoreSession;
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
 * <p>Inside the host's transaction the events of the library's changes are relayed right after the host commits
 * (never when it rolls back). When a library call that changes data throws inside the host's transaction, that
 * transaction is marked rollback-only, since the call may have written part of its changes: committing it anyway fails with Spring's
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
    /** The key this store's after-commit relay is bound under in each transaction, to register it only once. */
    private final Object relayKey = new Object();

    private SpringTransactionLeadStore(EntityManagerFactory emf, int batchSize) {
        this.emf = emf;
        EntityManager joinedEntityManager = joinedEntityManager(SharedEntityManagerCreator.createSharedEntityManager(emf));
        this.joined = JpaLeadStore.builder(emf).batchSize(batchSize)
                .joinHostTransactions(() -> joinedEntityManager).build();
        this.own = JpaLeadStore.builder(emf).batchSize(batchSize).build();
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
        return new SpringTransactionLeadStore(Objects.requireNonNull(emf, "emf"), batchSize);
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
        return hostTransactionActive() ? joinHost(s -> joined.inTransaction(work)) : own.inTransaction(work);
    }

    @Override
    public <T> T read(Function<StoreSession, T> work) {
        // a read writes nothing, so a failed one leaves the host's transaction as it is
        return hostTransactionActive() ? joined.read(work) : own.read(work);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Inside the host's transaction nothing of it is relayable yet: the relay is registered to run right after
     * the host commits, and this returns 0.
     */
    @Override
    public int relayEvents(EventPublisher publisher) {
        Objects.requireNonNull(publisher, "publisher");
        if (hostTransactionActive() && TransactionSynchronizationManager.isSynchronizationActive()) {
            if (!TransactionSynchronizationManager.hasResource(relayKey)) {
                TransactionSynchronizationManager.bindResource(relayKey, Boolean.TRUE);
                TransactionSynchronizationManager.registerSynchronization(new RelayAfterCommit(publisher));
            }
            return 0;
        }
        return own.relayEvents(publisher);
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

    /** Relays once the host's transaction committed; a failing publisher leaves the events pending. */
    private final class RelayAfterCommit implements TransactionSynchronization {
        private final EventPublisher publisher;

        RelayAfterCommit(EventPublisher publisher) {
            this.publisher = publisher;
        }

        @Override
        public void afterCommit() {
            try {
                own.relayEvents(publisher);
            } catch (RuntimeException e) {
                LOG.warn("Event relay after the host's commit failed; the events stay pending and are retried", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(relayKey);
        }
    }
}
