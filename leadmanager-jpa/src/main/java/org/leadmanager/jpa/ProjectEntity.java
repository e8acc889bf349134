package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusKey;

/**
 * Row of {@code lm_project}, with its mapping. The configuration value objects (status list, transitions, team,
 * assignment policy) are held in {@link TextCodec} columns: a project is always read and written whole. Its
 * contact groups live in {@code lm_project_group}, where {@code findByGroup} can look them up.
 */
@Entity(name = "LmProject")
@Table(name = "lm_project")
class ProjectEntity {
    @Id
    @Column(name = "id", length = 36)
    String id;
    @Column(name = "tenant_id", length = 64, nullable = false, updatable = false)
    String tenantId;
    @Column(name = "name", length = 200, nullable = false)
    String name;
    /** The folded name ({@link CaseFolding#fold}): unique per tenant, so names are unique ignoring case. */
    @Column(name = "name_key", length = Keys.FOLD_LENGTH, nullable = false)
    String nameKey;
    @Column(name = "kind", length = 16, nullable = false, updatable = false)
    String kind;
    @Column(name = "archived", nullable = false)
    boolean archived;
    @Column(name = "statuses", length = 1_000_000, nullable = false)
    String statuses;
    @Column(name = "default_status", length = 40, nullable = false)
    String defaultStatus;
    @Column(name = "transitions", length = 1_000_000, nullable = false)
    String transitions;
    @Column(name = "team", length = 1_000_000, nullable = false)
    String team;
    @Column(name = "assignment", length = 1_000_000, nullable = false)
    String assignment;
    /** Next round-robin position; changed only by {@code advanceRoundRobin}, never by a project update. */
    @Column(name = "round_robin", nullable = false, updatable = false)
    long roundRobin;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    @Version
    @Column(name = "version", nullable = false)
    long version;

    protected ProjectEntity() {
    }

    static ProjectEntity of(Project p) {
        ProjectEntity e = new ProjectEntity();
        e.id = p.id().toString();
        e.tenantId = p.tenant().value();
        e.name = p.name();
        e.nameKey = nameKey(p.name());
        e.kind = p.kind().name();
        e.archived = p.archived();
        e.statuses = TextCodec.statuses(p.statuses());
        e.defaultStatus = p.defaultStatus().value();
        e.transitions = TextCodec.transitions(p.transitions());
        e.team = TextCodec.users(p.team());
        e.assignment = TextCodec.assignment(p.assignment());
        e.createdAt = p.createdAt();
        e.version = p.version();
        return e;
    }

    Project toDomain(Set<ContactGroupId> groups) {
        return Project.reconstitute(ProjectId.parse(id), TenantId.of(tenantId), name, ProjectKind.valueOf(kind),
                archived, TextCodec.statuses(statuses), StatusKey.of(defaultStatus),
                TextCodec.transitions(transitions), TextCodec.users(team), groups,
                TextCodec.assignment(assignment), createdAt, version);
    }

    static String nameKey(String name) {
        return CaseFolding.fold(name);
    }
}
