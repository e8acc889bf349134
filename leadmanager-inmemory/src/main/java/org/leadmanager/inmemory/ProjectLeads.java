package org.leadmanager.inmemory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SortField;
import org.leadmanager.domain.tally.TallyKey;

/**
 * The leads of one project of one tenant, split into buckets per status and owner (a user, or nobody), each sorted
 * by last activity then id. A list filtered by ticked statuses and owners reads only the buckets it selects;
 * counting by status and owner is a sum of bucket sizes.
 */
final class ProjectLeads {
    /** The bucket order: the reference ordering for ascending last activity, so pages agree with it exactly. */
    static final Comparator<Lead> BY_ACTIVITY = new LeadOrdering(LeadSort.ascending(SortField.LAST_ACTIVITY), List.of());

    /** The leads of one status. */
    private static final class StatusLeads {
        final NavigableSet<Lead> unassigned = new TreeSet<>(BY_ACTIVITY);
        final Map<UserId, NavigableSet<Lead>> byAssignee = new HashMap<>();

        NavigableSet<Lead> bucket(UserId assignee) {
            return assignee == null ? unassigned : byAssignee.computeIfAbsent(assignee, u -> new TreeSet<>(BY_ACTIVITY));
        }

        /** The non-empty buckets whose owner the criteria accept. */
        void select(LeadCriteria criteria, List<NavigableSet<Lead>> into) {
            if (!criteria.restrictsAssignee()) {
                addIfAny(unassigned, into);
                byAssignee.values().forEach(bucket -> addIfAny(bucket, into));
                return;
            }
            if (criteria.unassigned()) {
                addIfAny(unassigned, into);
            }
            for (UserId assignee : criteria.assignees()) {
                NavigableSet<Lead> bucket = byAssignee.get(assignee);
                if (bucket != null) {
                    addIfAny(bucket, into);
                }
            }
        }

        long size() {
            long size = unassigned.size();
            for (NavigableSet<Lead> bucket : byAssignee.values()) {
                size += bucket.size();
            }
            return size;
        }

        private static void addIfAny(NavigableSet<Lead> bucket, List<NavigableSet<Lead>> into) {
            if (!bucket.isEmpty()) {
                into.add(bucket);
            }
        }
    }

    private final Map<StatusKey, StatusLeads> byStatus = new HashMap<>();

    void add(Lead lead, UndoLog log) {
        log.addElement(byStatus.computeIfAbsent(lead.status(), s -> new StatusLeads()).bucket(lead.assignee()), lead);
    }

    void remove(Lead lead, UndoLog log) {
        log.removeElement(byStatus.get(lead.status()).bucket(lead.assignee()), lead);
    }

    /** The non-empty buckets holding every lead whose status and owner the criteria accept, and no other. */
    List<NavigableSet<Lead>> select(LeadCriteria criteria) {
        List<NavigableSet<Lead>> buckets = new ArrayList<>();
        selectByStatus(criteria).forEach((status, leads) -> leads.select(criteria, buckets));
        return buckets;
    }

    /** Leads per status matching the criteria; statuses without matches are absent. */
    Map<StatusKey, Long> count(LeadCriteria criteria) {
        boolean bucketsDecide = criteria.onlyStatusesAndOwners();
        Map<StatusKey, Long> counts = new HashMap<>();
        selectByStatus(criteria).forEach((status, leads) -> {
            List<NavigableSet<Lead>> buckets = new ArrayList<>();
            leads.select(criteria, buckets);
            long count = 0;
            for (NavigableSet<Lead> bucket : buckets) {
                if (bucketsDecide) {
                    count += bucket.size();
                } else {
                    for (Lead lead : bucket) {
                        if (criteria.matches(lead)) {
                            count++;
                        }
                    }
                }
            }
            if (count > 0) {
                counts.put(status, count);
            }
        });
        return Map.copyOf(counts);
    }

    /** The lead tallies counted from the buckets: leads per status, and per owner and status; no zero entries. */
    Map<TallyKey, Long> tallies() {
        Map<TallyKey, Long> counts = new HashMap<>();
        byStatus.forEach((status, leads) -> {
            long size = leads.size();
            if (size > 0) {
                counts.put(TallyKey.status(status), size);
            }
            leads.byAssignee.forEach((user, bucket) -> {
                if (!bucket.isEmpty()) {
                    counts.put(TallyKey.owner(user, status), (long) bucket.size());
                }
            });
        });
        return counts;
    }

    private Map<StatusKey, StatusLeads> selectByStatus(LeadCriteria criteria) {
        if (criteria.statuses().isEmpty()) {
            return byStatus;
        }
        Map<StatusKey, StatusLeads> selected = new HashMap<>();
        for (StatusKey status : criteria.statuses()) {
            StatusLeads leads = byStatus.get(status);
            if (leads != null) {
                selected.put(status, leads);
            }
        }
        return selected;
    }
}
