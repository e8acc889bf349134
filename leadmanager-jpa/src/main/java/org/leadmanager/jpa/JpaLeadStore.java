package org.leadmanager.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.leadmanager.error.StoreException;
import org.leadmanager.json.JsonEvents;
import org.leadmanager.spi.store.EventSerializer;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.LeadStore;
import org.leadmanager.spi.store.StoreSession;

/**
 * The Lead Manager store on a host's JPA {@link EntityManagerFactory} (tested with Hibernate ORM 7 on PostgreSQL,
 * MariaDB and H2).
 *
 * <h2>Setup</h2>
 * <ol>
 *   <li>Create the tables in the connection's current schema with the script for your database,
 *       {@value #SCHEMA_LOCATION}{@code /postgresql/}, {@code /mariadb/} or {@code /h2/V1__leadmanager_schema.sql}
 *       in this jar. The names follow Flyway's convention; run them as a Flyway history of their own (table
 *       {@code lm_schema_history}) so they do not clash with the host's V1. In a schema that already holds tables
 *       that history needs {@code baselineOnMigrate(true)} together with {@code baselineVersion("0")}: with
 *       Flyway's default baseline version 1 the script would be marked as applied without running. The README
 *       has the exact Flyway call; from Flyway 10 on, PostgreSQL needs {@code org.flywaydb:flyway-database-postgresql}
 *       and MariaDB {@code org.flywaydb:flyway-mysql} beside {@code flyway-core}. A Liquibase host can include
 *       the file with {@code sqlFile}. Beside each V1 lies {@code V2__funnel_months.sql}: it computes the funnel's
 *       numbers per month from its numbers per day in a database written before the month numbers were kept (in
 *       a new database it has nothing to do); Flyway runs it after V1. Until the tables are there, every call fails with a
 *       {@link org.leadmanager.error.StoreException} that names the missing tables and the script.</li>
 *   <li>Add the store's entities to the persistence unit: the mapping file {@value #MAPPING_FILE} (a
 *       {@code <mapping-file>} in persistence.xml), or the classes of {@link #entityClasses()} (e.g. with
 *       {@code jakarta.persistence.PersistenceConfiguration.managedClass}). Entity names start with {@code Lm} and
 *       tables with {@code lm_}, so they do not clash with the host's.</li>
 *   <li>Build the store: {@code JpaLeadStore.create(emf)}, or {@link #builder} for the options below.</li>
 * </ol>
 *
 * <h2>Transactions</h2>
 * <p><b>Own transactions</b> (the default): each outermost {@link #inTransaction} opens an EntityManager and a
 * resource-local transaction, commits when the work returns and rolls back when it throws. The persistence unit
 * must be {@code RESOURCE_LOCAL}.
 *
 * <p><b>The host's transaction</b> ({@link Builder#joinHostTransactions}): the store takes the EntityManager from
 * the given supplier (e.g. a Spring shared EntityManager, or the one the host's own unit of work uses), requires
 * that it is joined to an active transaction, and neither begins nor commits it: the library's changes commit or
 * roll back with the host's. The store expects READ COMMITTED (the default of PostgreSQL and H2; its own MariaDB
 * transactions set it), so on MariaDB configure the host's connections with {@code transaction-isolation =
 * READ-COMMITTED}. It flushes before returning so that failures surface inside the call; when the work
 * throws, it tries to mark the transaction rollback-only, but the host must roll back on a library exception in
 * any case: the call may have written part of its changes. The recorded events become publishable only when the
 * host commits. Run the event relay and the reminder dispatchers, which work on threads without a host
 * transaction, on a store with its own transactions over the same factory.
 *
 * <p>In both modes nested {@code inTransaction} calls on one thread join the outer unit of work.
 *
 * <h2>Kept counts</h2>
 * <p>The core's tallies (leads per project and status, and per owner and status) go to {@code lm_tally} in the unit
 * of work of the change that moves them: each unit of work inserts rows of its own, never updating a shared counter
 * row, and the units of work that add to a project fold its rows now and then, skipping rows that others hold.
 * {@code projects().recount} repairs a project's numbers after its leads were changed behind the library's back.
 *
 * <h2>Text search</h2>
 * <p>Each lead's words ({@code SearchWords}: name, e-mail and company folded) are rows of {@code lm_lead_word} and,
 * joined, {@code lm_lead.search_words}, written in the unit of work that inserts the lead, changes its card or
 * deletes it. A text search is B-tree ranges of those words, on every database and without extensions; how a page
 * chooses between a word's range and the list's index is on {@code JpaLeadRepository.search}.
 *
 * <h2>Failures</h2>
 * <p>Optimistic-lock failures (version mismatch, deadlock or serialization failure) surface as
 * {@link org.leadmanager.error.StaleModificationException}, unique-key violations as
 * {@link org.leadmanager.error.ConflictException}, and every other failure of the database, the JDBC driver or the JPA
 * provider as {@link org.leadmanager.error.StoreException}, with the original failure as its cause. The first call
 * checks, once, that the connection's current schema holds every table and column of the database's script; while
 * it does not, each call fails with a {@code StoreException} naming what is missing and the script that creates it,
 * and checks again, so a host that runs the script later needs no restart. Library exceptions thrown inside a unit
 * of work (the core's validation, a host port's failure) come out unchanged, even when the provider wrapped them,
 * and so does any other exception the work itself throws. Misuse by the host surfaces as {@link IllegalStateException}:
 * a store set to {@linkplain Builder#joinHostTransactions join the host's transactions} called without an active
 * one, or a unit of work that changes data nested in a {@link #read}.
 *
 * <h2>Events</h2>
 * <p>Recorded events go to the publication registry {@code lm_event}, one row each, in the same transaction as the
 * change: the envelope as text by the {@linkplain Builder#eventSerializer event serializer} (the JSON of
 * {@code leadmanager-json} unless the host gives another), with its type name, schema version, tenant and lead in
 * columns of their own. The event relay claims rows with {@code FOR UPDATE SKIP LOCKED} (PostgreSQL, MariaDB; on H2
 * with updates conditional on the claim) in short transactions of its own and publishes them between those. A row the
 * serializer cannot read back (changed by hand, or written by a newer schema version) is handed to the relay
 * without envelope, and the relay sets it aside. Events committed before a crash are published by the next relay of
 * any store on the same database.
 *
 * <p>Thread-safe; build one store per EntityManagerFactory and share it.
 */
public final class JpaLeadStore implements LeadStore {
    /** Classpath folder of the schema scripts, one subfolder per database. */
    public static final String SCHEMA_LOCATION = "db/leadmanager";
    /** Classpath resource of the JPA mapping file that lists the store's entities. */
    public static final String MAPPING_FILE = "META-INF/leadmanager/orm.xml";

    private static final List<Class<?>> ENTITIES = List.of(ProjectEntity.class, MarketingActionEntity.class,
            LeadEntity.class, NoteEntity.class, ActivityEntity.class, FollowUpEntity.class, SavedSearchEntity.class,
            EventEntity.class);
    /** The entities and the embeddable types of their configuration rows. */
    private static final List<Class<?>> MANAGED = List.of(ProjectEntity.class, ProjectEntity.StatusRow.class,
            ProjectEntity.TransitionRow.class, ProjectEntity.GroupRow.class, ProjectEntity.RuleRow.class,
            MarketingActionEntity.class, LeadEntity.class, NoteEntity.class, ActivityEntity.class,
            FollowUpEntity.class, SavedSearchEntity.class, EventEntity.class);

    private final EntityManagerFactory emf;
    private final Supplier<EntityManager> hostEntityManager;
    private final int batchSize;
    private final EventSerializer serializer;
    private final ThreadLocal<JpaSession> current = new ThreadLocal<>();
    private volatile SqlDialect dialect;
    private final ProjectCache projects = new ProjectCache();
    private final CommonWords commonWords = new CommonWords();
    private final TallyFolds tallyFolds = new TallyFolds();

    private JpaLeadStore(Builder builder) {
        this.emf = builder.emf;
        this.hostEntityManager = builder.hostEntityManager;
        this.batchSize = builder.batchSize;
        this.serializer = builder.serializer != null ? builder.serializer : JsonEvents.create();
    }

    /**
     * A store that runs its own transactions, with default options.
     *
     * @param emf open, with the store's entities mapped (see the class comment)
     * @throws NullPointerException if emf is null
     * @throws IllegalArgumentException if emf is closed or does not map the store's entities
     */
    public static JpaLeadStore create(EntityManagerFactory emf) {
        return builder(emf).build();
    }

    /** A builder for a store with options. @param emf non-null */
    public static Builder builder(EntityManagerFactory emf) {
        return new Builder(emf);
    }

    /**
     * The classes to add to a persistence unit that does not use {@link #MAPPING_FILE}: the entities and the
     * embeddable types they use.
     */
    public static List<Class<?>> entityClasses() {
        return MANAGED;
    }

    /**
     * How often a unit of work in a transaction of the store's own runs when the database breaks it off to resolve
     * a deadlock or a serialization failure: it runs again from the start in a new transaction, the earlier attempt
     * rolled back entirely, and only the last attempt's failure reaches the caller.
     */
    static final int BROKEN_OFF_ATTEMPTS = 3;

    /**
     * {@inheritDoc}
     *
     * <p>In a transaction of the store's own, work the database broke off to resolve a deadlock or a serialization
     * failure runs again, up to {@value #BROKEN_OFF_ATTEMPTS} times in all; the work must therefore not have effects
     * outside the store that a rollback does not undo (the library's units of work have none).
     */
    @Override
    public <T> T inTransaction(Function<StoreSession, T> work) {
        Objects.requireNonNull(work, "work");
        JpaSession outer = current.get();
        if (outer != null) {
            if (outer.readOnly) {
                // joining would run the changes without a transaction, one statement at a time
                throw new IllegalStateException("a unit of work that changes data cannot run inside a read-only"
                        + " one (LeadStore.read)");
            }
            return work.apply(outer);
        }
        if (hostEntityManager != null) {
            return inHostTransaction(work);
        }
        for (int attempt = 1; ; attempt++) {
            EntityManager em = emf.createEntityManager();
            try {
                return inOwnTransaction(em, () -> within(new JpaSession(this, em, dialect(em),
                        JpaSession.Mode.OWN_TRANSACTION), work));
            } catch (StaleModificationException e) {
                if (attempt == BROKEN_OFF_ATTEMPTS || !Errors.brokenOffByDatabase(e)) {
                    throw e;
                }
            } finally {
                em.close();
            }
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Own transactions: when the pool hands out connections in auto-commit mode (HikariCP's default), the work
     * runs without beginning a transaction, so each statement reads the latest committed state and no COMMIT
     * round trip follows; the JPA provider rejects updates there. Such a read may use a project as the store last
     * read it without reading it again, checking its version with a statement it runs anyway (the page statement
     * of a search) or at its end; should a project have changed meanwhile, the work runs once more, reading
     * everything. A connection not in auto-commit mode would start a transaction implicitly, so then the work runs
     * in a transaction of its own as with {@link #inTransaction}. Host transactions and nested calls: as
     * {@link #inTransaction}.
     */
    @Override
    public <T> T read(Function<StoreSession, T> work) {
        Objects.requireNonNull(work, "work");
        JpaSession outer = current.get();
        if (outer != null) {
            return work.apply(outer);
        }
        if (hostEntityManager != null) {
            return inHostTransaction(work);
        }
        EntityManager em = emf.createEntityManager();
        try {
            SqlDialect dialect = dialect(em);
            if (!em.callWithConnection((Connection c) -> c.getAutoCommit())) {
                return inOwnTransaction(em, () -> within(new JpaSession(this, em, dialect,
                        JpaSession.Mode.OWN_TRANSACTION), work));
            }
            return readCommitted(em, dialect, work, true);
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        } finally {
            em.close();
        }
    }

    /** A read without a transaction; with {@code optimistic}, run again without assumptions if one was wrong. */
    private <T> T readCommitted(EntityManager em, SqlDialect dialect, Function<StoreSession, T> work,
            boolean optimistic) {
        JpaSession session = new JpaSession(this, em, dialect,
                optimistic ? JpaSession.Mode.OPTIMISTIC_READ : JpaSession.Mode.READ);
        T result;
        try {
            result = within(session, work);
        } catch (RuntimeException e) {
            if (!optimistic || session.assumptionsHold()) {
                throw e;
            }
            return readCommitted(em, dialect, work, false);
        }
        return !optimistic || session.assumptionsHold() ? result : readCommitted(em, dialect, work, false);
    }

    /** Runs the work as this thread's current unit of work. */
    private <T> T within(JpaSession session, Function<StoreSession, T> work) {
        current.set(session);
        try {
            return work.apply(session);
        } finally {
            current.remove();
        }
    }

    /**
     * The one place where the store begins, commits and rolls back a transaction of its own: commits when the work
     * returns, rolls back when it throws.
     */
    private <T> T inOwnTransaction(EntityManager em, Supplier<T> work) {
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            SqlDialect dialect = dialect(em);
            em.runWithConnection((Connection c) -> dialect.beginTransaction(c));
            T result = work.get();
            em.flush();
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(tx, e);
            throw Errors.translate(e);
        } catch (Error e) {
            // an Error thrown by the work must not leave the transaction open, holding its row locks
            rollback(tx, e);
            throw e;
        }
    }

    private <T> T inHostTransaction(Function<StoreSession, T> work) {
        EntityManager em = hostEntityManager.get();
        if (em == null || !em.isJoinedToTransaction()) {
            throw new IllegalStateException("JpaLeadStore is set to join the host's transactions, but the"
                    + " host's EntityManager is " + (em == null ? "null" : "not joined to an active transaction")
                    + "; begin one before calling the library");
        }
        try {
            T result = within(new JpaSession(this, em, dialect(em), JpaSession.Mode.HOST_TRANSACTION), work);
            em.flush();
            return result;
        } catch (RuntimeException e) {
            markRollbackOnly(em);
            throw Errors.translate(e);
        } catch (Error e) {
            markRollbackOnly(em);
            throw e;
        }
    }

    int batchSize() {
        return batchSize;
    }

    /** How events are kept in {@code lm_event}. */
    EventSerializer serializer() {
        return serializer;
    }

    /** Words of text criteria found common, shared by this store's units of work. */
    CommonWords commonWords() {
        return commonWords;
    }

    /** Projects as committed at a version, shared by this store's units of work. */
    ProjectCache projects() {
        return projects;
    }

    /** Which projects' tally rows are due for folding, shared by this store's units of work. */
    TallyFolds tallyFolds() {
        return tallyFolds;
    }

    /**
     * The database behind the factory, detected from the JDBC metadata at first use, when the schema is also
     * checked. Remembered only once the check passed: a host that creates the tables after a failed call needs no
     * restart.
     *
     * @throws StoreException for an unsupported database or missing tables or columns
     */
    SqlDialect dialect(EntityManager em) {
        SqlDialect found = dialect;
        if (found == null) {
            found = em.callWithConnection((Connection c) -> {
                SqlDialect d = SqlDialect.of(c);
                SchemaCheck.verify(c, d);
                return d;
            });
            dialect = found;
        }
        return found;
    }

    private static void rollback(EntityTransaction tx, Throwable failure) {
        try {
            if (tx.isActive()) {
                tx.rollback();
            }
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void markRollbackOnly(EntityManager em) {
        try {
            EntityTransaction tx = em.getTransaction();
            if (tx.isActive()) {
                tx.setRollbackOnly();
            }
        } catch (IllegalStateException | PersistenceException e) {
            // JTA or a container-managed EntityManager: the host's transaction manager rolls back on the exception
        }
    }

    /** Options of a {@link JpaLeadStore}. Not thread-safe; build once. */
    public static final class Builder {
        private final EntityManagerFactory emf;
        private Supplier<EntityManager> hostEntityManager;
        private int batchSize = 500;
        private EventSerializer serializer;

        private Builder(EntityManagerFactory emf) {
            this.emf = Objects.requireNonNull(emf, "emf must not be null");
        }

        /**
         * Join the host's transactions instead of running our own: every outermost unit of work uses the
         * EntityManager the supplier returns, which must be joined to an active transaction when the library is
         * called. See the class comment.
         *
         * @param currentEntityManager non-null; called once per outermost unit of work
         */
        public Builder joinHostTransactions(Supplier<EntityManager> currentEntityManager) {
            this.hostEntityManager = Objects.requireNonNull(currentEntityManager,
                    "currentEntityManager must not be null");
            return this;
        }

        /**
         * Rows per JDBC batch on the bulk paths (lead insertion, timeline, events); default 500. With PostgreSQL
         * add {@code reWriteBatchedInserts=true} to the JDBC URL: pgjdbc then sends each batch as multi-row
         * inserts, about twice as fast.
         *
         * @param rows 1 to 10000
         */
        public Builder batchSize(int rows) {
            if (rows < 1 || rows > 10_000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 10000, was " + rows);
            }
            this.batchSize = rows;
            return this;
        }

        /**
         * How events are kept in the publication registry: as text, with a stable type name and a schema version.
         * Default: {@code JsonEvents.create()} from {@code leadmanager-json}, the JSON the README documents. Every
         * store on one database must read what the others write: give them the same serializer.
         *
         * @param eventSerializer non-null
         */
        public Builder eventSerializer(EventSerializer eventSerializer) {
            this.serializer = Objects.requireNonNull(eventSerializer, "eventSerializer must not be null");
            return this;
        }

        /**
         * The store.
         *
         * @throws IllegalArgumentException if the factory is closed or does not map the store's entities
         */
        public JpaLeadStore build() {
            if (!emf.isOpen()) {
                throw new IllegalArgumentException("the EntityManagerFactory is closed");
            }
            for (Class<?> entity : ENTITIES) {
                try {
                    emf.getMetamodel().entity(entity);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("the EntityManagerFactory does not map the Lead Manager"
                            + " entities (missing " + entity.getSimpleName() + "); add the mapping file "
                            + MAPPING_FILE + " or JpaLeadStore.entityClasses() to the persistence unit", e);
                }
            }
            return new JpaLeadStore(this);
        }
    }
}
