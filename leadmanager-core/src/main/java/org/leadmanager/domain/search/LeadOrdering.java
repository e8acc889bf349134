package org.leadmanager.domain.search;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;

/** Reference ordering of a lead list: sort value, then id, both in the sort's direction. */
public final class LeadOrdering implements Comparator<Lead> {
    private final LeadSort sort;
    private final Map<StatusKey, Integer> positions = new HashMap<>();

    public LeadOrdering(LeadSort sort, List<StatusKey> statusOrder) {
        this.sort = sort;
        for (int i = 0; i < statusOrder.size(); i++) {
            positions.put(statusOrder.get(i), i);
        }
    }

    /** The lead's sort value, as held in a {@link Keyset}. */
    public Object valueOf(Lead lead) {
        return switch (sort.field()) {
            case LAST_ACTIVITY -> lead.lastActivityAt();
            case CREATED -> lead.createdAt();
            case NAME -> lead.card().sortName();
            case STATUS_ORDER -> positions.getOrDefault(lead.status(), Integer.MAX_VALUE);
        };
    }

    /** The keyset positioned on this lead. */
    public Keyset keysetOf(Lead lead) {
        return new Keyset(valueOf(lead), lead.id());
    }

    @Override
    public int compare(Lead a, Lead b) {
        int c = compareValues(valueOf(a), valueOf(b));
        if (c == 0) {
            c = a.id().compareTo(b.id());
        }
        return sort.descending() ? -c : c;
    }

    /** Whether the lead sorts strictly after the keyset position. */
    public boolean isAfter(Lead lead, Keyset keyset) {
        int c = compareValues(valueOf(lead), keyset.value());
        if (c == 0) {
            c = lead.id().compareTo(keyset.id());
        }
        return sort.descending() ? c < 0 : c > 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
