package org.leadmanager.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.ActionKind;
import org.leadmanager.domain.project.MarketingAction;

/**
 * Row of {@code lm_marketing_action}, with its mapping; its projects are rows of
 * {@code lm_marketing_action_project}.
 */
@Entity(name = "LmMarketingAction")
@Table(name = "lm_marketing_action")
class MarketingActionEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    @Column(name = "kind", length = 20, nullable = false, updatable = false)
    String kind;
    @Column(name = "starts_on", updatable = false)
    LocalDate startsOn;
    @Column(name = "ends_on", updatable = false)
    LocalDate endsOn;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @ElementCollection
    @CollectionTable(name = "lm_marketing_action_project", joinColumns = @JoinColumn(name = "action_id"))
    @Column(name = "project_id", nullable = false)
    Set<UUID> projectIds = new HashSet<>();

    protected MarketingActionEntity() {
    }

    static MarketingActionEntity of(MarketingAction a) {
        MarketingActionEntity e = new MarketingActionEntity();
        e.id = a.id().value();
        e.tenantId = a.tenant().value();
        e.name = a.name();
        e.kind = a.kind().name();
        e.startsOn = a.startsOn();
        e.endsOn = a.endsOn();
        a.projects().forEach(p -> e.projectIds.add(p.value()));
        e.createdAt = a.createdAt();
        return e;
    }

    /** The action; reads its projects (lazily loaded) while the entity is managed. */
    MarketingAction toDomain() {
        return new MarketingAction(new MarketingActionId(id), TenantId.of(tenantId), name, ActionKind.valueOf(kind),
                projectIds.stream().map(ProjectId::new).collect(Collectors.toSet()), startsOn, endsOn, createdAt);
    }
}
