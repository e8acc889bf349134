package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.lead.Activity;
import org.leadmanager.spi.ActivityRepository;

/** The timeline of each lead, in append order. */
final class ActivityTable implements ActivityRepository {
    private final Transactions transactions;
    private final Map<TenantKey<LeadId>, List<Activity>> byLead = new HashMap<>();

    ActivityTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(List<Activity> activities) {
        List<Activity> entries = List.copyOf(activities);
        UndoLog log = transactions.active().changes();
        for (Activity activity : entries) {
            TenantKey<LeadId> key = TenantKey.of(activity.tenant(), activity.lead());
            List<Activity> timeline = byLead.get(key);
            if (timeline == null) {
                timeline = new ArrayList<>();
                log.putEntry(byLead, key, timeline);
            }
            log.append(timeline, activity);
        }
    }

    @Override
    public List<Activity> findByLead(TenantId tenant, LeadId lead) {
        TenantKey<LeadId> key = TenantKey.of(tenant, lead);
        transactions.checkActive();
        return List.copyOf(byLead.getOrDefault(key, List.of()));
    }

    /**
     * Merges the two timelines by time; entries at the same instant keep the target's first, and each timeline
     * keeps its own order, so two timelines that were in time order give one in time order.
     */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        TenantKey<LeadId> source = TenantKey.of(tenant, from);
        TenantKey<LeadId> target = TenantKey.of(tenant, into);
        UndoLog log = transactions.active().changes();
        if (from.equals(into) || !byLead.containsKey(source)) {
            return;
        }
        List<Activity> moved = log.removeEntry(byLead, source);
        List<Activity> kept = byLead.getOrDefault(target, List.of());
        List<Activity> merged = new ArrayList<>(kept.size() + moved.size());
        int k = 0;
        int m = 0;
        while (k < kept.size() || m < moved.size()) {
            boolean takeMoved = k == kept.size()
                    || m < moved.size() && moved.get(m).at().isBefore(kept.get(k).at());
            merged.add(takeMoved ? moved.get(m++).movedTo(into) : kept.get(k++));
        }
        log.putEntry(byLead, target, merged);
    }
}
