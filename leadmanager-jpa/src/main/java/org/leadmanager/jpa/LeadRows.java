package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of {@code lm_lead} that bulk qualification writes with JDBC (the provider cannot insert-if-absent, nor
 * batch without the host's settings), each with the value it takes from a {@link LeadEntity}. The per-database
 * insert statements ({@link SqlDialect#insertLeadsIfAbsent}) are built from this one list; {@code SchemaBehaviour}
 * checks that it names every column the entity maps.
 */
final class LeadRows {
    /** One column: its name, its PostgreSQL type (for arrays of it) and its value in a row. */
    record Column(String name, String sqlType, Function<LeadEntity, Object> value) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("id", "uuid", e -> e.id),
            new Column("tenant_id", "text", e -> e.tenantId),
            new Column("project_id", "uuid", e -> e.projectId),
            new Column("contact_id", "text", e -> e.contactId),
            new Column("name", "text", e -> e.name),
            new Column("name_key", "text", e -> e.nameKey),
            new Column("name_fold", "text", e -> e.nameFold),
            new Column("email", "text", e -> e.email),
            new Column("email_key", "text", e -> e.emailKey),
            new Column("email_fold", "text", e -> e.emailFold),
            new Column("phone", "text", e -> e.phone),
            new Column("phone_fold", "text", e -> e.phoneFold),
            new Column("company", "text", e -> e.company),
            new Column("company_key", "text", e -> e.companyKey),
            new Column("company_fold", "text", e -> e.companyFold),
            new Column("city", "text", e -> e.city),
            new Column("city_fold", "text", e -> e.cityFold),
            new Column("details_link", "text", e -> e.detailsLink),
            new Column("status", "text", e -> e.status),
            new Column("assignee", "text", e -> e.assignee),
            new Column("origin_kind", "text", e -> e.originKind),
            new Column("origin_ref", "text", e -> e.originRef),
            new Column("origin_by", "text", e -> e.originBy),
            new Column("owner_kind", "text", e -> e.ownerKind),
            new Column("owner_detail", "text", e -> e.ownerDetail),
            new Column("owner_by", "text", e -> e.ownerBy),
            new Column("lost_reason", "text", e -> e.lostReason),
            new Column("created_at", "timestamptz", e -> e.createdAt),
            new Column("last_activity_at", "timestamptz", e -> e.lastActivityAt),
            new Column("next_follow_up_at", "timestamptz", e -> e.nextFollowUpAt),
            new Column("version", "int8", e -> e.version));

    /** The column names, comma-separated, in {@link #COLUMNS} order. */
    static final String NAMES = COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "));
    /** One {@code ?} per column. */
    static final String PLACEHOLDERS = COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", "));

    private LeadRows() {
    }

    /**
     * The ids of the rows that are stored now, one JPQL query per {@value JpaSession#IN_LIMIT}: after a batch that
     * skipped existing keys, the rows this unit of work inserted (lead ids are new UUIDs).
     */
    static Set<UUID> stored(JpaSession s, List<LeadEntity> rows) {
        Set<UUID> stored = new HashSet<>();
        List<UUID> ids = rows.stream().map(r -> r.id).toList();
        for (int from = 0; from < ids.size(); from += JpaSession.IN_LIMIT) {
            stored.addAll(s.em.createQuery("select l.id from LmLead l where l.id in :ids", UUID.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + JpaSession.IN_LIMIT)))
                    .getResultList());
        }
        return stored;
    }

    /** Runs the statement (one placeholder per column, in order) as one JDBC batch of the rows. */
    static void insertBatch(Connection connection, SqlDialect dialect, String sql, List<LeadEntity> rows)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (LeadEntity row : rows) {
                for (int i = 0; i < COLUMNS.size(); i++) {
                    bind(ps, dialect, i + 1, COLUMNS.get(i), row);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A lead column's value, bound as the provider binds the attribute. */
    private static void bind(PreparedStatement ps, SqlDialect dialect, int index, Column column, LeadEntity row)
            throws SQLException {
        Object value = column.value().apply(row);
        switch (column.sqlType()) {
            case "uuid" -> dialect.bind(ps, index, (UUID) value);
            case "timestamptz" -> dialect.bind(ps, index, (Instant) value);
            case "int8" -> ps.setLong(index, (Long) value);
            default -> ps.setString(index, (String) value);
        }
    }
}
