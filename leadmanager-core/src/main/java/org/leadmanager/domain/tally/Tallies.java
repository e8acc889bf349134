package org.leadmanager.domain.tally;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.event.Changed;
import org.leadmanager.domain.event.DomainEvent;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;

/**
 * The lead tallies: what a change adds to them, and what the kept sums answer. A lead counts once in
 * {@link Tally#STATUS} under its status and, when it has an owner, once in {@link Tally#OWNER} under its owner and
 * status. Both are keyed by values a lead row holds, so a store can recount them from its leads alone, and whether a
 * status is OPEN is asked when the sums are read: a status's category never changes while leads are on it.
 *
 * <p>Deltas are derived from a change's events and new state, as its timeline entries are ({@code Timeline}): a
 * {@code LeadQualified} lead is new; otherwise its status before is the {@code from} of its
 * {@code LeadStatusChanged} and its owner before the {@code from} of its {@code LeadAssigned}, and whatever has no
 * event did not change.
 */
public final class Tallies {

    private Tallies() {
    }

    /**
     * The lead tally deltas of a change: none unless its state is a lead whose status or owner it set (qualified,
     * moved, assigned, unassigned); netted.
     */
    public static List<TallyDelta> of(Changed<?> change) {
        if (!change.changed() || !(change.state() instanceof Lead)) {
            return List.of();
        }
        Lead after = (Lead) change.state();
        boolean existed = true;
        StatusKey status = null;
        UserId owner = after.assignee();
        boolean ownerChanged = false;
        for (DomainEvent event : change.events()) {
            if (event instanceof DomainEvent.LeadQualified q && q.lead().equals(after.id())) {
                existed = false;
            } else if (event instanceof DomainEvent.LeadStatusChanged s && s.lead().equals(after.id())
                    && status == null) {
                status = s.from();
            } else if (event instanceof DomainEvent.LeadAssigned a && a.lead().equals(after.id()) && !ownerChanged) {
                owner = a.from();
                ownerChanged = true;
            }
        }
        Map<TallyKey, Long> sums = new LinkedHashMap<>();
        if (existed) {
            count(sums, status == null ? after.status() : status, owner, -1);
        }
        count(sums, after.status(), after.assignee(), 1);
        return deltas(after.project(), sums);
    }

    /** The lead tally deltas of a lead deleted as it is stored. */
    public static List<TallyDelta> removed(Lead lead) {
        Map<TallyKey, Long> sums = new LinkedHashMap<>();
        count(sums, lead.status(), lead.assignee(), -1);
        return deltas(lead.project(), sums);
    }

    /** The deltas summed per project and key, in the order each key first appears; zero sums left out. */
    public static List<TallyDelta> net(Collection<TallyDelta> deltas) {
        Map<ProjectId, Map<TallyKey, Long>> sums = new LinkedHashMap<>();
        for (TallyDelta d : deltas) {
            sums.computeIfAbsent(d.project(), p -> new LinkedHashMap<>()).merge(d.key(), d.delta(), Long::sum);
        }
        List<TallyDelta> net = new ArrayList<>();
        sums.forEach((project, byKey) -> net.addAll(deltas(project, byKey)));
        return net;
    }

    /**
     * Leads per status for criteria that restrict only statuses and owners ({@link LeadCriteria#onlyStatusesAndOwners}),
     * from a project's kept sums; statuses without leads are absent.
     *
     * @param statuses the project's statuses: only these are answered
     * @param status   the project's {@link Tally#STATUS} sums
     * @param owner    the project's {@link Tally#OWNER} sums; only read when the criteria restrict owners
     * @throws IllegalArgumentException if the criteria restrict more than statuses and owners
     */
    public static Map<StatusKey, Long> countByStatus(Collection<StatusKey> statuses, LeadCriteria criteria,
            Map<TallyKey, Long> status, Map<TallyKey, Long> owner) {
        if (!criteria.onlyStatusesAndOwners()) {
            throw new IllegalArgumentException("kept tallies answer only criteria on statuses and owners");
        }
        Map<String, Long> assignedPerStatus = new HashMap<>();
        if (criteria.unassigned()) {
            owner.forEach((key, n) -> assignedPerStatus.merge(key.sub(), n, Long::sum));
        }
        Map<StatusKey, Long> counts = new LinkedHashMap<>();
        for (StatusKey s : statuses) {
            if (!criteria.statuses().isEmpty() && !criteria.statuses().contains(s)) {
                continue;
            }
            long all = status.getOrDefault(TallyKey.status(s), 0L);
            long n;
            if (!criteria.restrictsAssignee()) {
                n = all;
            } else {
                n = criteria.unassigned() ? all - assignedPerStatus.getOrDefault(s.value(), 0L) : 0;
                for (UserId user : criteria.assignees()) {
                    n += owner.getOrDefault(TallyKey.owner(user, s), 0L);
                }
            }
            if (n != 0) {
                counts.put(s, n);
            }
        }
        return counts;
    }

    /**
     * Leads per owner on the given statuses (e.g. the OPEN ones), from a project's {@link Tally#OWNER} sums; owners
     * without such leads are absent.
     */
    public static Map<UserId, Long> perOwner(Map<TallyKey, Long> owner, Set<StatusKey> statuses) {
        Set<String> wanted = new java.util.HashSet<>();
        statuses.forEach(s -> wanted.add(s.value()));
        Map<String, Long> sums = new HashMap<>();
        owner.forEach((key, n) -> {
            if (key.tally().equals(Tally.OWNER) && wanted.contains(key.sub())) {
                sums.merge(key.key(), n, Long::sum);
            }
        });
        Map<UserId, Long> perOwner = new HashMap<>();
        sums.forEach((user, n) -> {
            if (n != 0) {
                perOwner.put(UserId.of(user), n);
            }
        });
        return perOwner;
    }

    private static void count(Map<TallyKey, Long> sums, StatusKey status, UserId owner, long n) {
        sums.merge(TallyKey.status(status), n, Long::sum);
        if (owner != null) {
            sums.merge(TallyKey.owner(owner, status), n, Long::sum);
        }
    }

    private static List<TallyDelta> deltas(ProjectId project, Map<TallyKey, Long> sums) {
        Objects.requireNonNull(project, "project");
        List<TallyDelta> deltas = new ArrayList<>(sums.size());
        sums.forEach((key, n) -> {
            if (n != 0) {
                deltas.add(new TallyDelta(project, key, n));
            }
        });
        return deltas;
    }
}
