package org.leadmanager.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadmanager.error.ConflictException;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.spi.store.SavedSearchRepository;

/** Saved searches in {@code lm_saved_search}; names are unique per tenant and owner. */
final class JpaSavedSearchRepository implements SavedSearchRepository {
    private static final Comparator<SavedSearch> BY_NAME = Comparator
            .comparing(SavedSearch::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(SavedSearch::name).thenComparing(SavedSearch::id);

    private final JpaSession s;

    JpaSavedSearchRepository(JpaSession session) {
        this.s = session;
    }

    @Override
    public void insert(SavedSearch search) {
        boolean taken = s.first("select s from LmSavedSearch s where s.tenantId = ?1 and s.ownerId = ?2"
                + " and s.name = ?3", SavedSearchEntity.class, search.tenant().value(), search.owner().value(),
                search.name()).isPresent();
        if (taken) {
            throw nameTaken(search);
        }
        try {
            s.insert(SavedSearchEntity.of(search));
        } catch (ConflictException e) {
            throw nameTaken(search);
        }
    }

    @Override
    public Optional<SavedSearch> find(TenantId tenant, SavedSearchId id) {
        return s.first("select s from LmSavedSearch s where s.id = ?1 and s.tenantId = ?2",
                SavedSearchEntity.class, id.toString(), tenant.value()).map(SavedSearchEntity::toDomain);
    }

    @Override
    public List<SavedSearch> findByOwner(TenantId tenant, UserId owner) {
        List<SavedSearch> all = new ArrayList<>();
        for (SavedSearchEntity e : s.list("select s from LmSavedSearch s where s.tenantId = ?1 and s.ownerId = ?2",
                SavedSearchEntity.class, tenant.value(), owner.value())) {
            all.add(e.toDomain());
        }
        all.sort(BY_NAME);
        return all;
    }

    @Override
    public void delete(TenantId tenant, SavedSearchId id) {
        s.execute("delete from LmSavedSearch s where s.id = ?1 and s.tenantId = ?2", id.toString(), tenant.value());
    }

    private static ConflictException nameTaken(SavedSearch search) {
        return new ConflictException("user " + search.owner() + " already has a saved search named '"
                + search.name() + "'");
    }
}
