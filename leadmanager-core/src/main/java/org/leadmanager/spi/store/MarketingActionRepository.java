package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.MarketingAction;

/** Store SPI: marketing actions. */
public interface MarketingActionRepository {

    void insert(MarketingAction action);

    Optional<MarketingAction> find(TenantId tenant, MarketingActionId id);

    /** All actions of the tenant, ordered by name. */
    List<MarketingAction> findAll(TenantId tenant);
}
