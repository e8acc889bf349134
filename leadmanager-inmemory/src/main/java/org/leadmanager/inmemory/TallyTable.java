package org.leadmanager.inmemory;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyDelta;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.domain.tally.TallyRange;
import org.leadmanager.spi.store.TallyRepository;

/**
 * Kept tallies: per tenant and project one sum per key, changed in place under the store lock (units of work run
 * one at a time here, so no addition ever waits for another's row) and undone with the unit of work. Keys whose sum
 * is zero are removed.
 */
final class TallyTable implements TallyRepository {
    private final Transactions transactions;
    private final LeadTable leads;
    private final Map<TenantId, Map<ProjectId, Map<TallyKey, Long>>> sums = new HashMap<>();

    TallyTable(Transactions transactions, LeadTable leads) {
        this.transactions = transactions;
        this.leads = leads;
    }

    @Override
    public void add(TenantId tenant, List<TallyDelta> deltas) {
        Objects.requireNonNull(tenant, "tenant");
        List<TallyDelta> changes = List.copyOf(deltas);
        transactions.atomically(log -> {
            for (TallyDelta d : changes) {
                Map<TallyKey, Long> project = sums.computeIfAbsent(tenant, t -> new HashMap<>())
                        .computeIfAbsent(d.project(), p -> new HashMap<>());
                long next = project.getOrDefault(d.key(), 0L) + d.delta();
                if (next == 0) {
                    log.removeEntry(project, d.key());
                } else {
                    log.putEntry(project, d.key(), next);
                }
            }
            return null;
        });
    }

    /** Nothing to do: a number whose sum reaches zero is removed at once. */
    @Override
    public void settle(TenantId tenant, ProjectId project, Set<TallyKey> keys) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(keys, "keys");
        transactions.checkActive();
    }

    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Tally tally) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(tally, "tally");
        transactions.checkActive();
        return ofTally(sums.getOrDefault(tenant, Map.of()).getOrDefault(project, Map.of()), tally);
    }

    /** One state at once: units of work never overlap here. */
    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, Set<Tally> tallies) {
        Map<TallyKey, Long> result = new HashMap<>();
        for (Tally tally : tallies) {
            result.putAll(sums(tenant, project, tally));
        }
        return Map.copyOf(result);
    }

    /** One state at once: units of work never overlap here. */
    @Override
    public Map<TallyKey, Long> sums(TenantId tenant, ProjectId project, List<TallyRange> ranges) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        List<TallyRange> asked = List.copyOf(ranges);
        transactions.checkActive();
        Map<TallyKey, Long> result = new HashMap<>();
        sums.getOrDefault(tenant, Map.of()).getOrDefault(project, Map.of()).forEach((key, n) -> {
            for (TallyRange range : asked) {
                if (range.contains(key)) {
                    result.merge(range.returned(key), n, Long::sum);
                    return;
                }
            }
        });
        result.values().removeIf(n -> n == 0);
        return Map.copyOf(result);
    }

    /** Projects without numbers of the tally are absent. */
    @Override
    public Map<ProjectId, Map<TallyKey, Long>> sums(TenantId tenant, Tally tally) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(tally, "tally");
        transactions.checkActive();
        Map<ProjectId, Map<TallyKey, Long>> result = new HashMap<>();
        sums.getOrDefault(tenant, Map.of()).forEach((project, byKey) -> {
            Map<TallyKey, Long> of = ofTally(byKey, tally);
            if (!of.isEmpty()) {
                result.put(project, of);
            }
        });
        return Map.copyOf(result);
    }

    /** Exact at once: units of work never overlap here. */
    @Override
    public Map<TallyKey, Long> recount(TenantId tenant, ProjectId project) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(project, "project");
        Map<TallyKey, Long> counted = leads.countTallies(tenant, project);
        Map<TallyKey, Long> kept = new HashMap<>(sums(tenant, project, Tally.STATUS));
        kept.putAll(sums(tenant, project, Tally.OWNER));
        Map<TallyKey, Long> corrections = new LinkedHashMap<>();
        counted.forEach((key, n) -> {
            long off = n - kept.getOrDefault(key, 0L);
            if (off != 0) {
                corrections.put(key, off);
            }
        });
        kept.forEach((key, n) -> {
            if (!counted.containsKey(key)) {
                corrections.put(key, -n);
            }
        });
        add(tenant, corrections.entrySet().stream().map(e -> new TallyDelta(project, e.getKey(), e.getValue()))
                .toList());
        return Map.copyOf(corrections);
    }

    private static Map<TallyKey, Long> ofTally(Map<TallyKey, Long> byKey, Tally tally) {
        Map<TallyKey, Long> result = new HashMap<>();
        byKey.forEach((key, n) -> {
            if (key.tally().equals(tally)) {
                result.put(key, n);
            }
        });
        return Map.copyOf(result);
    }
}
