package org.leadmanager.spi.store;

import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.search.SavedSearch;

/** Store SPI: saved searches, per user. */
public interface SavedSearchRepository {

    /** @throws org.leadmanager.error.ConflictException if the owner has a saved search of that name */
    void insert(SavedSearch search);

    Optional<SavedSearch> find(TenantId tenant, SavedSearchId id);

    /** The owner's saved searches, ordered by name. */
    List<SavedSearch> findByOwner(TenantId tenant, UserId owner);

    /** Every saved search of the tenant, of every owner (erasure looks for those naming an erased person). */
    List<SavedSearch> findByTenant(TenantId tenant);

    void delete(TenantId tenant, SavedSearchId id);
}
