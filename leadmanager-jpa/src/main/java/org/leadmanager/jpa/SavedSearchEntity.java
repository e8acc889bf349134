package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;

/** Row of {@code lm_saved_search}, with its mapping; the criteria are held in {@link TextCodec} form. */
@Entity(name = "LmSavedSearch")
@Table(name = "lm_saved_search")
class SavedSearchEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "owner_id", length = 64, nullable = false, updatable = false)
    String ownerId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    @Column(name = "project_id", length = 36, nullable = false)
    String projectId;
    @Column(name = "criteria", length = 1_000_000, nullable = false)
    String criteria;
    @Column(name = "sort_field", length = 20, nullable = false)
    String sortField;
    @Column(name = "sort_descending", nullable = false)
    boolean sortDescending;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected SavedSearchEntity() {
    }

    static SavedSearchEntity of(SavedSearch s) {
        SavedSearchEntity e = new SavedSearchEntity();
        e.id = s.id().toString();
        e.tenantId = s.tenant().value();
        e.ownerId = s.owner().value();
        e.name = s.name();
        e.projectId = s.project().toString();
        e.criteria = TextCodec.criteria(s.criteria());
        e.sortField = s.sort().field().name();
        e.sortDescending = s.sort().descending();
        e.createdAt = s.createdAt();
        return e;
    }

    SavedSearch toDomain() {
        return new SavedSearch(SavedSearchId.parse(id), TenantId.of(tenantId), UserId.of(ownerId), name,
                ProjectId.parse(projectId), TextCodec.criteria(criteria),
                new LeadSort(SortField.valueOf(sortField), sortDescending), createdAt);
    }
}
