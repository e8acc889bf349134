package org.leadmanager.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.UUID;
import org.leadmanager.domain.CaseFolding;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.project.AssignmentPolicy;
import org.leadmanager.domain.project.AssignmentRule;
import org.leadmanager.domain.project.AssignmentStrategy;
import org.leadmanager.domain.project.LeadStatus;
import org.leadmanager.domain.project.LostReason;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.ProjectKind;
import org.leadmanager.domain.project.StatusCategory;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.project.TeamMember;

/**
 * Row of {@code lm_project}, with its mapping, and its configuration as rows of their own tables: the status list
 * ({@code lm_project_status}, in order, each marked when it has declared next statuses), the allowed transitions
 * ({@code lm_project_transition}), the team ({@code lm_project_member}, in order), the bound contact groups
 * ({@code lm_project_group}, where {@code findByGroup} looks them up) and the assignment rules
 * ({@code lm_assignment_rule}, in order), the first-response deadline ({@code lm_first_response} and its
 * holidays). Every change of a project goes through its versioned row, so a version
 * names one content of all of them.
 */
@Entity(name = "LmProject")
@Table(name = "lm_project")
class ProjectEntity {
    @Id
    @Column(name = "id")
    UUID id;
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
    @Column(name = "default_status", length = 40, nullable = false)
    String defaultStatus;
    @Column(name = "assignment_strategy", length = 20, nullable = false)
    String assignmentStrategy;
    @Column(name = "assignment_fallback", length = 64)
    String assignmentFallback;
    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
    /** {@link Project#lostReasons}: the labels, one per line ({@link LostReason} labels have no line break). */
    @Column(name = "lost_reasons", length = 1_000_000, nullable = false)
    String lostReasons = "";
    @Version
    @Column(name = "version", nullable = false)
    long version;

    @ElementCollection
    @CollectionTable(name = "lm_project_status", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    List<StatusRow> statuses = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "lm_project_transition", joinColumns = @JoinColumn(name = "project_id"))
    Set<TransitionRow> transitions = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_project_member", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    List<MemberRow> team = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "lm_project_group", joinColumns = @JoinColumn(name = "project_id"))
    Set<GroupRow> groups = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_assignment_rule", joinColumns = @JoinColumn(name = "project_id"))
    @OrderColumn(name = "position")
    List<RuleRow> rules = new ArrayList<>();

    /** The first-response deadline: no row, or one ({@link FirstResponseRows}). */
    @ElementCollection
    @CollectionTable(name = "lm_first_response", joinColumns = @JoinColumn(name = "project_id"))
    Set<FirstResponseRows.Policy> firstResponse = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "lm_first_response_holiday", joinColumns = @JoinColumn(name = "project_id"))
    Set<FirstResponseRows.Holiday> holidays = new HashSet<>();

    /** One status of the list; {@code restricted}: the status has a declared (possibly empty) set of next ones. */
    @Embeddable
    record StatusRow(
            @Column(name = "status_key", length = 40, nullable = false) String statusKey,
            @Column(name = "label", length = 200, nullable = false) String label,
            @Column(name = "category", length = 8, nullable = false) String category,
            @Column(name = "restricted", nullable = false) boolean restricted) {
    }

    /** A team member with their weight and cap of open leads (null: none). */
    @Embeddable
    record MemberRow(
            @Column(name = "user_id", length = 64, nullable = false) String userId,
            @Column(name = "weight", nullable = false) int weight,
            @Column(name = "max_open_leads") Integer maxOpenLeads) {
    }

    /** An allowed move from one status to another. */
    @Embeddable
    record TransitionRow(
            @Column(name = "from_status", length = 40, nullable = false) String fromStatus,
            @Column(name = "to_status", length = 40, nullable = false) String toStatus) {
    }

    /** A bound contact group, with the tenant so that groups can be looked up per tenant. */
    @Embeddable
    record GroupRow(
            @Column(name = "group_id", length = 64, nullable = false) String groupId,
            @Column(name = "tenant_id", length = 64, nullable = false) String tenantId) {
    }

    /** A criteria rule of the owner assignment. */
    @Embeddable
    record RuleRow(
            @Column(name = "name", length = 200, nullable = false) String name,
            @Column(name = "field", length = 16, nullable = false) String field,
            @Column(name = "match_value", length = 200, nullable = false) String matchValue,
            @Column(name = "assignee", length = 64, nullable = false) String assignee) {
    }

    protected ProjectEntity() {
    }

    static ProjectEntity of(Project p) {
        ProjectEntity e = new ProjectEntity();
        e.id = p.id().value();
        e.tenantId = p.tenant().value();
        e.name = p.name();
        e.nameKey = nameKey(p.name());
        e.kind = p.kind().name();
        e.archived = p.archived();
        e.defaultStatus = p.defaultStatus().value();
        AssignmentPolicy assignment = p.assignment();
        e.assignmentStrategy = assignment.strategy().name();
        e.assignmentFallback = assignment.fallback() == null ? null : assignment.fallback().value();
        e.createdAt = p.createdAt();
        e.version = p.version();
        for (LeadStatus s : p.statuses()) {
            e.statuses.add(new StatusRow(s.key().value(), s.label(), s.category().name(),
                    p.transitions().containsKey(s.key())));
        }
        p.transitions().forEach((from, targets) -> targets.forEach(to ->
                e.transitions.add(new TransitionRow(from.value(), to.value()))));
        p.members().forEach(m -> e.team.add(new MemberRow(m.user().value(), m.weight(), m.maxOpenLeads())));
        p.groups().forEach(g -> e.groups.add(new GroupRow(g.value(), e.tenantId)));
        for (AssignmentRule r : assignment.rules()) {
            e.rules.add(new RuleRow(r.name(), r.field().name(), r.value(), r.assignee().value()));
        }
        FirstResponseRows.write(p.firstResponse(), e.firstResponse, e.holidays);
        e.lostReasons = p.lostReasons().stream().map(LostReason::label).collect(Collectors.joining("\n"));
        return e;
    }

    /** The project; reads the configuration rows (lazily loaded) while the entity is managed. */
    Project toDomain() {
        List<LeadStatus> statusList = new ArrayList<>(statuses.size());
        Map<StatusKey, Set<StatusKey>> allowed = new LinkedHashMap<>();
        for (StatusRow s : statuses) {
            StatusKey key = StatusKey.of(s.statusKey());
            statusList.add(new LeadStatus(key, s.label(), StatusCategory.valueOf(s.category())));
            if (s.restricted()) {
                allowed.put(key, new LinkedHashSet<>());
            }
        }
        for (TransitionRow t : transitions) {
            allowed.computeIfAbsent(StatusKey.of(t.fromStatus()), k -> new LinkedHashSet<>())
                    .add(StatusKey.of(t.toStatus()));
        }
        List<TeamMember> members = team.stream()
                .map(m -> new TeamMember(UserId.of(m.userId()), m.weight(), m.maxOpenLeads())).toList();
        Set<ContactGroupId> bound = new HashSet<>();
        groups.forEach(g -> bound.add(ContactGroupId.of(g.groupId())));
        List<AssignmentRule> ruleList = rules.stream().map(r -> new AssignmentRule(r.name(),
                ContactField.valueOf(r.field()), r.matchValue(), UserId.of(r.assignee()))).toList();
        AssignmentPolicy assignment = new AssignmentPolicy(ruleList, AssignmentStrategy.valueOf(assignmentStrategy),
                assignmentFallback == null ? null : UserId.of(assignmentFallback));
        return Project.reconstitute(new ProjectId(id), TenantId.of(tenantId), name, ProjectKind.valueOf(kind),
                archived, statusList, StatusKey.of(defaultStatus), allowed, members, bound, assignment, createdAt,
                version).withFirstResponse(FirstResponseRows.read(firstResponse, holidays))
                .withLostReasons(lostReasons.isEmpty() ? List.of()
                        : Arrays.stream(lostReasons.split("\n")).map(LostReason::new).toList());
    }

    static String nameKey(String name) {
        return CaseFolding.fold(name);
    }
}
