package org.leadmanager.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.MarketingAction;
import org.leadmanager.spi.store.MarketingActionRepository;

/** Marketing actions in {@code lm_marketing_action}, their projects in {@code lm_marketing_action_project}. */
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
        return actions(s.em.createQuery("select a from LmMarketingAction a where a.id = :id"
                + " and a.tenantId = :tenant", MarketingActionEntity.class).setParameter("id", id.value())
                .setParameter("tenant", tenant.value()).getResultList()).stream().findFirst();
    }

    @Override
    public List<MarketingAction> findAll(TenantId tenant) {
        List<MarketingAction> all = actions(s.em.createQuery("select a from LmMarketingAction a"
                + " where a.tenantId = :tenant", MarketingActionEntity.class).setParameter("tenant", tenant.value())
                .getResultList());
        all.sort(BY_NAME);
        return all;
    }

    private List<MarketingAction> actions(List<MarketingActionEntity> rows) {
        return new ArrayList<>(s.mapped(rows, MarketingActionEntity::toDomain));
    }
}
