package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.UUID;
import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactCard;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.lead.Origin;
import org.leadmanager.domain.lead.OwnerReason;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadOrdering;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.SortField;

/**
 * Builds one page of a lead list from the selected buckets of a project. Both paths agree with
 * {@link LeadCriteria#matches} and {@link LeadOrdering} by using them for every decision.
 */
final class LeadPages {
    private static final UserId PROBE_USER = UserId.of("keyset-probe");

    private LeadPages() {
    }

    /** One page of the search from the buckets that hold every candidate. */
    static List<Lead> page(List<NavigableSet<Lead>> buckets, LeadSearch search) {
        Keyset after = search.after();
        if (search.sort().field() == SortField.LAST_ACTIVITY && (after == null || after.value() instanceof Instant)) {
            return mergeByActivity(buckets, search);
        }
        return filterAndSort(buckets, search);
    }

    /**
     * The buckets are already sorted by last activity: each is positioned just after the keyset, and a k-way
     * merge takes leads in page order until the page is full. Cost: about (limit + skipped non-matches) × log k,
     * independent of how many leads the buckets hold.
     */
    private static List<Lead> mergeByActivity(List<NavigableSet<Lead>> buckets, LeadSearch search) {
        LeadOrdering ordering = search.ordering();
        boolean descending = search.sort().descending();
        Lead probe = search.after() == null ? null : probe(search.after());
        PriorityQueue<Cursor> heads =
                new PriorityQueue<>(Math.max(1, buckets.size()), (a, b) -> ordering.compare(a.head, b.head));
        for (NavigableSet<Lead> bucket : buckets) {
            NavigableSet<Lead> rest = probe == null ? bucket
                    : descending ? bucket.headSet(probe, false) : bucket.tailSet(probe, false);
            Iterator<Lead> leads = descending ? rest.descendingIterator() : rest.iterator();
            if (leads.hasNext()) {
                heads.add(new Cursor(leads));
            }
        }
        LeadCriteria criteria = search.criteria();
        List<Lead> page = new ArrayList<>(Math.min(search.limit(), 256));
        while (page.size() < search.limit() && !heads.isEmpty()) {
            Cursor cursor = heads.poll();
            if (criteria.matches(cursor.head)) {
                page.add(cursor.head);
            }
            if (cursor.advance()) {
                heads.add(cursor);
            }
        }
        return Collections.unmodifiableList(page);
    }

    /**
     * Any other sort: every lead of the selected buckets is checked, and a bounded heap keeps the best
     * {@code limit} of those after the keyset, so nothing beyond the page is sorted.
     */
    private static List<Lead> filterAndSort(List<NavigableSet<Lead>> buckets, LeadSearch search) {
        LeadOrdering ordering = search.ordering();
        LeadCriteria criteria = search.criteria();
        Keyset after = search.after();
        int limit = search.limit();
        PriorityQueue<Lead> best = new PriorityQueue<>(ordering.reversed());
        for (NavigableSet<Lead> bucket : buckets) {
            for (Lead lead : bucket) {
                if ((after != null && !ordering.isAfter(lead, after)) || !criteria.matches(lead)) {
                    continue;
                }
                if (best.size() < limit) {
                    best.add(lead);
                } else if (ordering.compare(lead, best.peek()) < 0) {
                    best.poll();
                    best.add(lead);
                }
            }
        }
        List<Lead> page = new ArrayList<>(best);
        page.sort(ordering);
        return Collections.unmodifiableList(page);
    }

    /** A lead that sorts exactly at the keyset position in a bucket ({@link ProjectLeads#BY_ACTIVITY}). */
    private static Lead probe(Keyset keyset) {
        Instant at = (Instant) keyset.value();
        UUID zero = new UUID(0, 0);
        return Lead.reconstitute(keyset.id(), TenantId.of("keyset-probe"), new ProjectId(zero),
                ContactId.of("keyset-probe"), ContactCard.named("keyset-probe"), StatusKey.of("keyset-probe"), null,
                Origin.manual(PROBE_USER), OwnerReason.unassigned(PROBE_USER), null, at, at, at, null, 0);
    }

    /** The next lead of one bucket in page order. */
    private static final class Cursor {
        private final Iterator<Lead> rest;
        Lead head;

        Cursor(Iterator<Lead> rest) {
            this.rest = rest;
            this.head = rest.next();
        }

        boolean advance() {
            if (!rest.hasNext()) {
                return false;
            }
            head = rest.next();
            return true;
        }
    }
}
