package org.leadmanager.jpa;

import java.sql.PreparedStatement;
import java.util.List;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.spi.ActivityRepository;

/** The timeline in {@code lm_activity}: appended by JDBC batch, read in time and append order. */
final class JpaActivityRepository implements ActivityRepository {
    private final JpaSession s;

    JpaActivityRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void append(List<Activity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        s.jdbc((connection, db) -> {
            String sql = "INSERT INTO lm_activity (seq, tenant_id, lead_id, occurred_at, actor, activity_type,"
                    + " from_value, to_value, detail) VALUES (" + db.nextValue("lm_activity_seq")
                    + ", ?, ?, ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int pending = 0;
                for (Activity a : activities) {
                    ps.setString(1, a.tenant().value());
                    ps.setString(2, a.lead().toString());
                    db.bind(ps, 3, a.at());
                    ps.setString(4, a.actor().value());
                    ps.setString(5, a.type().name());
                    ps.setString(6, a.from());
                    ps.setString(7, a.to());
                    ps.setString(8, a.text());
                    ps.addBatch();
                    if (++pending == s.store.batchSize()) {
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

    @Override
    public List<Activity> findByLead(TenantId tenant, LeadId lead) {
        return s.list("select a from LmActivity a where a.leadId = ?1 and a.tenantId = ?2"
                + " order by a.occurredAt, a.seq", ActivityEntity.class, lead.toString(), tenant.value())
                .stream().map(ActivityEntity::toDomain).toList();
    }

    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        s.execute("update LmActivity a set a.leadId = ?1 where a.leadId = ?2 and a.tenantId = ?3",
                into.toString(), from.toString(), tenant.value());
    }
}
