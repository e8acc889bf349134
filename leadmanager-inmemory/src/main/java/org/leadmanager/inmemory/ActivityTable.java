package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.spi.store.ActivityRepository;

/**
 * The timeline of each lead, numbered in append order. Units of work run one at a time under the store lock, so
 * append order is commit order; a lead's latest number is that of its last entry (1, its qualification, while it
 * has none).
 */
final class ActivityTable implements ActivityRepository {
    private final Transactions transactions;
    private final LeadTable leads;
    private final Map<TenantKey<LeadId>, List<Activity>> byLead = new HashMap<>();

    ActivityTable(Transactions transactions, LeadTable leads) {
        this.transactions = transactions;
        this.leads = leads;
    }

    @Override
    public void append(List<Activity> activities) {
        List<Activity> entries = List.copyOf(activities);
        transactions.atomically(log -> {
            for (Activity activity : entries) {
                TenantKey<LeadId> key = TenantKey.of(activity.tenant(), activity.lead());
                requireLead(activity.tenant(), activity.lead());
                List<Activity> timeline = byLead.get(key);
                if (timeline == null) {
                    timeline = new ArrayList<>();
                    log.putEntry(byLead, key, timeline);
                }
                log.append(timeline, activity.placed(activity.lead(), latest(timeline) + 1));
            }
            return null;
        });
    }

    @Override
    public List<Activity> findByLead(TenantId tenant, LeadId lead) {
        TenantKey<LeadId> key = TenantKey.of(tenant, lead);
        transactions.checkActive();
        return List.copyOf(byLead.getOrDefault(key, List.of()));
    }

    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        TenantKey<LeadId> source = TenantKey.of(tenant, from);
        TenantKey<LeadId> target = TenantKey.of(tenant, into);
        transactions.atomically(log -> {
            if (from.equals(into) || !byLead.containsKey(source)) {
                return null;
            }
            requireLead(tenant, into);
            List<Activity> moved = log.removeEntry(byLead, source);
            List<Activity> kept = byLead.getOrDefault(target, List.of());
            long last = latest(kept);
            List<Activity> merged = new ArrayList<>(kept.size() + moved.size());
            merged.addAll(kept);
            for (Activity activity : moved) {
                merged.add(activity.placed(into, last + activity.sequence() - 1));
            }
            log.putEntry(byLead, target, merged);
            return null;
        });
    }

    /** Removes the lead's whole timeline (erasure). */
    void deleteAllByLead(TenantId tenant, LeadId lead) {
        transactions.atomically(log -> log.removeEntry(byLead, TenantKey.of(tenant, lead)));
    }

    private static long latest(List<Activity> timeline) {
        return timeline.isEmpty() ? 1 : timeline.get(timeline.size() - 1).sequence();
    }

    private void requireLead(TenantId tenant, LeadId lead) {
        if (leads.find(tenant, lead).isEmpty()) {
            throw new StaleModificationException("lead " + lead + " is gone; reload and retry", null);
        }
    }
}
