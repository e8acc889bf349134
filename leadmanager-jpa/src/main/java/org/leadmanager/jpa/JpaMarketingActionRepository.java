package org.leadmanager.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.spi.store.MarketingActionRepository;

/** Marketing actions in {@code lm_marketing_action}. */
final class JpaMarketingActionRepository implements MarketingActionRepository {
    private static final Comparator<MarketingAction> BY_NAME = Comparator
            .comparing(MarketingAction::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(MarketingAction::name).thenComparing(MarketingAction::id);

    private final JpaSession s;

    JpaMarketingActionRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(MarketingAction action) {
        s.insert(MarketingActionEntity.of(action));
    }

    @Override
    public Optional<MarketingAction> find(TenantId tenant, MarketingActionId id) {
        return s.first("select a from LmMarketingAction a where a.id = ?1 and a.tenantId = ?2",
                MarketingActionEntity.class, id.toString(), tenant.value()).map(MarketingActionEntity::toDomain);
    }

    @Override
    public List<MarketingAction> findAll(TenantId tenant) {
        List<MarketingAction> all = new ArrayList<>();
        for (MarketingActionEntity e : s.list("select a from LmMarketingAction a where a.tenantId = ?1",
                MarketingActionEntity.class, tenant.value())) {
            all.add(e.toDomain());
        }
        all.sort(BY_NAME);
        return all;
    }
}
