package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;

/**
 * The tables whose rows belong to one lead, found by {@code tenant_id} and {@code lead_id}: erasing a lead
 * ({@link JpaSession#eraseLead}) deletes its rows in each, then the lead's own row. A table that keeps rows of a
 * lead (a note, a timeline entry, a follow-up and its reminder, an event in any state, a derived search key) belongs
 * in this list; the contract kit's privacy scan reads every table of the schema, so one that is missing here fails
 * it.
 */
final class LeadOwnedRows {
    /** Each has the columns {@code tenant_id} and {@code lead_id}, and an index that leads with {@code lead_id}. */
    static final List<String> TABLES = List.of(
            "lm_note",
            "lm_activity",
            "lm_follow_up",
            "lm_event");

    private LeadOwnedRows() {
    }

    /** Deletes the lead's rows in every table of {@link #TABLES}, in list order. */
    static void delete(JpaSession s, TenantId tenant, LeadId lead) {
        s.jdbc((connection, dialect) -> {
            for (String table : TABLES) {
                try (PreparedStatement ps = connection.prepareStatement("DELETE FROM " + table
                        + " WHERE lead_id = ? AND tenant_id = ?")) {
                    dialect.bind(ps, 1, lead.value());
                    ps.setString(2, tenant.value());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}
