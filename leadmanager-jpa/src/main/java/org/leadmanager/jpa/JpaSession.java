package org.leadmanager.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.spi.store.ActivityRepository;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.LeadRepository;
import org.leadmanager.spi.store.MarketingActionRepository;
import org.leadmanager.spi.store.NoteRepository;
import org.leadmanager.spi.store.ProjectRepository;
import org.leadmanager.spi.store.SavedSearchRepository;
import org.leadmanager.spi.store.StoreSession;

/**
 * One unit of work on one EntityManager, and the query helpers its repositories share.
 *
 * <p>The repositories keep the persistence context free of their entities between calls: reads detach what they
 * loaded, inserts flush and detach, and updates are single versioned JPQL statements. So a bulk update can never
 * leave a stale managed copy behind, and a host EntityManager that is joined keeps only the host's own entities.
 */
final class JpaSession implements StoreSession {
    final EntityManager em;
    final JpaLeadStore store;
    private final JpaProjectRepository projects = new JpaProjectRepository(this);
    private final JpaMarketingActionRepository actions = new JpaMarketingActionRepository(this);
    private final JpaLeadRepository leads = new JpaLeadRepository(this);
    private final JpaNoteRepository notes = new JpaNoteRepository(this);
    private final JpaActivityRepository activities = new JpaActivityRepository(this);
    private final JpaFollowUpRepository followUps = new JpaFollowUpRepository(this);
    private final JpaSavedSearchRepository savedSearches = new JpaSavedSearchRepository(this);

    /** Whether this is a read-only unit of work without a transaction ({@code JpaLeadStore.read}). */
    final boolean readOnly;

    JpaSession(JpaLeadStore store, EntityManager em) {
        this(store, em, false);
    }

    JpaSession(JpaLeadStore store, EntityManager em, boolean readOnly) {
        this.store = store;
        this.em = em;
        this.readOnly = readOnly;
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
    public SavedSearchRepository savedSearches() {
        return savedSearches;
    }

    /** True for an outermost {@link JpaLeadStore#read} on an auto-commit connection, which cannot write. */
    @Override
    public boolean readsCommittedOnly() {
        return readOnly;
    }

    /**
     * The page statement itself checks the project's version ({@code EXISTS} on {@code lm_project}), so a search
     * with a remembered project is one statement; only an empty page asks for the version to tell "no match" from
     * "changed".
     */
    @Override
    public Optional<List<Lead>> searchIfProjectAt(LeadSearch search, long projectVersion) {
        List<Lead> page = leads.search(search, projectVersion);
        if (!page.isEmpty()) {
            return Optional.of(page);
        }
        List<Long> version = em.createQuery("select p.version from LmProject p where p.id = ?1 and p.tenantId = ?2",
                Long.class).setParameter(1, search.project().toString()).setParameter(2, search.tenant().value())
                .getResultList();
        return version.equals(List.of(projectVersion)) ? Optional.of(page) : Optional.empty();
    }

    @Override
    public void recordEvents(List<EventEnvelope> events) {
        Outbox.record(this, events);
    }

    Database database() {
        return store.database(em);
    }

    // ---- helpers for the repositories

    /** JDBC work on this unit's connection, after flushing pending provider changes so both see one state. */
    <R> R jdbc(JdbcWork<R> work) {
        if (em.isJoinedToTransaction()) {
            // a read-only unit of work (LeadStore.read) has no transaction and nothing to flush
            em.flush();
        }
        Database db = database();
        try {
            return em.callWithConnection((Connection c) -> work.apply(c, db));
        } catch (RuntimeException e) {
            throw Errors.translate(e);
        }
    }

    /** Work with the unit's JDBC connection. */
    @FunctionalInterface
    interface JdbcWork<R> {
        R apply(Connection connection, Database database) throws SQLException;
    }

    /** Entities of a JPQL query with positional parameters ?1, ?2, ..., detached. */
    <T> List<T> list(String jpql, Class<T> type, Object... args) {
        return limited(jpql, type, 0, args);
    }

    /** At most {@code limit} entities (0: all) of a JPQL query, detached. */
    <T> List<T> limited(String jpql, Class<T> type, int limit, Object... args) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        bind(query, args);
        if (limit > 0) {
            query.setMaxResults(limit);
        }
        return detached(query.getResultList());
    }

    <T> Optional<T> first(String jpql, Class<T> type, Object... args) {
        List<T> result = limited(jpql, type, 1, args);
        return result.isEmpty() ? Optional.empty() : Optional.of(result.get(0));
    }

    /** Rows of a JPQL query selecting scalars. */
    List<Object[]> tuples(String jpql, Object... args) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
        bind(query, args);
        return query.getResultList();
    }

    /** Runs a JPQL update or delete; returns the number of rows. */
    int execute(String jpql, Object... args) {
        Query query = em.createQuery(jpql);
        bind(query, args);
        return query.executeUpdate();
    }

    /** Inserts a new entity now (so key violations surface here) and detaches it. */
    void insert(Object entity) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            throw Errors.translate(e);
        } finally {
            if (em.contains(entity)) {
                em.detach(entity);
            }
        }
    }

    /**
     * Writes every updatable attribute of the entity if the stored row of its tenant has its version, bumping
     * the version. @return whether the row was updated
     */
    boolean updateVersioned(Object entity) {
        Columns columns = Columns.of(entity.getClass());
        Query query = em.createQuery(columns.versionedUpdate());
        Object id = null;
        Object tenant = null;
        Object version = null;
        for (Columns.Attribute a : columns.attributes()) {
            if (a.updatable()) {
                query.setParameter(a.name(), a.get(entity));
            } else if (a.id()) {
                id = a.get(entity);
            } else if (a.version()) {
                version = a.get(entity);
            } else if (a.name().equals("tenantId")) {
                tenant = a.get(entity);
            }
        }
        query.setParameter("id", id).setParameter("tenantId", tenant).setParameter("version", version);
        try {
            return query.executeUpdate() == 1;
        } catch (PersistenceException e) {
            throw Errors.translate(e);
        }
    }

    /**
     * {@link #updateVersioned(Object)} for many entities of one class with one JDBC batch (one round trip).
     * @return the rows updated per entity, in order: 0 where the stored version differed
     */
    int[] updateVersioned(List<?> entities) {
        Columns columns = Columns.of(entities.get(0).getClass());
        List<Columns.Attribute> sets = columns.attributes().stream().filter(Columns.Attribute::updatable).toList();
        Columns.Attribute id = columns.attributes().stream().filter(Columns.Attribute::id).findFirst().orElseThrow();
        Columns.Attribute version = columns.attributes().stream().filter(Columns.Attribute::version).findFirst()
                .orElseThrow();
        Columns.Attribute tenant = columns.attributes().stream().filter(a -> a.name().equals("tenantId")).findFirst()
                .orElseThrow();
        StringBuilder sql = new StringBuilder("UPDATE ").append(columns.table()).append(" SET ");
        for (Columns.Attribute a : sets) {
            sql.append(a.column()).append(" = ?, ");
        }
        sql.append(version.column()).append(" = ").append(version.column()).append(" + 1 WHERE ").append(id.column())
                .append(" = ? AND ").append(tenant.column()).append(" = ? AND ").append(version.column()).append(" = ?");
        return jdbc((connection, db) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
                for (Object entity : entities) {
                    int i = 1;
                    for (Columns.Attribute a : sets) {
                        db.bind(ps, i++, a.get(entity), a.type());
                    }
                    for (Columns.Attribute a : List.of(id, tenant, version)) {
                        db.bind(ps, i++, a.get(entity), a.type());
                    }
                    ps.addBatch();
                }
                return ps.executeBatch();
            }
        });
    }

    <T> List<T> detached(List<T> entities) {
        List<T> result = new ArrayList<>(entities.size());
        for (T e : entities) {
            em.detach(e);
            result.add(e);
        }
        return result;
    }

    private static void bind(Query query, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
    }
}
