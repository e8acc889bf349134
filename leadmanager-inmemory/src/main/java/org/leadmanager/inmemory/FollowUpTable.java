package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.StaleModificationException;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.domain.followup.ReminderState;
import org.leadmanager.spi.store.FollowUpRepository;
import org.leadmanager.spi.store.ReminderQueue;

/**
 * Follow-ups by id, and the reminder claim queue over them, with sorted indexes per lead, per owner (open ones), per tenant (failed reminders) and one
 * claim queue across all tenants ordered by {@code claimableAt}. Claiming runs inside a unit of work and so under
 * the store lock: two claimers can never take the same follow-up.
 */
final class FollowUpTable implements FollowUpRepository, ReminderQueue {
    private static final Comparator<FollowUp> BY_DUE =
            Comparator.comparing(FollowUp::dueAt).thenComparing(FollowUp::id);
    private static final Comparator<FollowUp> BY_CLAIMABLE =
            Comparator.comparing(FollowUp::claimableAt).thenComparing(FollowUp::id);

    private final Transactions transactions;
    private final Map<FollowUpId, FollowUp> byId = new HashMap<>();
    private final Map<TenantKey<LeadId>, NavigableSet<FollowUp>> byLead = new HashMap<>();
    private final Map<TenantKey<UserId>, NavigableSet<FollowUp>> openByOwner = new HashMap<>();
    private final Map<TenantId, NavigableSet<FollowUp>> failed = new HashMap<>();
    /** Open follow-ups whose reminder is pending or claimed, i.e. that are or will become claimable. */
    private final NavigableSet<FollowUp> claimQueue = new TreeSet<>(BY_CLAIMABLE);

    FollowUpTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(FollowUp followUp) {
        Objects.requireNonNull(followUp, "followUp");
        UndoLog log = transactions.active().changes();
        if (byId.containsKey(followUp.id())) {
            throw new ConflictException("follow-up " + followUp.id() + " already exists");
        }
        index(followUp, log);
    }

    @Override
    public FollowUp update(FollowUp followUp) {
        Objects.requireNonNull(followUp, "followUp");
        UndoLog log = transactions.active().changes();
        FollowUp stored = byId.get(followUp.id());
        if (stored == null || !stored.tenant().equals(followUp.tenant())
                || stored.version() != followUp.version()) {
            throw new StaleModificationException("follow-up", followUp.id(), followUp.version());
        }
        return replace(stored, followUp.withVersion(stored.version() + 1), log);
    }

    @Override
    public Optional<FollowUp> find(TenantId tenant, FollowUpId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).filter(f -> f.tenant().equals(tenant));
    }

    /** By due time, then id. */
    @Override
    public List<FollowUp> findByLead(TenantId tenant, LeadId lead) {
        TenantKey<LeadId> key = TenantKey.of(tenant, lead);
        transactions.checkActive();
        NavigableSet<FollowUp> set = byLead.get(key);
        return set == null ? List.of() : List.copyOf(set);
    }

    /** By due time, then id. */
    @Override
    public List<FollowUp> findOpenByOwner(TenantId tenant, UserId owner, int limit) {
        TenantKey<UserId> key = TenantKey.of(tenant, owner);
        transactions.checkActive();
        return first(openByOwner.get(key), limit);
    }

    /** Moves the follow-ups keeping their versions and reminder state: a move is not a reschedule. */
    @Override
    public void moveAll(TenantId tenant, LeadId from, LeadId into) {
        TenantKey<LeadId> source = TenantKey.of(tenant, from);
        Objects.requireNonNull(into, "into");
        UndoLog log = transactions.active().changes();
        if (from.equals(into) || !byLead.containsKey(source)) {
            return;
        }
        for (FollowUp followUp : new ArrayList<>(byLead.get(source))) {
            replace(followUp, followUp.movedTo(into), log);
        }
    }

    /** Removes every follow-up of the lead, reminders included (erasure). */
    void deleteAllByLead(TenantId tenant, LeadId lead) {
        TenantKey<LeadId> key = TenantKey.of(tenant, lead);
        UndoLog log = transactions.active().changes();
        NavigableSet<FollowUp> set = byLead.get(key);
        if (set != null) {
            for (FollowUp followUp : new ArrayList<>(set)) {
                unindex(followUp, log);
            }
            log.removeEntry(byLead, key);
        }
    }

    @Override
    public List<FollowUp> claimDue(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        UndoLog log = transactions.active().changes();
        List<FollowUp> due = new ArrayList<>();
        for (FollowUp followUp : claimQueue) {
            if (due.size() >= limit || followUp.claimableAt().isAfter(now)) {
                break;
            }
            if (followUp.claimable(now)) {
                due.add(followUp);
            }
        }
        List<FollowUp> claimed = new ArrayList<>(due.size());
        for (FollowUp followUp : due) {
            claimed.add(replace(followUp, followUp.claimed(node, leaseUntil).withVersion(followUp.version() + 1),
                    log));
        }
        return List.copyOf(claimed);
    }

    /** Marks fired those still open and under the claim they came with; the others are left alone. */
    @Override
    public List<FollowUp> fireClaimed(TenantId tenant, List<FollowUp> claimed, Instant now) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(now, "now");
        UndoLog log = transactions.active().changes();
        List<FollowUp> fired = new ArrayList<>(claimed.size());
        for (FollowUp c : claimed) {
            FollowUp stored = underClaim(c);
            if (stored != null && stored.tenant().equals(tenant)) {
                fired.add(replace(stored, stored.fired(now).withVersion(stored.version() + 1), log));
            }
        }
        return List.copyOf(fired);
    }

    @Override
    public boolean recordFailure(FollowUp claimed, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        UndoLog log = transactions.active().changes();
        FollowUp stored = underClaim(claimed);
        if (stored == null) {
            return false;
        }
        FollowUp failed = stored.attemptFailed(error, retryAt);
        replace(stored, failed.withVersion(stored.version() + 1), log);
        return true;
    }

    /** The stored follow-up if it is open and still under the claim it was returned with (node, lease end). */
    private FollowUp underClaim(FollowUp claimed) {
        FollowUp stored = byId.get(Objects.requireNonNull(claimed, "claimed").id());
        boolean ours = stored != null && stored.tenant().equals(claimed.tenant()) && stored.open()
                && stored.reminder() == ReminderState.CLAIMED
                && Objects.equals(claimed.claimedBy(), stored.claimedBy())
                && Objects.equals(claimed.claimableAt(), stored.claimableAt());
        return ours ? stored : null;
    }

    /** By due time, then id. */
    @Override
    public List<FollowUp> findFailed(TenantId tenant, int limit) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        return first(failed.get(tenant), limit);
    }

    private FollowUp replace(FollowUp stored, FollowUp next, UndoLog log) {
        unindex(stored, log);
        index(next, log);
        return next;
    }

    private void index(FollowUp followUp, UndoLog log) {
        log.putEntry(byId, followUp.id(), followUp);
        log.addElement(byLead.computeIfAbsent(leadKey(followUp), k -> new TreeSet<>(BY_DUE)), followUp);
        if (followUp.open()) {
            log.addElement(openByOwner.computeIfAbsent(ownerKey(followUp), k -> new TreeSet<>(BY_DUE)), followUp);
        }
        if (isFailed(followUp)) {
            log.addElement(failed.computeIfAbsent(followUp.tenant(), k -> new TreeSet<>(BY_DUE)), followUp);
        }
        if (isQueued(followUp)) {
            log.addElement(claimQueue, followUp);
        }
    }

    private void unindex(FollowUp followUp, UndoLog log) {
        log.removeEntry(byId, followUp.id());
        log.removeElement(byLead.get(leadKey(followUp)), followUp);
        if (followUp.open()) {
            log.removeElement(openByOwner.get(ownerKey(followUp)), followUp);
        }
        if (isFailed(followUp)) {
            log.removeElement(failed.get(followUp.tenant()), followUp);
        }
        if (isQueued(followUp)) {
            log.removeElement(claimQueue, followUp);
        }
    }

    private static boolean isFailed(FollowUp followUp) {
        return followUp.open() && followUp.reminder() == ReminderState.FAILED;
    }

    private static boolean isQueued(FollowUp followUp) {
        return followUp.open() && followUp.claimableAt() != null
                && (followUp.reminder() == ReminderState.PENDING || followUp.reminder() == ReminderState.CLAIMED);
    }

    private static TenantKey<LeadId> leadKey(FollowUp followUp) {
        return TenantKey.of(followUp.tenant(), followUp.lead());
    }

    private static TenantKey<UserId> ownerKey(FollowUp followUp) {
        return TenantKey.of(followUp.tenant(), followUp.owner());
    }

    private static List<FollowUp> first(NavigableSet<FollowUp> sorted, int limit) {
        if (sorted == null || limit <= 0) {
            return List.of();
        }
        return sorted.stream().limit(limit).toList();
    }
}
