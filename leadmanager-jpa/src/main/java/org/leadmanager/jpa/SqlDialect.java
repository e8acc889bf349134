package org.leadmanager.jpa;

import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.error.StoreException;

/**
 * The few statements JPA cannot express, one implementation per database ({@link PostgresDialect},
 * {@link MariaDbDialect}, {@link H2Dialect}): insert-if-absent for bulk qualification, claiming reminders and events
 * with {@code FOR UPDATE SKIP LOCKED}, and the statements a database can do in one round trip where JPA needs two
 * ({@code UPDATE ... RETURNING}, array parameters), and how each binds and reads ids and instants for the statements
 * the store writes in SQL itself (bulk inserts, the search page and counts: {@link LeadFilter}). Everything else
 * the store says in JPQL. The defaults here are the portable JPA forms a database keeps unless it has a better
 * statement.
 */
interface SqlDialect {

    /** The database behind the connection. @throws StoreException for an unsupported one */
    static SqlDialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgresql")) {
            return new PostgresDialect();
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return new MariaDbDialect();
        }
        if (product.equals("h2")) {
            return new H2Dialect();
        }
        throw new StoreException("JpaLeadStore supports PostgreSQL, MariaDB and H2, not "
                + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion(), null);
    }

    /** The script folder: {@code postgresql}, {@code mariadb} or {@code h2}. */
    String folder();

    /** The classpath resource of the script that creates the library's tables on this database. */
    default String schemaScript() {
        return JpaLeadStore.SCHEMA_LOCATION + "/" + folder() + "/V1__leadmanager_schema.sql";
    }

    /** A page statement ({@code SELECT ... ORDER BY ... LIMIT}) as this database runs it: as written by default. */
    default String sortedSelect(String select) {
        return select;
    }

    /**
     * Runs first in each transaction the store begins itself, so that every statement reads the latest committed
     * state (READ COMMITTED), as on PostgreSQL and H2 by default.
     */
    default void beginTransaction(Connection connection) throws SQLException {
    }

    /** Binds an id (nullable) as the provider binds the mapped UUID columns. */
    default void bind(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    /** Binds an instant (nullable) as the provider binds the mapped timestamp columns. */
    default void bind(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** Reads an id column (nullable) as the provider reads the mapped UUID columns. */
    default UUID uuid(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, UUID.class);
    }

    /** Reads an instant column (nullable) as the provider reads the mapped timestamp columns. */
    default Instant instant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime value = rs.getObject(index, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Most leads {@link #insertLeadsIfAbsent} takes at once, given the store's batch size. */
    default int leadChunk(int batchSize) {
        return batchSize;
    }

    /**
     * Inserts the rows whose project and contact have no lead yet, also against concurrent inserts of the same
     * pair, and returns the ids of the rows it inserted. The rows come sorted by project and contact (so that
     * concurrent chunks lock keys in one order); {@link LeadRows} lists their columns.
     */
    Set<UUID> insertLeadsIfAbsent(JpaSession s, List<LeadEntity> rows);

    /** Inserts rows of {@code lm_lead_word} ({@link LeadWords}). Default: JDBC batches of plain inserts. */
    default void insertWords(JpaSession s, List<LeadWords.Row> rows) {
        LeadWords.insertBatches(s, rows);
    }

    /** Which of the contacts (distinct) are leads of the project. Default: JPQL, 1000 contacts per IN list. */
    default Set<String> existingContacts(JpaSession s, String tenant, UUID project, List<String> contacts) {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < contacts.size(); from += JpaSession.IN_LIMIT) {
            existing.addAll(s.em.createQuery("select l.contactId from LmLead l where l.projectId = :project"
                    + " and l.tenantId = :tenant and l.contactId in :contacts", String.class)
                    .setParameter("project", project).setParameter("tenant", tenant)
                    .setParameter("contacts", contacts.subList(from, Math.min(contacts.size(),
                            from + JpaSession.IN_LIMIT)))
                    .getResultList());
        }
        return existing;
    }

    /** {@link org.leadmanager.spi.store.ReminderQueue#claimDue}: the claimed follow-ups as stored now, in order. */
    List<FollowUp> claimDue(JpaSession s, Instant now, int limit, String node, Instant leaseUntil);

    /**
     * The rows {@link org.leadmanager.spi.store.EventRegistry#claim} may take at {@code now} with a {@code seq} from
     * {@code from} (inclusive) to {@code to} (exclusive), at most {@code limit}, in {@code seq} order: pending,
     * claimable (never tried, lease or retry time reached), and not behind a pending row of their lead that is not
     * claimable; with {@link #skipLocked()}, locked against every other claim. The caller still drops the rows
     * behind a candidate that another claim holds (see {@code JpaEventRegistry}).
     *
     * <p>The range bounds what the statement reads whatever plan the database picks. Without it, a plan made for a
     * registry the statistics still show as (nearly) empty, as they do after a quiet spell, reads, checks and sorts
     * every pending row to return the first hundred: each claim then costs as much as the backlog, ~100 ms at
     * 10,000 pending rows on PostgreSQL, which is when claims should be fastest.
     */
    default List<EventEntity> claimableEvents(JpaSession s, Instant now, long from, long to, int limit) {
        // the limit is a literal, for the reason PostgresDialect.claimDue gives
        return s.list(s.em.createNativeQuery("SELECT * FROM lm_event e WHERE e.state = 'PENDING'"
                + " AND e.seq >= ?2 AND e.seq < ?3"
                + " AND (e.claimable_at IS NULL OR e.claimable_at <= ?1) AND NOT EXISTS (SELECT 1 FROM lm_event b"
                + " WHERE b.lead_id = e.lead_id AND b.state = 'PENDING' AND b.seq < e.seq AND b.claimable_at > ?1)"
                + " ORDER BY e.seq LIMIT " + limit + (skipLocked() ? " FOR UPDATE SKIP LOCKED" : ""),
                EventEntity.class).setParameter(1, now).setParameter(2, from).setParameter(3, to));
    }

    /**
     * Has the database plan each later statement of this unit of work for the values it is given, never reusing a
     * plan made for earlier ones: for the event registry, whose table swings from empty to a large backlog and back.
     * Default: nothing (the database plans each execution anyway).
     */
    default void planEachExecution(JpaSession s) {
    }

    /**
     * Whether one prepared statement may hold two statements separated by {@code ;}, sent in one round trip, their
     * results read one after the other. PostgreSQL's driver does so; MariaDB's only with {@code allowMultiQueries},
     * which is the host's pool's setting.
     */
    default boolean sendsStatementsTogether() {
        return false;
    }

    /**
     * Whether {@link #claimableEvents} locks its rows with {@code FOR UPDATE SKIP LOCKED}, so concurrent claims take
     * disjoint rows without waiting for each other.
     */
    default boolean skipLocked() {
        return true;
    }

    /**
     * The clause that locks a project's row until the unit of work ends, for work on the project that must take
     * turns (round-robin, recount), without holding up lead inserts where the database allows: they only check the
     * row's key.
     */
    default String lockProjectRow() {
        return " FOR UPDATE";
    }

    /**
     * Claims the chosen rows of {@link #claimableEvents} for {@code node} until {@code lease} and returns those it
     * claimed, in order, as they were before. Default: one update, since this transaction holds their locks.
     */
    default List<EventEntity> claimEvents(JpaSession s, List<EventEntity> chosen, String node, Instant lease) {
        if (!chosen.isEmpty()) {
            s.jdbc((connection, db) -> {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE lm_event SET claimed_by = ?,"
                        + " claimable_at = ? WHERE id IN (" + JpaEventRegistry.placeholders(chosen.size()) + ")")) {
                    ps.setString(1, node);
                    db.bind(ps, 2, lease);
                    int i = 3;
                    for (EventEntity e : chosen) {
                        db.bind(ps, i++, e.id);
                    }
                    return ps.executeUpdate();
                }
            });
        }
        return chosen;
    }

    /**
     * Marks fired the follow-ups of the tenant with these ids that are open and under the claim of {@code node}
     * until {@code lease}; returns them as stored now. Default: one JPQL update, then one JPQL query for the rows
     * it changed (within this unit of work, which holds their row locks, only this update can have fired them
     * under this claim at {@code now}).
     */
    default List<FollowUpEntity> fireClaimed(JpaSession s, String tenant, List<UUID> ids, String node,
            Instant lease, Instant now) {
        s.em.createQuery("update LmFollowUp f set f.reminder = 'FIRED', f.claimableAt = null,"
                + " f.remindedAt = :now, f.lastError = null, f.version = f.version + 1 where f.tenantId = :tenant"
                + " and f.id in :ids and f.state = 'OPEN' and f.reminder = 'CLAIMED' and f.claimedBy = :node"
                + " and f.claimableAt = :lease")
                .setParameter("now", now).setParameter("tenant", tenant).setParameter("ids", ids)
                .setParameter("node", node).setParameter("lease", lease).executeUpdate();
        return s.list(s.em.createQuery("select f from LmFollowUp f where f.tenantId = :tenant and f.id in :ids"
                + " and f.reminder = 'FIRED' and f.remindedAt = :now and f.claimedBy = :node", FollowUpEntity.class)
                .setParameter("tenant", tenant).setParameter("ids", ids).setParameter("now", now)
                .setParameter("node", node));
    }

    /**
     * Raises the timeline counter {@code lm_lead.activity_seq} of each lead by its count, in the given order (the
     * order in which units of work lock leads), and returns the new counters; a lead of another tenant or none is
     * missing from the result. Default: one JDBC batch of updates in that order (one round trip, however many
     * leads: a reminder batch touches many), then one JPQL query for the counters.
     */
    default Map<UUID, Long> raiseActivityCounters(JpaSession s, String tenant, List<UUID> leads,
            Map<UUID, Integer> counts) {
        s.jdbc((connection, dialect) -> {
            try (PreparedStatement ps = connection.prepareStatement("UPDATE lm_lead SET activity_seq ="
                    + " activity_seq + ? WHERE id = ? AND tenant_id = ?")) {
                for (UUID lead : leads) {
                    ps.setLong(1, counts.get(lead));
                    dialect.bind(ps, 2, lead);
                    ps.setString(3, tenant);
                    ps.addBatch();
                }
                // the counts of a batch may be SUCCESS_NO_INFO on some drivers: the query below tells what exists
                ps.executeBatch();
            }
            return null;
        });
        Map<UUID, Long> latest = new HashMap<>();
        for (int from = 0; from < leads.size(); from += JpaSession.IN_LIMIT) {
            TypedQuery<Object[]> query = s.em.createQuery("select l.id, l.activitySeq from LmLead l"
                    + " where l.tenantId = :tenant and l.id in :leads", Object[].class)
                    .setParameter("tenant", tenant)
                    .setParameter("leads", new ArrayList<>(leads.subList(from, Math.min(leads.size(),
                            from + JpaSession.IN_LIMIT))));
            for (Object[] row : query.getResultList()) {
                latest.put((UUID) row[0], ((Number) row[1]).longValue());
            }
        }
        return latest;
    }

    /**
     * {@link org.leadmanager.spi.store.ResponseDeadlineQueue#claimBreached}: claims for {@code node} until
     * {@code leaseUntil} the leads claimable at {@code now} ({@code response_claimable_at} reached), earliest first,
     * at most {@code limit}, counting an attempt on each, and returns them as they were before the claim. Default,
     * without {@code SKIP LOCKED}: reads the candidates, then claims
     * each with an update conditional on the claimable time it was read with, which every claim moves; a lead
     * another claimer took first is left out.
     */
    default List<LeadEntity> claimBreached(JpaSession s, Instant now, int limit, String node, Instant leaseUntil) {
        List<LeadEntity> due = s.list(s.em.createQuery("select l from LmLead l where l.responseClaimableAt <= :now"
                + " order by l.responseClaimableAt, l.id", LeadEntity.class).setParameter("now", now)
                .setMaxResults(limit));
        List<LeadEntity> claimed = new ArrayList<>(due.size());
        for (LeadEntity lead : due) {
            if (s.em.createQuery("update LmLead l set l.responseClaimableAt = :lease, l.responseClaimedBy = :node,"
                    + " l.responseAttempts = l.responseAttempts + 1 where l.id = :id and l.responseClaimableAt = :was").setParameter("lease", leaseUntil)
                    .setParameter("node", node).setParameter("id", lead.id)
                    .setParameter("was", lead.responseClaimableAt).executeUpdate() == 1) {
                claimed.add(lead);
            }
        }
        return claimed;
    }
}
