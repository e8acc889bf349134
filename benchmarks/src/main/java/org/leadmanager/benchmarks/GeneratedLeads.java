package org.leadmanager.benchmarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Leads generated inside the database, many at a time, without the library: numbers {@code g} from 1 on become
 * contacts {@code c00000001…}, each lead's card, keys and times derived from {@code g} (last activity spread over
 * a year), what varies between scenarios (project, status, owner) given as SQL expressions over {@code g}.
 */
final class GeneratedLeads {
    /** Every column of {@code lm_lead} the library reads, in the order of its column list. */
    static final String COLUMNS = "id, tenant_id, project_id, contact_id, name, name_key, name_fold, email,"
            + " email_key, email_fold, phone, phone_fold, company, company_key, company_fold, city, city_fold,"
            + " details_link, status, assignee, origin_kind, origin_ref, origin_by, owner_kind, owner_detail,"
            + " owner_by, lost_reason, created_at, last_activity_at, next_follow_up_at, version";

    private GeneratedLeads() {
    }

    /**
     * The statement that inserts leads 1..size of the benchmark tenant, named {@code Contact <g>} of
     * {@code Company <g % 5000>}.
     *
     * @param project  SQL of the lead's project id (a uuid) from {@code g}
     * @param status   SQL of its status key from {@code g}
     * @param assignee SQL of its owner (a user id or NULL) from {@code g}
     */
    static String insert(int size, String project, String status, String assignee) {
        return insert(size, project, status, assignee, "'Contact ' || g", "'contact' || g || '@example.com'",
                "'Company ' || g % 5000");
    }

    /**
     * The same with the card's name, e-mail and company given as SQL from {@code g}; their keys and folds are the
     * texts lower-cased by the database (the same as the library's where the texts' capitals are ASCII).
     */
    static String insert(int size, String project, String status, String assignee, String name, String email,
            String company) {
        return "INSERT INTO lm_lead (" + COLUMNS + ", status_since) SELECT gen_random_uuid(), '" + JpaNode.TENANT.value() + "', "
                + project + ", 'c' || lpad(g::text, 8, '0'), n, lower(n), lower(n), e, lower(e), lower(e),"
                + " '+49 30 ' || g, '+49 30 ' || g, co, lower(co), lower(co), 'Berlin', 'berlin',"
                + " 'https://crm.example.com/contacts/' || g, "
                + status + ", " + assignee + ", 'MANUAL', NULL, 'manager', 'MANUAL', NULL, 'manager', NULL,"
                + " t - interval '1 day', t, NULL, 0, t - interval '1 day'"
                + " FROM (SELECT g, " + name + " AS n, " + email + " AS e, " + company + " AS co,"
                + " timestamptz '2025-01-01 00:00:00+00'"
                + " + ((g::bigint * 2654435761) % 31536000000) * interval '1 millisecond' AS t"
                + " FROM generate_series(1, " + size + ") g) s";
    }

    /**
     * Runs a page statement that selects {@link #COLUMNS}, reading every column of every row as the library does;
     * the ids of the first 50 rows (a page statement reads 51, as the library does to know whether there is a next
     * page).
     */
    static List<String> page(PreparedStatement ps) throws SQLException {
        List<String> ids = new ArrayList<>(51);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (int col = 1; col <= 31; col++) {
                    if (col >= 28 && col <= 30) {
                        rs.getObject(col, OffsetDateTime.class);
                    } else if (col == 31) {
                        rs.getLong(col);
                    } else {
                        rs.getString(col);
                    }
                }
                ids.add(rs.getString(1));
            }
        }
        return ids.size() > 50 ? ids.subList(0, 50) : ids;
    }
}
