package org.leadmanager.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.error.ConflictException;
import org.leadmanager.spi.store.SavedSearchRepository;

/** Saved searches in {@code lm_saved_search} and its criteria tables; names are unique per tenant and owner. */
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
        boolean taken = !s.em.createQuery("select s.id from LmSavedSearch s where s.tenantId = :tenant"
                + " and s.ownerId = :owner and s.name = :name").setParameter("tenant", search.tenant().value())
                .setParameter("owner", search.owner().value()).setParameter("name", search.name())
                .setMaxResults(1).getResultList().isEmpty();
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
        return searches(s.em.createQuery("select s from LmSavedSearch s where s.id = :id and s.tenantId = :tenant",
                SavedSearchEntity.class).setParameter("id", id.value()).setParameter("tenant", tenant.value())
                .getResultList()).stream().findFirst();
    }

    @Override
    public List<SavedSearch> findByOwner(TenantId tenant, UserId owner) {
        List<SavedSearch> all = searches(s.em.createQuery("select s from LmSavedSearch s where s.tenantId = :tenant"
                + " and s.ownerId = :owner", SavedSearchEntity.class).setParameter("tenant", tenant.value())
                .setParameter("owner", owner.value()).getResultList());
        all.sort(BY_NAME);
        return all;
    }

    @Override
    public List<SavedSearch> findByTenant(TenantId tenant) {
        List<SavedSearch> all = searches(s.em.createQuery("select s from LmSavedSearch s where s.tenantId = :tenant",
                SavedSearchEntity.class).setParameter("tenant", tenant.value()).getResultList());
        all.sort(BY_NAME);
        return all;
    }

    /** Removes the search with its criteria rows; nothing if the tenant has no such search. */
    @Override
    public void delete(TenantId tenant, SavedSearchId id) {
        SavedSearchEntity stored = s.em.find(SavedSearchEntity.class, id.value());
        if (stored == null) {
            return;
        }
        if (stored.tenantId.equals(tenant.value())) {
            s.remove(stored);
        } else {
            s.detach(stored);
        }
    }

    private List<SavedSearch> searches(List<SavedSearchEntity> rows) {
        return new ArrayList<>(s.mapped(rows, SavedSearchEntity::toDomain));
    }

    private static ConflictException nameTaken(SavedSearch search) {
        return new ConflictException("user " + search.owner() + " already has a saved search named '"
                + search.name() + "'");
    }
}
