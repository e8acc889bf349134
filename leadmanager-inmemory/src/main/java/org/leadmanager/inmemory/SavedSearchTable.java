package org.leadmanager.inmemory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leadmanager.error.ConflictException;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.spi.store.SavedSearchRepository;

/**
 * Saved searches by id and per owner and exact name. Names are unique per owner as given (case-sensitive), the
 * way a plain unique key on (tenant, owner, name) behaves in a database.
 */
final class SavedSearchTable implements SavedSearchRepository {
    private static final Comparator<SavedSearch> BY_NAME =
            Names.<SavedSearch>byName(SavedSearch::name).thenComparing(SavedSearch::id);

    private final Transactions transactions;
    private final Map<SavedSearchId, SavedSearch> byId = new HashMap<>();
    private final Map<TenantKey<UserId>, Map<String, SavedSearchId>> byOwner = new HashMap<>();

    SavedSearchTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(SavedSearch search) {
        Objects.requireNonNull(search, "search");
        UndoLog log = transactions.active().changes();
        if (byId.containsKey(search.id())) {
            throw new ConflictException("saved search " + search.id() + " already exists");
        }
        Map<String, SavedSearchId> names =
                byOwner.computeIfAbsent(TenantKey.of(search.tenant(), search.owner()), k -> new HashMap<>());
        if (names.containsKey(search.name())) {
            throw new ConflictException("user " + search.owner() + " already has a saved search named '"
                    + search.name() + "'");
        }
        log.putEntry(byId, search.id(), search);
        log.putEntry(names, search.name(), search.id());
    }

    @Override
    public Optional<SavedSearch> find(TenantId tenant, SavedSearchId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).filter(s -> s.tenant().equals(tenant));
    }

    @Override
    public List<SavedSearch> findByOwner(TenantId tenant, UserId owner) {
        TenantKey<UserId> key = TenantKey.of(tenant, owner);
        transactions.checkActive();
        return byOwner.getOrDefault(key, Map.of()).values().stream().map(byId::get).sorted(BY_NAME).toList();
    }

    @Override
    public List<SavedSearch> findByTenant(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        return byId.values().stream().filter(search -> search.tenant().equals(tenant)).sorted(BY_NAME).toList();
    }

    /** Deletes the search if the tenant has it; does nothing otherwise. */
    @Override
    public void delete(TenantId tenant, SavedSearchId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        UndoLog log = transactions.active().changes();
        SavedSearch stored = byId.get(id);
        if (stored == null || !stored.tenant().equals(tenant)) {
            return;
        }
        log.removeEntry(byId, id);
        log.removeEntry(byOwner.get(TenantKey.of(tenant, stored.owner())), stored.name());
    }
}
