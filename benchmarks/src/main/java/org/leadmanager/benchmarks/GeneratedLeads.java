package org.leadmanager.benchmarks;

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
     * The statement that inserts leads 1..size of the benchmark tenant.
     *
     * @param project  SQL of the lead's project id (a uuid) from {@code g}
     * @param status   SQL of its status key from {@code g}
     * @param assignee SQL of its owner (a user id or NULL) from {@code g}
     */
    static String insert(int size, String project, String status, String assignee) {
        return "INSERT INTO lm_lead (" + COLUMNS + ") SELECT gen_random_uuid(), '" + JpaNode.TENANT.value() + "', "
                + project + ", 'c' || lpad(g::text, 8, '0'), 'Contact ' || g, 'contact ' || g, 'contact ' || g,"
                + " 'contact' || g || '@example.com', 'contact' || g || '@example.com', 'contact' || g || '@example.com',"
                + " '+49 30 ' || g, '+49 30 ' || g, 'Company ' || g % 5000, 'company ' || g % 5000,"
                + " 'company ' || g % 5000, 'Berlin', 'berlin', 'https://crm.example.com/contacts/' || g, "
                + status + ", " + assignee + ", 'MANUAL', NULL, 'manager', 'MANUAL', NULL, 'manager', NULL,"
                + " t - interval '1 day', t, NULL, 0"
                + " FROM (SELECT g, timestamptz '2025-01-01 00:00:00+00'"
                + " + ((g::bigint * 2654435761) % 31536000000) * interval '1 millisecond' AS t"
                + " FROM generate_series(1, " + size + ") g) s";
    }
}
