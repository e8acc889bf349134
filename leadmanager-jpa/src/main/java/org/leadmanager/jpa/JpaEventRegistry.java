package org.leadmanager.jpa;

import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.event.EventEnvelope;
import org.leadmanager.domain.event.SetAsideEvent;
import org.leadmanager.spi.store.ClaimedEvent;
import org.leadmanager.spi.store.EventRegistry;
import org.leadmanager.spi.store.EventSerializer;

/**
 * The publication registry in {@code lm_event}: one row per event, its envelope as text by the store's
 * {@link EventSerializer} (JSON by default), written by JDBC batch in the unit of work that recorded it. Claims take
 * the candidates the database offers ({@link SqlDialect#claimableEvents}: locked with {@code SKIP LOCKED} where the
 * database has it), read in windows of {@code seq} from the oldest pending row, keep of each lead only a leading run
 * (one query for the leads' pending rows), and mark them with the claim ({@link SqlDialect#claimEvents}). Every later
 * change is one statement conditional on the claim. A row whose text the serializer cannot read back comes out of
 * the claim without envelope, for the relay to set aside. The table swings between empty and a burst's backlog, so
 * the claims and marks ask for plans made for each execution ({@link SqlDialect#planEachExecution}).
 */
final class JpaEventRegistry implements EventRegistry {
    /** {@code seq} is the column's default (a sequence; AUTO_INCREMENT on MariaDB). */
    private static final String INSERT = "INSERT INTO lm_event (id, tenant_id, lead_id, event_type, schema_version,"
            + " occurred_at, payload, state, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, '" + EventEntity.PENDING + "', 0)";
    /** Under the claim a relay holds: still pending, same node, same lease end. */
    private static final String UNDER_CLAIM = " e.state = '" + EventEntity.PENDING + "' and e.claimedBy = :node"
            + " and e.claimableAt = :lease";

    private final JpaSession s;
    /** Whether this unit of work already asked for plans made for each execution. */
    private boolean planned;

    JpaEventRegistry(JpaSession session) {
        this.s = session;
    }

    /** Appends the events of the unit of work, in order, with JDBC batches. */
    void record(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return;
        }
        EventSerializer serializer = s.store.serializer();
        s.insertBatches(INSERT, events, (ps, db, envelope) -> {
            LeadId lead = envelope.event().lead();
            db.bind(ps, 1, envelope.id());
            ps.setString(2, envelope.tenant().value());
            db.bind(ps, 3, lead == null ? null : lead.value());
            ps.setString(4, serializer.typeName(envelope.event()));
            ps.setInt(5, serializer.schemaVersion(envelope.event()));
            db.bind(ps, 6, envelope.occurredAt());
            ps.setString(7, serializer.serialize(envelope));
        });
    }

    @Override
    public List<ClaimedEvent> claim(Instant now, int limit, String node, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (limit < 1) {
            return List.of();
        }
        planEachExecution();
        List<EventEntity> candidates = candidates(now, limit);
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<EventEntity> claimed = s.dialect.claimEvents(s, leadingRuns(candidates), node, leaseUntil);
        List<ClaimedEvent> result = new ArrayList<>(claimed.size());
        List<ClaimedEvent> forNewer = new ArrayList<>();
        Set<UUID> waiting = new HashSet<>();
        for (EventEntity row : claimed) {
            ClaimedEvent event = claimedEvent(row, node, leaseUntil);
            boolean newer = !s.store.serializer().reads(row.eventType, row.schemaVersion);
            if (newer || row.leadId != null && waiting.contains(row.leadId)) {
                // written by a newer library: left for a node that reads it, and its lead's later events wait
                forNewer.add(event);
                if (row.leadId != null) {
                    waiting.add(row.leadId);
                }
            } else {
                result.add(event);
            }
        }
        release(forNewer);
        return result;
    }

    /**
     * See {@link SqlDialect#planEachExecution}: for the statements a relay runs in bulk, once per unit of work, and
     * only in a transaction of the store's own: a setting made in the host's transaction would hold for the host's
     * statements after it.
     */
    private void planEachExecution() {
        if (!planned && !s.inHostTransaction) {
            s.dialect.planEachExecution(s);
            planned = true;
        }
    }

    /**
     * Up to {@code limit} candidates in {@code seq} order, read window by window from the oldest pending row: a
     * window of four batches (room for the rows other relays lock meanwhile), each further one twice as wide, until
     * enough were found or the newest pending row was passed. Rows waiting for a retry or held by other relays thus
     * cost a few more statements, never a claim that misses the claimable rows behind them.
     */
    private List<EventEntity> candidates(Instant now, int limit) {
        Object[] range = s.em.createQuery("select min(e.seq), max(e.seq) from LmEvent e where e.state = '"
                + EventEntity.PENDING + "'", Object[].class).getSingleResult();
        if (range[0] == null) {
            return List.of();
        }
        long last = ((Number) range[1]).longValue();
        List<EventEntity> found = new ArrayList<>(limit);
        long width = 4L * limit;
        for (long from = ((Number) range[0]).longValue(); from <= last && found.size() < limit; width *= 2) {
            long to = width > last - from ? last + 1 : from + width;
            found.addAll(s.dialect.claimableEvents(s, now, from, to, limit - found.size()));
            from = to;
        }
        return found;
    }

    /**
     * The candidates without those behind a pending row of their lead that is not a candidate (claimed by another
     * relay, skipped as locked, or not claimable yet): of each lead, only a leading run of its pending rows.
     */
    private List<EventEntity> leadingRuns(List<EventEntity> candidates) {
        Set<UUID> leads = new HashSet<>();
        Set<Long> offered = new HashSet<>();
        long last = 0;
        for (EventEntity row : candidates) {
            if (row.leadId != null) {
                leads.add(row.leadId);
            }
            offered.add(row.seq);
            last = Math.max(last, row.seq);
        }
        if (leads.isEmpty()) {
            return candidates;
        }
        Map<UUID, Long> runEnds = new HashMap<>();
        Set<UUID> broken = new HashSet<>();
        for (PendingRow row : pending(new ArrayList<>(leads), last)) {
            UUID lead = row.lead();
            long seq = row.seq();
            if (broken.contains(lead)) {
                continue;
            }
            if (offered.contains(seq)) {
                runEnds.put(lead, seq);
            } else {
                broken.add(lead);
            }
        }
        List<EventEntity> kept = new ArrayList<>(candidates.size());
        for (EventEntity row : candidates) {
            Long end = row.leadId == null ? null : runEnds.get(row.leadId);
            if (row.leadId == null || end != null && row.seq <= end) {
                kept.add(row);
            }
        }
        return kept;
    }

    /** A pending row of a lead. */
    private record PendingRow(UUID lead, long seq) {
    }

    /**
     * The pending rows of these leads up to {@code last}, in {@code seq} order. Plain JDBC, as are the claim's
     * update and the marks: the provider would build a new translation for each list of ids, a third of what a
     * relay's thread spent on a claim.
     */
    private List<PendingRow> pending(List<UUID> leads, long last) {
        return s.jdbc((connection, db) -> {
            List<PendingRow> rows = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT lead_id, seq FROM lm_event WHERE state = '"
                    + EventEntity.PENDING + "' AND lead_id IN (" + placeholders(leads.size()) + ") AND seq <= ?"
                    + " ORDER BY seq")) {
                int i = 1;
                for (UUID lead : leads) {
                    db.bind(ps, i++, lead);
                }
                ps.setLong(i, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new PendingRow(db.uuid(rs, 1), rs.getLong(2)));
                    }
                }
            }
            return rows;
        });
    }

    /** "?, ?, ?" for {@code count} values. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** The row as claimed, with its envelope read back, or why that failed. */
    private ClaimedEvent claimedEvent(EventEntity row, String node, Instant lease) {
        EventEnvelope envelope = null;
        String unreadable = null;
        try {
            envelope = s.store.serializer().deserialize(row.payload);
            if (!envelope.id().equals(row.id) || !envelope.tenant().value().equals(row.tenantId)) {
                unreadable = "the stored text holds event " + envelope.id() + " of tenant " + envelope.tenant();
                envelope = null;
            }
        } catch (RuntimeException e) {
            unreadable = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        }
        return new ClaimedEvent(row.id, row.seq, TenantId.of(row.tenantId),
                row.leadId == null ? null : new LeadId(row.leadId), row.eventType, row.occurredAt, row.attempts,
                row.claimedBy != null, node, lease, envelope, unreadable);
    }

    @Override
    public int markPublished(List<ClaimedEvent> published, Instant now, boolean keep) {
        Objects.requireNonNull(now, "now");
        planEachExecution();
        int marked = 0;
        for (Map.Entry<Claim, List<UUID>> group : byClaim(published).entrySet()) {
            Claim claim = group.getKey();
            List<UUID> ids = group.getValue();
            for (int from = 0; from < ids.size(); from += JpaSession.IN_LIMIT) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + JpaSession.IN_LIMIT));
                marked += s.jdbc((connection, db) -> {
                    String where = " WHERE tenant_id = ? AND id IN (" + placeholders(chunk.size()) + ")"
                            + " AND state = '" + EventEntity.PENDING + "' AND claimed_by = ? AND claimable_at = ?";
                    try (PreparedStatement ps = connection.prepareStatement(keep
                            ? "UPDATE lm_event SET state = '" + EventEntity.PUBLISHED + "', published_at = ?,"
                                    + " claimed_by = NULL, claimable_at = NULL" + where
                            : "DELETE FROM lm_event" + where)) {
                        int i = 1;
                        if (keep) {
                            db.bind(ps, i++, now);
                        }
                        ps.setString(i++, claim.tenant());
                        for (UUID id : chunk) {
                            db.bind(ps, i++, id);
                        }
                        ps.setString(i++, claim.node());
                        db.bind(ps, i, claim.lease());
                        return ps.executeUpdate();
                    }
                });
            }
        }
        return marked;
    }

    @Override
    public boolean countAttempt(ClaimedEvent claimed) {
        return Claim.of(claimed).bind(s.em.createQuery("update LmEvent e set e.attempts = :attempts"
                + " where e.tenantId = :tenant and e.id = :id and" + UNDER_CLAIM))
                .setParameter("attempts", claimed.attempts() + 1).setParameter("id", claimed.id())
                .executeUpdate() == 1;
    }

    @Override
    public boolean recordFailure(ClaimedEvent claimed, int attempts, String error, Instant retryAt) {
        Objects.requireNonNull(error, "error");
        return Claim.of(claimed).bind(s.em.createQuery("update LmEvent e set e.state = :state,"
                + " e.attempts = :attempts, e.lastError = :error, e.claimableAt = :retryAt, e.claimedBy = null"
                + " where e.tenantId = :tenant and e.id = :id and" + UNDER_CLAIM))
                .setParameter("state", retryAt == null ? EventEntity.SET_ASIDE : EventEntity.PENDING)
                .setParameter("attempts", attempts).setParameter("error", error).setParameter("retryAt", retryAt)
                .setParameter("id", claimed.id()).executeUpdate() == 1;
    }

    @Override
    public void release(List<ClaimedEvent> claimed) {
        byClaim(claimed).forEach((claim, ids) -> {
            for (int from = 0; from < ids.size(); from += JpaSession.IN_LIMIT) {
                claim.bind(s.em.createQuery("update LmEvent e set e.claimedBy = null, e.claimableAt = null"
                        + " where e.tenantId = :tenant and e.id in :ids and" + UNDER_CLAIM))
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + JpaSession.IN_LIMIT)))
                        .executeUpdate();
            }
        });
    }

    @Override
    public List<SetAsideEvent> findSetAside(int limit) {
        if (limit < 1) {
            return List.of();
        }
        List<EventEntity> rows = s.list(s.em.createQuery("select e from LmEvent e where e.state = '"
                + EventEntity.SET_ASIDE + "' order by e.seq", EventEntity.class).setMaxResults(limit));
        List<SetAsideEvent> setAside = new ArrayList<>(rows.size());
        for (EventEntity row : rows) {
            setAside.add(new SetAsideEvent(row.id, row.seq, TenantId.of(row.tenantId),
                    row.leadId == null ? null : new LeadId(row.leadId), row.eventType, row.occurredAt, row.attempts,
                    row.lastError == null ? "" : row.lastError));
        }
        return setAside;
    }

    @Override
    public boolean retry(TenantId tenant, UUID id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        return s.em.createQuery("update LmEvent e set e.state = '" + EventEntity.PENDING + "', e.attempts = 0,"
                + " e.claimedBy = null, e.claimableAt = null where e.tenantId = :tenant and e.id = :id"
                + " and e.state = '" + EventEntity.SET_ASIDE + "'")
                .setParameter("tenant", tenant.value()).setParameter("id", id).executeUpdate() == 1;
    }

    @Override
    public int retryAll() {
        return s.em.createQuery("update LmEvent e set e.state = '" + EventEntity.PENDING + "', e.attempts = 0,"
                + " e.claimedBy = null, e.claimableAt = null where e.state = '" + EventEntity.SET_ASIDE + "'")
                .executeUpdate();
    }

    @Override
    public int purgePublished(Instant publishedBefore, int limit) {
        Objects.requireNonNull(publishedBefore, "publishedBefore");
        if (limit < 1) {
            return 0;
        }
        List<UUID> expired = s.em.createQuery("select e.id from LmEvent e where e.state = '"
                + EventEntity.PUBLISHED + "' and e.publishedAt < :before order by e.seq", UUID.class)
                .setParameter("before", publishedBefore).setMaxResults(Math.min(limit, JpaSession.IN_LIMIT))
                .getResultList();
        if (expired.isEmpty()) {
            return 0;
        }
        return s.em.createQuery("delete from LmEvent e where e.id in :ids and e.state = '" + EventEntity.PUBLISHED
                + "'").setParameter("ids", expired).executeUpdate();
    }

    @Override
    public long countPending() {
        return count(EventEntity.PENDING);
    }

    @Override
    public long countSetAside() {
        return count(EventEntity.SET_ASIDE);
    }

    @Override
    public long countKept() {
        return count(EventEntity.PUBLISHED);
    }

    /**
     * The state is written into the statement, not bound: a generic plan for a bound state could not use the
     * partial indexes of one state ({@code lm_event_*_ix}) and would count by reading the whole table.
     */
    private long count(String state) {
        return s.em.createQuery("select count(e) from LmEvent e where e.state = '" + state + "'", Long.class)
                .getSingleResult();
    }

    /** The claimed events' ids per tenant and claim, each statement's parameters. */
    private static Map<Claim, List<UUID>> byClaim(List<ClaimedEvent> claimed) {
        Map<Claim, List<UUID>> groups = new LinkedHashMap<>();
        for (ClaimedEvent event : claimed) {
            groups.computeIfAbsent(Claim.of(event), c -> new ArrayList<>()).add(event.id());
        }
        return groups;
    }

    /** A tenant's events under one claim. */
    private record Claim(String tenant, String node, Instant lease) {
        static Claim of(ClaimedEvent event) {
            return new Claim(event.tenant().value(), event.claimedBy(), event.leaseUntil());
        }

        Query bind(Query query) {
            return query.setParameter("tenant", tenant).setParameter("node", node).setParameter("lease", lease);
        }
    }
}
