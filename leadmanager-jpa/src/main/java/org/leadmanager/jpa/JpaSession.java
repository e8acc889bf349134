package org.leadmanager.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.spi.store.ActivityRepository;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.MarketingActionRepository;
import org.leadmanager.spi.store.NoteRepository;
import org.leadmanager.spi.store.ProjectRepository;
import org.leadmanager.spi.store.ReminderQueue;
import org.leadmanager.spi.store.ResponseDeadlineQueue;
import org.leadmanager.spi.store.SavedSearchRepository;
import org.leadmanager.spi.store.StoreSession;
import org.leadmanager.spi.store.TallyRepository;

/**
 * One unit of work on one EntityManager, and the few helpers its repositories share.
 *
 * <p>The repositories keep the persistence context free of their entities between calls: reads detach what they
 * loaded, inserts and updates flush and detach. So a bulk statement can never leave a stale managed copy behind,
 * and a host EntityManager that is joined keeps only the host's own entities.
 */
final class JpaSession implements StoreSession {
    /** Most values bound in one IN list. */
    static final int IN_LIMIT = 1000;
    /** UUIDs as unsigned 128-bit numbers: the order of the core's ids and of the databases' UUID columns. */
    static final Comparator<UUID> UNSIGNED = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };

    final EntityManager em;
    final JpaLeadStore store;
    final SqlDialect dialect;
    /** Whether this is a read-only unit of work without a transaction ({@code JpaLeadStore.read}). */
    final boolean readOnly;
    private final JpaProjectRepository projects = new JpaProjectRepository(this);
    private final JpaMarketingActionRepository actions = new JpaMarketingActionRepository(this);
    private final JpaLeadRepository leads = new JpaLeadRepository(this);
    private final JpaNoteRepository notes = new JpaNoteRepository(this);
    private final JpaActivityRepository activities = new JpaActivityRepository(this);
    private final JpaFollowUpRepository followUps = new JpaFollowUpRepository(this);
    private final JpaReminderQueue reminders = new JpaReminderQueue(this);
    private final JpaResponseDeadlines responseDeadlines = new JpaResponseDeadlines(this);
    private final JpaSavedSearchRepository savedSearches = new JpaSavedSearchRepository(this);
    private final JpaEventRegistry events = new JpaEventRegistry(this);
    private final JpaTallyRepository tallies = new JpaTallyRepository(this);
    /** Projects this unit of work inserted or changed: what it reads of them may never commit. */
    private final Set<UUID> changedProjects = new HashSet<>();
    /**
     * Whether {@link #assume} may answer from the cache: only in a read-only unit of work, which the store runs
     * again without assumptions if one turns out wrong ({@link #assumptionsHold}).
     */
    private final boolean optimistic;
    /** Whether what this unit of work reads of projects may go to the cache. */
    private final boolean remembers;
    /** Whether the host's transaction holds this unit of work (then its session settings are the host's). */
    final boolean inHostTransaction;
    /** Remembered projects this unit of work used without reading them, by id, with the version assumed. */
    private final Map<UUID, Long> assumed = new HashMap<>();

    /** How a unit of work runs: what it reads and whether it may use or fill the project cache. */
    enum Mode {
        /** In a transaction the store begins and ends: remembers what it reads of projects it did not change. */
        OWN_TRANSACTION,
        /**
         * In the host's transaction, which may hold uncommitted project changes of earlier units of work that may
         * yet roll back: remembers nothing.
         */
        HOST_TRANSACTION,
        /** Read-only without a transaction: every statement reads committed state. */
        READ,
        /** {@link #READ}, and remembered projects may be used without reading them ({@link #assume}). */
        OPTIMISTIC_READ
    }

    JpaSession(JpaLeadStore store, EntityManager em, SqlDialect dialect, Mode mode) {
        this.store = store;
        this.em = em;
        this.dialect = dialect;
        this.readOnly = mode == Mode.READ || mode == Mode.OPTIMISTIC_READ;
        this.optimistic = mode == Mode.OPTIMISTIC_READ;
        this.remembers = mode != Mode.HOST_TRANSACTION;
        this.inHostTransaction = mode == Mode.HOST_TRANSACTION;
    }

    @Override
    public ProjectRepository projects() {
        return projects;
    }

    @Override
    public MarketingActionRepository actions() {
        return actions;
    }

    @Override
    public LeadRepository leads() {
        return leads;
    }

    @Override
    public NoteRepository notes() {
        return notes;
    }

    @Override
    public ActivityRepository activities() {
        return activities;
    }

    @Override
    public FollowUpRepository followUps() {
        return followUps;
    }

    @Override
    public ReminderQueue reminders() {
        return reminders;
    }

    @Override
    public ResponseDeadlineQueue responseDeadlines() {
        return responseDeadlines;
    }

    @Override
    public SavedSearchRepository savedSearches() {
        return savedSearches;
    }

    @Override
    public EventRegistry events() {
        return events;
    }

    @Override
    public TallyRepository tallies() {
        return tallies;
    }

    /** Deletes the lead's row (version-checked) and then its rows in every table of {@link LeadOwnedRows}. */
    @Override
    public void eraseLead(Lead lead) {
        leads.delete(lead);
        LeadOwnedRows.delete(this, lead.tenant(), lead.id());
    }

    @Override
    public void recordEvents(List<EventEnvelope> recorded) {
        events.record(recorded);
    }

    // ---- the project cache

    /**
     * In an optimistic unit of work, the remembered project, used without a statement: its version is assumed and
     * checked later, by the page statement of a search of it or at the end of the unit of work. Else null.
     */
    Project assume(TenantId tenant, ProjectId id) {
        if (!optimistic) {
            return null;
        }
        Project known = store.projects().latest(id.value(), tenant.value());
        if (known != null) {
            assumed.putIfAbsent(id.value(), known.version());
        }
        return known;
    }

    /** The version assumed for the project, or null if it was not assumed or is confirmed already. */
    Long assumedVersion(ProjectId project) {
        return assumed.get(project.value());
    }

    /** A statement of this unit of work found the project at its assumed version. */
    void confirmed(ProjectId project) {
        assumed.remove(project.value());
    }

    /**
     * Checks every assumption not yet confirmed, with one query; forgets the remembered projects that changed.
     *
     * @return whether the unit of work saw every project as stored
     */
    boolean assumptionsHold() {
        if (assumed.isEmpty()) {
            return true;
        }
        Map<UUID, Long> stored = new HashMap<>();
        for (Object[] row : em.createQuery("select p.id, p.version from LmProject p where p.id in :ids",
                Object[].class).setParameter("ids", new ArrayList<>(assumed.keySet())).getResultList()) {
            stored.put((UUID) row[0], (Long) row[1]);
        }
        boolean hold = true;
        for (Map.Entry<UUID, Long> a : assumed.entrySet()) {
            if (!a.getValue().equals(stored.get(a.getKey()))) {
                store.projects().forget(a.getKey());
                hold = false;
            }
        }
        assumed.clear();
        return hold;
    }

    /** This unit of work inserts or changes the project. */
    void changed(UUID project) {
        changedProjects.add(project);
    }

    /** Whether what this unit of work reads of the project is known to be committed state. */
    boolean mayRemember(UUID project) {
        return remembers && !changedProjects.contains(project);
    }

    // ---- helpers for the repositories and the dialect's statements

    /** JDBC work on this unit's connection, after flushing pending provider changes so both see one state. */
    <R> R jdbc(JdbcWork<R> work) {
        if (em.isJoinedToTransaction()) {
            // a read-only unit of work (LeadStore.read) has no transaction and nothing to flush
            em.flush();
        }
        try {
            return em.callWithConnection((Connection c) -> work.apply(c, dialect));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /**
     * Inserts rows with one prepared statement, sent in JDBC batches of the store's batch size (through
     * {@link #jdbc}).
     */
    <T> void insertBatches(String sql, List<T> rows, RowBinder<T> binder) {
        jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (T row : rows) {
                    binder.bind(ps, dialect, row);
                    ps.addBatch();
                    if (++pending == store.batchSize()) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
            return null;
        });
    }

    /** Binds one row's values to the statement's parameters. */
    @FunctionalInterface
    interface RowBinder<T> {
        void bind(PreparedStatement ps, SqlDialect dialect, T row) throws SQLException;
    }

    /** Work with the unit's JDBC connection. */
    @FunctionalInterface
    interface JdbcWork<R> {
        R apply(Connection connection, SqlDialect dialect) throws SQLException;
    }

    /** The results of a query, entities detached. */
    @SuppressWarnings("unchecked")
    <T> List<T> list(Query query) {
        List<T> result = new ArrayList<>(query.getResultList());
        for (T row : result) {
            detach(row);
        }
        return result;
    }

    /** The first result of a query, entities detached. */
    <T> Optional<T> first(Query query) {
        List<T> result = list(query.setMaxResults(1));
        return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
    }

    /**
     * The domain objects of entities read with lazily loaded rows of their own (configuration, criteria): each is
     * mapped while it is managed, then detached.
     */
    <E, D> List<D> mapped(List<E> rows, Function<E, D> toDomain) {
        List<D> result = new ArrayList<>(rows.size());
        try {
            for (E row : rows) {
                result.add(toDomain.apply(row));
            }
        } finally {
            rows.forEach(this::detach);
        }
        return result;
    }

    /** Inserts a new entity now (so key violations surface here) and detaches it. */
    void insert(Object entity) {
        write(() -> em.persist(entity), entity);
    }

    /**
     * Stores the changed state of a detached entity if the stored one {@code matches} (its tenant and version):
     * loads it, merges the change and flushes, which the provider does as an update conditional on the version
     * (bumping it). A concurrent change between the two surfaces as the provider's optimistic-lock failure.
     *
     * @return false if there is no such row or it does not match
     */
    <E> boolean updateVersioned(Class<E> type, Object id, E changed, Predicate<E> matches) {
        E current = em.find(type, id);
        if (current == null) {
            return false;
        }
        if (!matches.test(current)) {
            em.detach(current);
            return false;
        }
        E merged = em.merge(changed);
        try {
            em.flush();
            if (Objects.equals(em.getEntityManagerFactory().getPersistenceUnitUtil().getVersion(merged),
                    em.getEntityManagerFactory().getPersistenceUnitUtil().getVersion(changed))) {
                // nothing the provider writes changed, so it wrote nothing; a stored change still gets a version
                em.lock(merged, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
            }
        } catch (PersistenceException e) {
            throw Errors.translate(e);
        } finally {
            detach(merged);
        }
        return true;
    }

    /** Removes the managed entity now. */
    void remove(Object entity) {
        write(() -> em.remove(entity), null);
    }

    /** A change flushed at once, so that its failures surface here; then detaches {@code entity} (nullable). */
    private void write(Runnable change, Object entity) {
        try {
            change.run();
            em.flush();
        } catch (PersistenceException e) {
            throw Errors.translate(e);
        } finally {
            detach(entity);
        }
    }

    /** Detaches an entity of the store (or each in a tuple); scalars are left as they are. */
    void detach(Object row) {
        if (row instanceof Object[] tuple) {
            for (Object part : tuple) {
                detach(part);
            }
        } else if (row != null && row.getClass().isAnnotationPresent(Entity.class) && em.contains(row)) {
            em.detach(row);
        }
    }
}
