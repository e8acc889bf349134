package org.leadmanager.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.leadmanager.domain.MarketingActionId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.search.SortField;

/**
 * Row of {@code lm_saved_search}, with its mapping: the scalar criteria as columns, the sets of statuses, assignees
 * and source actions and the field criteria as rows of their own tables.
 */
@Entity(name = "LmSavedSearch")
@Table(name = "lm_saved_search")
class SavedSearchEntity {
    @Id
    @Column(name = "id")
    UUID id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "owner_id", length = 64, nullable = false, updatable = false)
    String ownerId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    @Column(name = "project_id", nullable = false)
    UUID projectId;
    @Column(name = "unassigned", nullable = false)
    boolean unassigned;
    @Column(name = "search_text", length = 10_000)
    String text;
    @Column(name = "created_from")
    Instant createdFrom;
    @Column(name = "created_to")
    Instant createdTo;
    @Column(name = "activity_from")
    Instant activityFrom;
    @Column(name = "activity_to")
    Instant activityTo;
    @Column(name = "has_open_follow_up")
    Boolean hasOpenFollowUp;
    @Column(name = "follow_up_due_before")
    Instant followUpDueBefore;
    @Column(name = "response_due_before")
    Instant responseDueBefore;
    @Column(name = "sort_field", length = 20, nullable = false)
    String sortField;
    @Column(name = "sort_descending", nullable = false)
    boolean sortDescending;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @ElementCollection
    @CollectionTable(name = "lm_saved_search_status", joinColumns = @JoinColumn(name = "saved_search_id"))
    @Column(name = "status_key", length = 40, nullable = false)
    Set<String> statuses = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_saved_search_assignee", joinColumns = @JoinColumn(name = "saved_search_id"))
    @Column(name = "user_id", length = 64, nullable = false)
    Set<String> assignees = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_saved_search_source", joinColumns = @JoinColumn(name = "saved_search_id"))
    @Column(name = "action_id", nullable = false)
    Set<UUID> sources = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_saved_search_field", joinColumns = @JoinColumn(name = "saved_search_id"))
    @MapKeyColumn(name = "field", length = 16)
    @Column(name = "field_value", length = 10_000, nullable = false)
    Map<String, String> fields = new HashMap<>();

    protected SavedSearchEntity() {
    }

    static SavedSearchEntity of(SavedSearch s) {
        SavedSearchEntity e = new SavedSearchEntity();
        LeadCriteria c = s.criteria();
        e.id = s.id().value();
        e.tenantId = s.tenant().value();
        e.ownerId = s.owner().value();
        e.name = s.name();
        e.projectId = s.project().value();
        c.statuses().forEach(k -> e.statuses.add(k.value()));
        c.assignees().forEach(u -> e.assignees.add(u.value()));
        e.unassigned = c.unassigned();
        e.text = c.text();
        c.fields().forEach((field, value) -> e.fields.put(field.name(), value));
        c.sources().forEach(a -> e.sources.add(a.value()));
        e.createdFrom = c.createdFrom();
        e.createdTo = c.createdTo();
        e.activityFrom = c.activityFrom();
        e.activityTo = c.activityTo();
        e.hasOpenFollowUp = c.hasOpenFollowUp();
        e.followUpDueBefore = c.followUpDueBefore();
        e.responseDueBefore = c.responseDueBefore();
        e.sortField = s.sort().field().name();
        e.sortDescending = s.sort().descending();
        e.createdAt = s.createdAt();
        return e;
    }

    /** The saved search; reads its criteria rows (lazily loaded) while the entity is managed. */
    SavedSearch toDomain() {
        Map<ContactField, String> fieldCriteria = new EnumMap<>(ContactField.class);
        fields.forEach((field, value) -> fieldCriteria.put(ContactField.valueOf(field), value));
        LeadCriteria criteria = new LeadCriteria(
                statuses.stream().map(StatusKey::of).collect(Collectors.toSet()),
                assignees.stream().map(UserId::of).collect(Collectors.toSet()),
                unassigned, text, fieldCriteria,
                sources.stream().map(MarketingActionId::new).collect(Collectors.toSet()),
                createdFrom, createdTo, activityFrom, activityTo, hasOpenFollowUp, followUpDueBefore,
                responseDueBefore);
        return new SavedSearch(new SavedSearchId(id), TenantId.of(tenantId), UserId.of(ownerId), name,
                new ProjectId(projectId), criteria, new LeadSort(SortField.valueOf(sortField), sortDescending),
                createdAt);
    }
}
