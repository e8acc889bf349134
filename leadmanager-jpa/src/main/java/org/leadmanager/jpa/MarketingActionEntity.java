package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.MarketingAction;

/** Row of {@code lm_marketing_action}, with its mapping. */
@Entity(name = "LmMarketingAction")
@Table(name = "lm_marketing_action")
class MarketingActionEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    @Column(name = "project_ids", length = 1_000_000, nullable = false)
    String projectIds;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected MarketingActionEntity() {
    }

    static MarketingActionEntity of(MarketingAction a) {
        MarketingActionEntity e = new MarketingActionEntity();
        e.id = a.id().toString();
        e.tenantId = a.tenant().value();
        e.name = a.name();
        e.projectIds = TextCodec.list(a.projects(), ProjectId::toString);
        e.createdAt = a.createdAt();
        return e;
    }

    MarketingAction toDomain() {
        return new MarketingAction(MarketingActionId.parse(id), TenantId.of(tenantId), name,
                TextCodec.set(projectIds, ProjectId::parse), createdAt);
    }
}
