package org.leadmanager.jpa;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.spi.store.ActivityRepository;

/**
 * The timeline in {@code lm_activity}, appended by JDBC batch and read by {@code lead_seq}. The numbers come from
 * the lead row's counter {@code lm_lead.activity_seq} (the number of the lead's latest entry; a new lead starts at
 * 1, its qualification, without a statement), raised by a plain update without version check
 * ({@link SqlDialect#raiseActivityCounters}). That update holds the lead's row lock until commit, so units of work
 * appending to one lead take their numbers one after the other, in commit order; a concurrent versioned update of
 * the lead waits for it but still succeeds, since the version is untouched.
 */
final class JpaActivityRepository implements ActivityRepository {
    /**
     * {@code seq} is the column's default (a sequence; AUTO_INCREMENT on MariaDB): the same statement on every
     * database.
     */
    private static final String APPEND = "INSERT INTO lm_activity (tenant_id, lead_id, lead_seq, occurred_at, actor,"
            + " activity_type, from_value, to_value, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JpaSession s;

    JpaActivityRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void append(List<Activity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        Map<String, Map<UUID, Integer>> counts = new LinkedHashMap<>();
        for (Activity a : activities) {
            counts.computeIfAbsent(a.tenant().value(), t -> new LinkedHashMap<>()).merge(a.lead().value(), 1,
                    Integer::sum);
        }
        Map<UUID, Long> next = new HashMap<>();
        counts.forEach((tenant, perLead) -> {
            Map<UUID, Long> latest = raise(tenant, perLead);
            perLead.forEach((lead, count) -> {
                Long last = latest.get(lead);
                if (last == null) {
                    throw gone(lead);
                }
                next.put(lead, last - count + 1);
            });
        });
        s.insertBatches(APPEND, activities, (ps, dialect, a) -> {
            long number = next.merge(a.lead().value(), 1L, Long::sum) - 1;
            ps.setString(1, a.tenant().value());
            dialect.bind(ps, 2, a.lead().value());
            ps.setLong(3, number);
            dialect.bind(ps, 4, a.at());
            ps.setString(5, a.actor().value());
            ps.setString(6, a.type().name());
            ps.setString(7, a.from());
            ps.setString(8, a.to());
            ps.setString(9, a.text());
        });
    }

    @Override
    public List<Activity> findByLead(TenantId tenant, LeadId lead) {
        return s.<ActivityEntity>list(s.em.createQuery("select a from LmActivity a where a.leadId = :lead"
                + " and a.tenantId = :tenant order by a.leadSeq", ActivityEntity.class)
                .setParameter("lead", lead.value()).setParameter("tenant", tenant.value()))
                .stream().map(ActivityEntity::toDomain).toList();
    }

    /**
     * Locks {@code from}'s row and reads its latest number, raises {@code into}'s by the entries that follow, then
     * renumbers the moved rows in one update: {@code from}'s entry n becomes {@code into}'s old latest + n - 1.
     */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        if (from.equals(into)) {
            return;
        }
        Long fromLast = raise(tenant.value(), Map.of(from.value(), 0)).get(from.value());
        if (fromLast == null || fromLast == 1) {
            return; // no lead, or one without stored entries: nothing to move
        }
        int moved = (int) (fromLast - 1);
        Long intoLast = raise(tenant.value(), Map.of(into.value(), moved)).get(into.value());
        if (intoLast == null) {
            throw gone(into.value());
        }
        long offset = intoLast - moved - 1;
        s.em.createQuery("update LmActivity a set a.leadId = :into, a.leadSeq = a.leadSeq + :offset"
                + " where a.leadId = :from and a.tenantId = :tenant").setParameter("into", into.value())
                .setParameter("offset", offset).setParameter("from", from.value())
                .setParameter("tenant", tenant.value()).executeUpdate();
        s.em.createQuery("update LmLead l set l.activitySeq = 1 where l.id = :id and l.tenantId = :tenant")
                .setParameter("id", from.value()).setParameter("tenant", tenant.value()).executeUpdate();
    }

    /** Raises the counters in lock order (by lead id), so units of work appending to several leads never deadlock. */
    private Map<UUID, Long> raise(String tenant, Map<UUID, Integer> counts) {
        List<UUID> leads = counts.keySet().stream().sorted(JpaSession.UNSIGNED).toList();
        return s.dialect.raiseActivityCounters(s, tenant, leads, counts);
    }

    private static StaleModificationException gone(UUID lead) {
        return new StaleModificationException("lead " + lead + " is gone; reload and retry", null);
    }
}
