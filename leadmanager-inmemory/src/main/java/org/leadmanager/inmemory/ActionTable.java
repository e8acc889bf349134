package org.leadmanager.inmemory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.leadmanager.error.ConflictException;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.spi.store.MarketingActionRepository;

/** Marketing actions by id and per tenant. */
final class ActionTable implements MarketingActionRepository {
    private static final Comparator<MarketingAction> BY_NAME =
            Names.<MarketingAction>byName(MarketingAction::name).thenComparing(MarketingAction::id);

    private final Transactions transactions;
    private final Map<MarketingActionId, MarketingAction> byId = new HashMap<>();
    private final Map<TenantId, Set<MarketingActionId>> byTenant = new HashMap<>();

    ActionTable(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(MarketingAction action) {
        Objects.requireNonNull(action, "action");
        UndoLog log = transactions.active().changes();
        if (byId.containsKey(action.id())) {
            throw new ConflictException("marketing action " + action.id() + " already exists");
        }
        log.putEntry(byId, action.id(), action);
        log.addElement(byTenant.computeIfAbsent(action.tenant(), t -> new HashSet<>()), action.id());
    }

    @Override
    public Optional<MarketingAction> find(TenantId tenant, MarketingActionId id) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        transactions.checkActive();
        return Optional.ofNullable(byId.get(id)).filter(a -> a.tenant().equals(tenant));
    }

    @Override
    public List<MarketingAction> findAll(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        transactions.checkActive();
        return byTenant.getOrDefault(tenant, Set.of()).stream().map(byId::get).sorted(BY_NAME).toList();
    }
}
