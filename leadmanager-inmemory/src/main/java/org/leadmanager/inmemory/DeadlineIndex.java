package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.lead.Lead;

/**
 * First-response deadlines of the leads: per tenant and project, the running deadlines in order (for
 * {@code findByResponseDue}); across tenants, the claim queue ordered by the time each lead becomes claimable (its
 * deadline, the end of the lease on it, or the retry time after a failed attempt), with the claims. The deadline
 * index follows the stored leads; the claims change only when a deadline is set, a lead is claimed, fails or is
 * deleted, so an update of a lead keeps its claim.
 */
final class DeadlineIndex {
    /** A lead at an instant: its deadline, or when it becomes claimable. */
    record Entry(Instant at, LeadId lead) {
    }

    /**
     * Who holds a lead until when; {@code node} null: claimable from {@code claimableAt}, held by nobody;
     * {@code claimableAt} null: failed for good. {@code attempts}: claims at this deadline; {@code error}: the
     * last failed attempt's, or null.
     */
    private record Claim(Instant claimableAt, String node, int attempts, String error) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::at).thenComparing(Entry::lead);

    private final Map<TenantKey<ProjectId>, NavigableSet<Entry>> byProject = new HashMap<>();
    private final NavigableSet<Entry> queue = new TreeSet<>(ORDER);
    private final Map<LeadId, Claim> claims = new HashMap<>();

    /** A lead was stored: index its deadline. */
    void added(Lead lead, UndoLog log) {
        if (lead.responseDueAt() != null) {
            log.addElement(byProject.computeIfAbsent(TenantKey.of(lead.tenant(), lead.project()),
                    k -> new TreeSet<>(ORDER)), new Entry(lead.responseDueAt(), lead.id()));
        }
    }

    /** A stored lead was replaced or deleted: unindex its deadline. */
    void removed(Lead lead, UndoLog log) {
        if (lead.responseDueAt() != null) {
            log.removeElement(byProject.get(TenantKey.of(lead.tenant(), lead.project())),
                    new Entry(lead.responseDueAt(), lead.id()));
        }
    }

    /** The lead's clock was set (null: stopped) or the lead is gone: any claim is dropped. */
    void restarted(LeadId lead, Instant due, UndoLog log) {
        Claim before = log.removeEntry(claims, lead);
        if (before != null) {
            log.removeElement(queue, new Entry(before.claimableAt(), lead));
        }
        if (due != null) {
            log.putEntry(claims, lead, new Claim(due, null, 0, null));
            log.addElement(queue, new Entry(due, lead));
        }
    }

    /** The leads claimable at {@code now}, earliest first, at most {@code limit}. */
    List<LeadId> claimable(Instant now, int limit) {
        List<LeadId> due = new ArrayList<>();
        for (Entry entry : queue) {
            if (due.size() >= limit || entry.at().isAfter(now)) {
                break;
            }
            due.add(entry.lead());
        }
        return due;
    }

    /** Claims the lead, counting the attempt; returns the attempts made now. */
    int claim(LeadId lead, String node, Instant leaseUntil, UndoLog log) {
        Claim before = Objects.requireNonNull(claims.get(lead), "claim");
        log.removeElement(queue, new Entry(before.claimableAt(), lead));
        log.putEntry(claims, lead, new Claim(leaseUntil, node, before.attempts() + 1, before.error()));
        log.addElement(queue, new Entry(leaseUntil, lead));
        return before.attempts() + 1;
    }

    /** A held lead's attempt failed: claimable again at {@code retryAt}, or never (null). */
    void failed(LeadId lead, String error, Instant retryAt, UndoLog log) {
        Claim before = Objects.requireNonNull(claims.get(lead), "claim");
        log.removeElement(queue, new Entry(before.claimableAt(), lead));
        log.putEntry(claims, lead, new Claim(retryAt, null, before.attempts(), error));
        if (retryAt != null) {
            log.addElement(queue, new Entry(retryAt, lead));
        }
    }

    /** A lead whose escalation failed for good. */
    record Failure(LeadId lead, int attempts, String error) {
    }

    /** The leads whose escalation failed for good, in no order. */
    List<Failure> failed() {
        List<Failure> failed = new ArrayList<>();
        claims.forEach((lead, claim) -> {
            if (claim.claimableAt() == null) {
                failed.add(new Failure(lead, claim.attempts(), claim.error()));
            }
        });
        return failed;
    }

    /** Whether {@code node} holds the lead until {@code leaseUntil}. */
    boolean heldBy(LeadId lead, String node, Instant leaseUntil) {
        Claim claim = claims.get(lead);
        return claim != null && node.equals(claim.node()) && leaseUntil.equals(claim.claimableAt());
    }

    /** The project's leads due before {@code before}, earliest first, at most {@code limit}. */
    List<LeadId> dueBefore(TenantKey<ProjectId> project, Instant before, int limit) {
        List<LeadId> due = new ArrayList<>();
        for (Entry entry : byProject.getOrDefault(project, new TreeSet<>(ORDER))) {
            if (due.size() >= limit || !entry.at().isBefore(before)) {
                break;
            }
            due.add(entry.lead());
        }
        return due;
    }
}
