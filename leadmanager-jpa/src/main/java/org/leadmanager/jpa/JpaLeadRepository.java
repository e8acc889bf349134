package org.leadmanager.jpa;

import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.spi.store.LeadRepository;

/** Leads in {@code lm_lead}: one row per project and contact, enforced by a unique key. */
final class JpaLeadRepository implements LeadRepository {
    /** Most ids bound in one IN list. */
    private static final int IN_LIMIT = 1000;
    /** Most leads inserted by one {@code INSERT ... SELECT FROM unnest(arrays)} on PostgreSQL. */
    private static final int UNNEST_LIMIT = 2000;
    /** How often H2 retries a chunk that raced with a concurrent insert of the same contact. */
    private static final int H2_ATTEMPTS = 10;

    private final JpaSession s;

    JpaLeadRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public Optional<Lead> find(TenantId tenant, LeadId id) {
        return s.first("select l from LmLead l where l.id = ?1 and l.tenantId = ?2", LeadEntity.class,
                id.toString(), tenant.value()).map(LeadEntity::toDomain);
    }

    @Override
    public Optional<Lead> findByContact(TenantId tenant, ProjectId project, ContactId contact) {
        return s.first("select l from LmLead l where l.projectId = ?1 and l.contactId = ?2 and l.tenantId = ?3",
                LeadEntity.class, project.toString(), contact.value(), tenant.value()).map(LeadEntity::toDomain);
    }

    @Override
    public List<Lead> findAllByContact(TenantId tenant, ContactId contact) {
        return s.list("select l from LmLead l where l.tenantId = ?1 and l.contactId = ?2 order by l.id",
                LeadEntity.class, tenant.value(), contact.value()).stream().map(LeadEntity::toDomain).toList();
    }

    @Override
    public Set<ContactId> existingContacts(TenantId tenant, ProjectId project, Collection<ContactId> contacts) {
        Set<ContactId> existing = new HashSet<>();
        List<String> keys = contacts.stream().map(ContactId::value).distinct().toList();
        if (keys.isEmpty()) {
            return existing;
        }
        if (s.database() == Database.POSTGRESQL) {
            // one statement with one array parameter, whatever the number of contacts: no IN list to parse and
            // plan. Each contact is one probe of the unique key (project_id, contact_id): the LIMIT keeps the
            // planner from turning the lateral subquery into a join, so it can never choose a scan of the project's
            // leads (with ANY(?) it chose a bitmap scan of the whole project, ~35 ms per 1000 contacts at 100k)
            return s.jdbc((connection, db) -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT k.contact_id"
                        + " FROM unnest(?::varchar[]) AS k(contact_id)"
                        + " CROSS JOIN LATERAL (SELECT l.tenant_id FROM lm_lead l"
                        + " WHERE l.project_id = ? AND l.contact_id = k.contact_id LIMIT 1) AS l"
                        + " WHERE l.tenant_id = ?")) {
                    ps.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                    ps.setString(2, project.toString());
                    ps.setString(3, tenant.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.add(ContactId.of(rs.getString(1)));
                        }
                    }
                }
                return existing;
            });
        }
        for (int from = 0; from < keys.size(); from += IN_LIMIT) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + IN_LIMIT));
            TypedQuery<String> query = s.em.createQuery("select l.contactId from LmLead l where l.projectId = ?1"
                    + " and l.tenantId = ?2 and l.contactId in ?3", String.class);
            query.setParameter(1, project.toString()).setParameter(2, tenant.value()).setParameter(3, chunk);
            query.getResultList().forEach(c -> existing.add(ContactId.of(c)));
        }
        return existing;
    }

    /**
     * Inserts with the database's insert-if-absent statement, so concurrent units of work and nodes never create a
     * second lead for a project and contact. PostgreSQL: one {@code INSERT ... SELECT FROM unnest(arrays) ON
     * CONFLICT DO NOTHING RETURNING id} per chunk, which names exactly the inserted rows in one round trip (a
     * batch with RETURNING would defeat {@code reWriteBatchedInserts} and go row by row). Others: one JDBC batch
     * per chunk, then one query for which of the attempted ids now exist: those rows are the ones this call
     * inserted (lead ids are new UUIDs).
     */
    @Override
    public List<Lead> insertIfAbsent(List<Lead> leads) {
        if (leads.isEmpty()) {
            return List.of();
        }
        Set<String> inserted = new HashSet<>();
        // PostgreSQL sends a chunk as one statement of arrays whatever its size: up to UNNEST_LIMIT rows at once
        int chunkSize = s.database() == Database.POSTGRESQL ? Math.max(s.store.batchSize(), UNNEST_LIMIT)
                : s.store.batchSize();
        for (int from = 0; from < leads.size(); from += chunkSize) {
            List<Lead> chunk = leads.subList(from, Math.min(leads.size(), from + chunkSize));
            inserted.addAll(s.jdbc((connection, db) -> insertChunk(connection, db, chunk)));
        }
        return leads.stream().filter(l -> inserted.contains(l.id().toString())).toList();
    }

    private static Set<String> insertChunk(Connection connection, Database db, List<Lead> chunk)
            throws SQLException {
        Columns columns = Columns.of(LeadEntity.class);
        // the same order on every node keeps concurrent chunks from deadlocking on each other's keys
        List<LeadEntity> rows = chunk.stream().map(LeadEntity::of)
                .sorted(Comparator.comparing((LeadEntity e) -> e.projectId).thenComparing(e -> e.contactId))
                .toList();
        String sql = db.insertIfAbsent(columns.table(), columns.insertColumns(), columns.placeholders(),
                "project_id, contact_id");
        if (db == Database.H2) {
            // H2's MERGE is not atomic: a concurrent insert of the same key fails it after waiting for the other
            // transaction; once that committed, the retry sees the row and skips it
            for (int attempt = 1; ; attempt++) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    insertBatch(connection, db, sql, columns, rows);
                    connection.releaseSavepoint(savepoint);
                    break;
                } catch (SQLException e) {
                    connection.rollback(savepoint);
                    if (!Errors.isUniqueViolation(e) || attempt == H2_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } else if (db == Database.POSTGRESQL) {
            return insertUnnest(connection, columns, rows);
        } else {
            insertBatch(connection, db, sql, columns, rows);
        }
        return existingIds(connection, rows.stream().map(r -> r.id).toList());
    }

    /**
     * PostgreSQL: the chunk as one array per column, unnested into rows in their order (sorted, see above), and
     * RETURNING the ids of the rows that were inserted (DO NOTHING returns none for the others). Every value
     * travels as text in the column's array type, so one statement text serves every chunk size.
     */
    private static Set<String> insertUnnest(Connection connection, Columns columns, List<LeadEntity> rows)
            throws SQLException {
        List<Columns.Attribute> attributes = columns.attributes();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(columns.table()).append(" (")
                .append(columns.insertColumns()).append(") SELECT * FROM unnest(");
        for (int i = 0; i < attributes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(arrayType(attributes.get(i).type())).append("[]");
        }
        sql.append(") ON CONFLICT (project_id, contact_id) DO NOTHING RETURNING id");
        Set<String> inserted = new HashSet<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < attributes.size(); i++) {
                Columns.Attribute a = attributes.get(i);
                String[] values = new String[rows.size()];
                for (int r = 0; r < values.length; r++) {
                    Object value = a.get(rows.get(r));
                    values[r] = value == null ? null : value.toString();
                }
                ps.setArray(i + 1, connection.createArrayOf(arrayType(a.type()), values));
            }
            try (ResultSet keys = ps.executeQuery()) {
                while (keys.next()) {
                    inserted.add(keys.getString(1));
                }
            }
        }
        return inserted;
    }

    /** The PostgreSQL element type a mapped Java type travels as; {@link Instant#toString} is ISO-8601 in UTC. */
    private static String arrayType(Class<?> type) {
        if (type == String.class) {
            return "text";
        }
        if (type == Instant.class) {
            return "timestamptz";
        }
        if (type == long.class || type == Long.class) {
            return "int8";
        }
        throw new IllegalArgumentException("unmapped lead column type " + type);
    }

    private static void insertBatch(Connection connection, Database db, String sql, Columns columns,
            List<LeadEntity> rows) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (LeadEntity row : rows) {
                int i = 1;
                for (Columns.Attribute a : columns.attributes()) {
                    db.bind(ps, i++, a.get(row), a.type());
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Set<String> existingIds(Connection connection, List<String> ids) throws SQLException {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIMIT) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIMIT));
            String sql = "SELECT id FROM lm_lead WHERE id IN ("
                    + part.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < part.size(); i++) {
                    ps.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        existing.add(rs.getString(1));
                    }
                }
            }
        }
        return existing;
    }

    @Override
    public Lead update(Lead lead) {
        if (!s.updateVersioned(LeadEntity.of(lead))) {
            throw new StaleModificationException("lead", lead.id(), lead.version());
        }
        return lead.withVersion(lead.version() + 1);
    }

    @Override
    public void touch(TenantId tenant, LeadId lead, Instant at) {
        int rows = s.execute("update LmLead l set l.lastActivityAt = case when l.lastActivityAt < ?1 then ?1"
                + " else l.lastActivityAt end where l.id = ?2 and l.tenantId = ?3", at, lead.toString(),
                tenant.value());
        requireOne(rows, lead);
    }

    @Override
    public void setNextFollowUpAt(TenantId tenant, LeadId lead, Instant due) {
        int rows = s.execute("update LmLead l set l.nextFollowUpAt = ?1 where l.id = ?2 and l.tenantId = ?3", due,
                lead.toString(), tenant.value());
        requireOne(rows, lead);
    }

    private static void requireOne(int rows, LeadId lead) {
        if (rows != 1) {
            throw new StaleModificationException("lead " + lead + " is gone; reload", null);
        }
    }

    @Override
    public void delete(Lead lead) {
        int rows = s.execute("delete from LmLead l where l.id = ?1 and l.tenantId = ?2 and l.version = ?3",
                lead.id().toString(), lead.tenant().value(), lead.version());
        if (rows == 0) {
            throw new StaleModificationException("lead", lead.id(), lead.version());
        }
    }

    /**
     * One statement per page, whatever the page size. The JPQL page query of {@link LeadFilter#page}, run as the
     * SQL it stands for on the unit's connection and mapped row by row (no persistence context, no hydration):
     * same filter, order and limit.
     */
    @Override
    public List<Lead> search(LeadSearch search) {
        return search(search, null);
    }

    /** The page; with a project version, empty unless the project is stored at that version. */
    List<Lead> search(LeadSearch search, Long projectVersion) {
        LeadFilter filter = new LeadFilter(search.tenant(), search.project(), search.criteria());
        LeadFilter.Sql sql = LeadFilter.pageSql(search, filter, projectVersion);
        Columns columns = Columns.of(LeadEntity.class);
        return s.jdbc((connection, db) -> {
            try (PreparedStatement ps = connection.prepareStatement(sql.text())) {
                int i = 1;
                for (Object arg : sql.args()) {
                    bind(ps, db, i++, arg);
                }
                List<Lead> page = new ArrayList<>(Math.min(search.limit(), 1000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(columns.readInOrder(rs, db, LeadEntity::new, 1).toDomain());
                    }
                }
                return page;
            }
        });
    }

    /** A search parameter by its runtime type, as the provider binds it for the attribute it is compared with. */
    private static void bind(PreparedStatement ps, Database db, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            db.bind(ps, index, instant);
        } else if (value instanceof String string) {
            ps.setString(index, string);
        } else if (value instanceof Integer number) {
            ps.setInt(index, number);
        } else if (value instanceof Long number) {
            ps.setLong(index, number);
        } else {
            throw new IllegalArgumentException("unexpected search parameter " + value);
        }
    }

    @Override
    public Map<StatusKey, Long> countByStatus(TenantId tenant, ProjectId project, LeadCriteria criteria) {
        LeadFilter filter = new LeadFilter(tenant, project, criteria);
        TypedQuery<Object[]> query = s.em.createQuery("select l.status, count(l) from LmLead l where "
                + filter.where() + " group by l.status", Object[].class);
        filter.bind(query);
        Map<StatusKey, Long> counts = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put(StatusKey.of((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }

    @Override
    public Map<ProjectId, Map<StatusKey, Long>> countByProjectAndStatus(TenantId tenant) {
        Map<ProjectId, Map<StatusKey, Long>> counts = new HashMap<>();
        for (Object[] row : s.tuples("select l.projectId, l.status, count(l) from LmLead l where l.tenantId = ?1"
                + " group by l.projectId, l.status", tenant.value())) {
            counts.computeIfAbsent(ProjectId.parse((String) row[0]), p -> new HashMap<>())
                    .put(StatusKey.of((String) row[1]), ((Number) row[2]).longValue());
        }
        return counts;
    }

    @Override
    public Map<UserId, Long> countByAssignee(TenantId tenant, ProjectId project, Set<StatusKey> statuses) {
        Map<UserId, Long> counts = new HashMap<>();
        if (statuses.isEmpty()) {
            return counts;
        }
        for (Object[] row : s.tuples("select l.assignee, count(l) from LmLead l where l.tenantId = ?1"
                + " and l.projectId = ?2 and l.status in ?3 and l.assignee is not null group by l.assignee",
                tenant.value(), project.toString(), statuses.stream().map(StatusKey::value).toList())) {
            counts.put(UserId.of((String) row[0]), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
