package org.leadmanager.jpa;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of {@code lm_lead} that the store writes and reads with JDBC, each with the value it takes from a
 * {@link LeadEntity} and where a value read goes: bulk qualification writes rows with them (the provider cannot
 * insert-if-absent, nor batch without the host's settings; {@link SqlDialect#insertLeadsIfAbsent}), and a search
 * page reads them ({@link LeadFilter#page}, {@link #read}). {@code SchemaBehaviour} checks that the list names
 * every column the entity writes.
 */
final class LeadRows {
    /** One column: its name, its PostgreSQL type (for arrays of it), its value in a row, and where a read value goes. */
    record Column(String name, String sqlType, Function<LeadEntity, Object> value,
            BiConsumer<LeadEntity, Object> set) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("id", "uuid", e -> e.id, (e, v) -> e.id = (UUID) v),
            new Column("tenant_id", "text", e -> e.tenantId, (e, v) -> e.tenantId = (String) v),
            new Column("project_id", "uuid", e -> e.projectId, (e, v) -> e.projectId = (UUID) v),
            new Column("contact_id", "text", e -> e.contactId, (e, v) -> e.contactId = (String) v),
            new Column("name", "text", e -> e.name, (e, v) -> e.name = (String) v),
            new Column("name_key", "text", e -> e.nameKey, (e, v) -> e.nameKey = (String) v),
            new Column("name_fold", "text", e -> e.nameFold, (e, v) -> e.nameFold = (String) v),
            new Column("email", "text", e -> e.email, (e, v) -> e.email = (String) v),
            new Column("email_key", "text", e -> e.emailKey, (e, v) -> e.emailKey = (String) v),
            new Column("email_fold", "text", e -> e.emailFold, (e, v) -> e.emailFold = (String) v),
            new Column("phone", "text", e -> e.phone, (e, v) -> e.phone = (String) v),
            new Column("phone_fold", "text", e -> e.phoneFold, (e, v) -> e.phoneFold = (String) v),
            new Column("company", "text", e -> e.company, (e, v) -> e.company = (String) v),
            new Column("company_key", "text", e -> e.companyKey, (e, v) -> e.companyKey = (String) v),
            new Column("company_fold", "text", e -> e.companyFold, (e, v) -> e.companyFold = (String) v),
            new Column("city", "text", e -> e.city, (e, v) -> e.city = (String) v),
            new Column("city_fold", "text", e -> e.cityFold, (e, v) -> e.cityFold = (String) v),
            new Column("details_link", "text", e -> e.detailsLink, (e, v) -> e.detailsLink = (String) v),
            new Column("search_words", "text", e -> e.searchWords, (e, v) -> e.searchWords = (String) v),
            new Column("status", "text", e -> e.status, (e, v) -> e.status = (String) v),
            new Column("assignee", "text", e -> e.assignee, (e, v) -> e.assignee = (String) v),
            new Column("origin_kind", "text", e -> e.originKind, (e, v) -> e.originKind = (String) v),
            new Column("origin_ref", "text", e -> e.originRef, (e, v) -> e.originRef = (String) v),
            new Column("origin_by", "text", e -> e.originBy, (e, v) -> e.originBy = (String) v),
            new Column("owner_kind", "text", e -> e.ownerKind, (e, v) -> e.ownerKind = (String) v),
            new Column("owner_detail", "text", e -> e.ownerDetail, (e, v) -> e.ownerDetail = (String) v),
            new Column("owner_by", "text", e -> e.ownerBy, (e, v) -> e.ownerBy = (String) v),
            new Column("lost_reason", "text", e -> e.lostReason, (e, v) -> e.lostReason = (String) v),
            new Column("created_at", "timestamptz", e -> e.createdAt, (e, v) -> e.createdAt = (Instant) v),
            new Column("status_since", "timestamptz", e -> e.statusSince, (e, v) -> e.statusSince = (Instant) v),
            new Column("last_activity_at", "timestamptz", e -> e.lastActivityAt,
                    (e, v) -> e.lastActivityAt = (Instant) v),
            new Column("next_follow_up_at", "timestamptz", e -> e.nextFollowUpAt,
                    (e, v) -> e.nextFollowUpAt = (Instant) v),
            new Column("version", "int8", e -> e.version, (e, v) -> e.version = (Long) v),
            new Column("response_due_at", "timestamptz", e -> e.responseDueAt,
                    (e, v) -> e.responseDueAt = (Instant) v),
            new Column("response_claimable_at", "timestamptz", e -> e.responseClaimableAt,
                    (e, v) -> e.responseClaimableAt = (Instant) v));

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

    /** The current row of a result whose columns are {@link #COLUMNS}, in order. */
    static LeadEntity read(ResultSet rs, SqlDialect dialect) throws SQLException {
        LeadEntity row = new LeadEntity();
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column column = COLUMNS.get(i);
            int index = i + 1;
            column.set().accept(row, switch (column.sqlType()) {
                case "uuid" -> dialect.uuid(rs, index);
                case "timestamptz" -> dialect.instant(rs, index);
                case "int8" -> rs.getLong(index);
                default -> rs.getString(index);
            });
        }
        return row;
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
