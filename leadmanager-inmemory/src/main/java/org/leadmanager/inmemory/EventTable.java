package org.leadmanager.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.spi.store.EventRegistry;

/**
 * The publication registry: one row per committed event, numbered in commit order, indexed by state. Events join it
 * when their unit of work commits ({@link #append}, under the store lock); everything else runs inside a unit of
 * work, under the same lock, logging its inverse, so relays claim one after the other and a failed unit of work
 * undoes its claims. The envelopes stay objects: nothing here is ever unreadable.
 */
final class EventTable implements EventRegistry {

    private enum State { PENDING, SET_ASIDE, PUBLISHED }

    /**
     * One event as stored. {@code claimableAt} null: claimable at once; else the end of its claim or its retry time.
     * {@code claimedBy} is set while a claim has no outcome, so it is still set when the claim expired.
     */
    private record Row(long seq, EventEnvelope envelope, State state, int attempts, String claimedBy,
            Instant claimableAt, Instant publishedAt, String lastError) {

        UUID id() {
            return envelope.id();
        }

        LeadId lead() {
            return envelope.event().lead();
        }

        String type() {
            return envelope.event().getClass().getSimpleName();
        }

        boolean under(ClaimedEvent claim) {
            return state == State.PENDING && claim.claimedBy().equals(claimedBy)
                    && claim.leaseUntil().equals(claimableAt);
        }

        Row with(State newState, int newAttempts, String node, Instant claimable, Instant published, String error) {
            return new Row(seq, envelope, newState, newAttempts, node, claimable, published, error);
        }
    }

    private final Transactions transactions;
    private final Map<UUID, Row> byId = new HashMap<>();
    private final Map<State, NavigableMap<Long, Row>> byState = new HashMap<>();
    /** The number of the latest event; changed only under the store lock. */
    private long lastSeq;

    EventTable(Transactions transactions) {
        this.transactions = transactions;
        for (State state : State.values()) {
            byState.put(state, new TreeMap<>());
        }
    }

    /** The events of a unit of work that is committing, in order; called under the store lock. */
    void append(List<EventEnvelope> committed) {
        for (EventEnvelope envelope : committed) {
            Row row = new Row(++lastSeq, envelope, State.PENDING, 0, null, null, null, null);
            byId.put(row.id(), row);
            byState.get(State.PENDING).put(row.seq(), row);
        }
    }

    @Override
    public List<ClaimedEvent> claim(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        UndoLog log = transactions.active().changes();
        List<Row> chosen = new ArrayList<>();
        // leads with an earlier pending event that is not claimable now: their later events wait
        Set<LeadId> waiting = new HashSet<>();
        for (Row row : byState.get(State.PENDING).values()) {
            if (chosen.size() >= limit) {
                break;
            }
            LeadId lead = row.lead();
            if (lead != null && waiting.contains(lead)) {
                continue;
            }
            if (row.claimableAt() != null && row.claimableAt().isAfter(now)) {
                if (lead != null) {
                    waiting.add(lead);
                }
                continue;
            }
            chosen.add(row);
        }
        List<ClaimedEvent> claimed = new ArrayList<>(chosen.size());
        for (Row row : chosen) {
            replace(row, row.with(State.PENDING, row.attempts(), node, leaseUntil, null, row.lastError()), log);
            claimed.add(new ClaimedEvent(row.id(), row.seq(), row.envelope().tenant(), row.lead(), row.type(),
                    row.envelope().occurredAt(), row.attempts(), row.claimedBy() != null, node, leaseUntil,
                    row.envelope(), null));
        }
        return List.copyOf(claimed);
    }

    @Override
    public int markPublished(List<ClaimedEvent> published, Instant now, boolean keep) {
        Objects.requireNonNull(now, "now");
        UndoLog log = transactions.active().changes();
        int marked = 0;
        for (ClaimedEvent claim : published) {
            Row stored = byId.get(claim.id());
            if (stored == null || !stored.under(claim)) {
                continue;
            }
            if (keep) {
                replace(stored, stored.with(State.PUBLISHED, stored.attempts(), stored.claimedBy(), null, now,
                        stored.lastError()), log);
            } else {
                log.removeEntry(byId, stored.id());
                log.removeEntry(byState.get(State.PENDING), stored.seq());
            }
            marked++;
        }
        return marked;
    }

    @Override
    public boolean countAttempt(ClaimedEvent claimed) {
        UndoLog log = transactions.active().changes();
        Row stored = byId.get(claimed.id());
        if (stored == null || !stored.under(claimed)) {
            return false;
        }
        replace(stored, stored.with(State.PENDING, claimed.attempts() + 1, stored.claimedBy(), stored.claimableAt(),
                null, stored.lastError()), log);
        return true;
    }

    @Override
    public boolean recordFailure(ClaimedEvent claimed, int attempts, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        UndoLog log = transactions.active().changes();
        Row stored = byId.get(claimed.id());
        if (stored == null || !stored.under(claimed)) {
            return false;
        }
        replace(stored, retryAt == null
                ? stored.with(State.SET_ASIDE, attempts, null, null, null, error)
                : stored.with(State.PENDING, attempts, null, retryAt, null, error), log);
        return true;
    }

    @Override
    public void release(List<ClaimedEvent> claimed) {
        UndoLog log = transactions.active().changes();
        for (ClaimedEvent claim : claimed) {
            Row stored = byId.get(claim.id());
            if (stored != null && stored.under(claim)) {
                replace(stored, stored.with(State.PENDING, stored.attempts(), null, null, null, stored.lastError()),
                        log);
            }
        }
    }

    @Override
    public List<SetAsideEvent> findSetAside(int limit) {
        transactions.checkActive();
        return byState.get(State.SET_ASIDE).values().stream().limit(Math.max(limit, 0))
                .map(r -> new SetAsideEvent(r.id(), r.seq(), r.envelope().tenant(), r.lead(), r.type(),
                        r.envelope().occurredAt(), r.attempts(), r.lastError()))
                .toList();
    }

    @Override
    public boolean retry(TenantId tenant, UUID id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        UndoLog log = transactions.active().changes();
        Row stored = byId.get(id);
        if (stored == null || stored.state() != State.SET_ASIDE || !stored.envelope().tenant().equals(tenant)) {
            return false;
        }
        replace(stored, stored.with(State.PENDING, 0, null, null, null, stored.lastError()), log);
        return true;
    }

    @Override
    public int retryAll() {
        UndoLog log = transactions.active().changes();
        List<Row> setAside = new ArrayList<>(byState.get(State.SET_ASIDE).values());
        for (Row row : setAside) {
            replace(row, row.with(State.PENDING, 0, null, null, null, row.lastError()), log);
        }
        return setAside.size();
    }

    @Override
    public int purgePublished(Instant publishedBefore, int limit) {
        Objects.requireNonNull(publishedBefore, "publishedBefore");
        UndoLog log = transactions.active().changes();
        List<Row> expired = byState.get(State.PUBLISHED).values().stream()
                .filter(r -> r.publishedAt().isBefore(publishedBefore)).limit(Math.max(limit, 0)).toList();
        for (Row row : expired) {
            log.removeEntry(byId, row.id());
            log.removeEntry(byState.get(State.PUBLISHED), row.seq());
        }
        return expired.size();
    }

    /**
     * Removes every event of the lead's ({@code EventEnvelope.event().lead()}), in any state (erasure). A scan of all
     * rows: erasures are rare, and rows leave the table as they are published.
     */
    void deleteByLead(TenantId tenant, LeadId lead) {
        UndoLog log = transactions.active().changes();
        List<Row> rows = byId.values().stream()
                .filter(r -> lead.equals(r.lead()) && r.envelope().tenant().equals(tenant)).toList();
        for (Row row : rows) {
            log.removeEntry(byId, row.id());
            log.removeEntry(byState.get(row.state()), row.seq());
        }
    }

    @Override
    public long countPending() {
        return count(State.PENDING);
    }

    @Override
    public long countSetAside() {
        return count(State.SET_ASIDE);
    }

    @Override
    public long countKept() {
        return count(State.PUBLISHED);
    }

    private long count(State state) {
        transactions.checkActive();
        return byState.get(state).size();
    }

    private Row replace(Row old, Row now, UndoLog log) {
        if (old.state() != now.state()) {
            log.removeEntry(byState.get(old.state()), old.seq());
        }
        log.putEntry(byState.get(now.state()), now.seq(), now);
        log.putEntry(byId, now.id(), now);
        return now;
    }
}
