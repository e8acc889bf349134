package org.leadmanager.domain.project;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.ContactGroupId;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.TenantId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.FirstResponsePolicy;

/**
 * A project or product contacts are qualified for: one lead manager. Holds its status list (the list order is the
 * sort order), optional allowed transitions, team, bound contact groups and assignment policy.
 * Immutable: every change returns a new instance with the same version; the store bumps versions.
 */
public final class Project {
    private final ProjectId id;
    private final TenantId tenant;
    private final String name;
    private final ProjectKind kind;
    private final boolean archived;
    private final List<LeadStatus> statuses;
    private final StatusKey defaultStatus;
    private final Map<StatusKey, Set<StatusKey>> transitions;
    private final List<TeamMember> members;
    private final List<UserId> team;
    private final Set<ContactGroupId> groups;
    private final AssignmentPolicy assignment;
    private final Instant createdAt;
    private final long version;
    private final FirstResponsePolicy firstResponse;
    private final List<LostReason> lostReasons;

    private Project(ProjectId id, TenantId tenant, String name, ProjectKind kind, boolean archived,
            List<LeadStatus> statuses, StatusKey defaultStatus, Map<StatusKey, Set<StatusKey>> transitions,
            List<TeamMember> members, Set<ContactGroupId> groups, AssignmentPolicy assignment, Instant createdAt,
            long version, FirstResponsePolicy firstResponse, List<LostReason> lostReasons) {
        this.id = Objects.requireNonNull(id, "id");
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.name = Text.required(name, "name", Text.MAX_NAME);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.archived = archived;
        this.statuses = List.copyOf(statuses);
        this.defaultStatus = Objects.requireNonNull(defaultStatus, "defaultStatus");
        this.transitions = copy(transitions);
        Map<UserId, TeamMember> byUser = new LinkedHashMap<>();
        for (TeamMember member : members) {
            byUser.putIfAbsent(Objects.requireNonNull(member, "member").user(), member);
        }
        this.members = List.copyOf(byUser.values());
        this.team = List.copyOf(byUser.keySet());
        this.groups = Set.copyOf(groups);
        this.assignment = Objects.requireNonNull(assignment, "assignment");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
        this.firstResponse = firstResponse;
        this.lostReasons = List.copyOf(lostReasons);
        checkStatuses();
        checkLostReasons();
    }

    /**
     * A new project with the given status list.
     *
     * @throws ValidationException if the list is empty, has duplicate keys, or the default is missing or not OPEN
     */
    public static Project create(ProjectId id, TenantId tenant, String name, ProjectKind kind,
            List<LeadStatus> statuses, StatusKey defaultStatus, Instant now) {
        return new Project(id, tenant, name, kind, false, statuses, defaultStatus, Map.of(), List.of(), Set.of(),
                AssignmentPolicy.none(), now, 0, null, List.of());
    }

    /** Rebuilds a stored project; for store adapters. */
    public static Project reconstitute(ProjectId id, TenantId tenant, String name, ProjectKind kind, boolean archived,
            List<LeadStatus> statuses, StatusKey defaultStatus, Map<StatusKey, Set<StatusKey>> transitions,
            List<TeamMember> members, Set<ContactGroupId> groups, AssignmentPolicy assignment, Instant createdAt,
            long version) {
        return new Project(id, tenant, name, kind, archived, statuses, defaultStatus, transitions, members, groups,
                assignment, createdAt, version, null, List.of());
    }

    private Project with(String name, boolean archived, List<LeadStatus> statuses, StatusKey defaultStatus,
            Map<StatusKey, Set<StatusKey>> transitions, List<TeamMember> members, Set<ContactGroupId> groups,
            AssignmentPolicy assignment) {
        return new Project(id, tenant, name, kind, archived, statuses, defaultStatus, transitions, members, groups,
                assignment, createdAt, version, firstResponse, lostReasons);
    }

    /** Same project with the version the store assigned. */
    public Project withVersion(long newVersion) {
        return new Project(id, tenant, name, kind, archived, statuses, defaultStatus, transitions, members, groups,
                assignment, createdAt, newVersion, firstResponse, lostReasons);
    }

    /** @throws ValidationException if the name is blank, too long or holds characters no store can keep */
    public Project renamed(String newName) {
        return with(newName, archived, statuses, defaultStatus, transitions, members, groups, assignment);
    }

    /** Archived: it takes no new leads. Archiving an archived project changes nothing and returns it. */
    public Project archive() {
        if (archived) {
            return this;
        }
        return with(name, true, statuses, defaultStatus, transitions, members, groups, assignment);
    }

    /**
     * Adds a status at a position (0 = first), or at the end when position is null.
     *
     * @throws ConflictException if the key is already used
     * @throws ValidationException if the position is outside the list
     */
    public Project withStatusAdded(LeadStatus status, Integer position) {
        if (findStatus(status.key()).isPresent()) {
            throw new ConflictException("status '" + status.key() + "' already exists in project " + id);
        }
        int at = position == null ? statuses.size() : position;
        if (at < 0 || at > statuses.size()) {
            throw ValidationException.of("position", "Max", "must be between 0 and " + statuses.size() + ", was " + at,
                    "value", statuses.size());
        }
        List<LeadStatus> next = new ArrayList<>(statuses);
        next.add(at, status);
        return with(name, archived, next, defaultStatus, transitions, members, groups, assignment);
    }

    /** Changes a status' label. @throws ValidationException (path {@code status}) if the key is unknown */
    public Project withStatusRelabelled(StatusKey key, String label) {
        requireStatus(key, "status");
        List<LeadStatus> next = statuses.stream()
                .map(s -> s.key().equals(key) ? new LeadStatus(key, label, s.category()) : s)
                .toList();
        return with(name, archived, next, defaultStatus, transitions, members, groups, assignment);
    }

    /**
     * Puts the statuses in the given order.
     *
     * @throws ValidationException unless the order names every current status exactly once
     */
    public Project withStatusesReordered(List<StatusKey> order) {
        Set<StatusKey> current = statusKeys();
        if (order.size() != current.size() || !new HashSet<>(order).equals(current)) {
            throw ValidationException.of("order", "StatusOrder",
                    "must name every status of the project exactly once: " + current, "statuses", current);
        }
        List<LeadStatus> next = order.stream().map(k -> findStatus(k).orElseThrow()).toList();
        return with(name, archived, next, defaultStatus, transitions, members, groups, assignment);
    }

    /**
     * Removes a status; leads on it must move to the replacement (the caller does that). A retired default status
     * makes the replacement the default; allowed moves to the retired status become moves to the replacement.
     *
     * @throws ValidationException if either key is unknown, they are equal, or the replacement cannot be the default
     */
    public Project withStatusRetired(StatusKey retired, StatusKey replacement) {
        requireStatus(retired, "status");
        LeadStatus target = requireStatus(replacement, "replacement");
        if (retired.equals(replacement)) {
            throw ValidationException.of("replacement", "SameStatus",
                    "must differ from the retired status '" + retired + "'", "key", retired);
        }
        StatusKey nextDefault = defaultStatus;
        if (defaultStatus.equals(retired)) {
            if (target.category() != StatusCategory.OPEN) {
                throw ValidationException.of("replacement", "StatusCategory",
                        "replaces the default status and so must be OPEN, '" + replacement + "' is "
                                + target.category(),
                        "key", replacement, "category", target.category(), "expected", StatusCategory.OPEN);
            }
            nextDefault = replacement;
        }
        List<LeadStatus> next = statuses.stream().filter(s -> !s.key().equals(retired)).toList();
        Map<StatusKey, Set<StatusKey>> nextTransitions = new LinkedHashMap<>();
        // a move to the retired status becomes a move to its replacement, so no lead is trapped by the removal
        transitions.forEach((from, tos) -> {
            if (!from.equals(retired)) {
                nextTransitions.put(from, tos.stream()
                        .map(t -> t.equals(retired) ? replacement : t)
                        .filter(t -> !t.equals(from))
                        .collect(Collectors.toSet()));
            }
        });
        return with(name, archived, next, nextDefault, nextTransitions, members, groups, assignment);
    }

    /** @throws ValidationException if the key is unknown or not OPEN */
    public Project withDefaultStatus(StatusKey key) {
        return with(name, archived, statuses, key, transitions, members, groups, assignment);
    }

    /**
     * Sets the allowed next statuses. A status without an entry may move to any status; an empty map lifts all
     * restrictions.
     *
     * @throws ValidationException if a key is unknown
     */
    public Project withTransitions(Map<StatusKey, Set<StatusKey>> allowed) {
        return with(name, archived, statuses, defaultStatus, allowed, members, groups, assignment);
    }

    /**
     * Sets the team in the given order (the round-robin order); duplicates are dropped. Members who stay keep their
     * weight and cap; new ones have weight 1 and no cap.
     */
    public Project withTeam(List<UserId> users) {
        List<TeamMember> next = new ArrayList<>();
        for (UserId user : users) {
            next.add(member(Objects.requireNonNull(user, "user")));
        }
        return with(name, archived, statuses, defaultStatus, transitions, next, groups, assignment);
    }

    /** Sets the team with each member's weight and cap, in the given order; a repeated user counts once (first). */
    public Project withMembers(List<TeamMember> next) {
        return with(name, archived, statuses, defaultStatus, transitions, next, groups, assignment);
    }

    /** The team member's terms; weight 1 and no cap for a user not (yet) in the team. */
    public TeamMember member(UserId user) {
        for (TeamMember member : members) {
            if (member.user().equals(user)) {
                return member;
            }
        }
        return TeamMember.of(user);
    }

    /** Sets the contact groups whose members become leads automatically. */
    public Project withGroups(Set<ContactGroupId> bound) {
        return with(name, archived, statuses, defaultStatus, transitions, members, bound, assignment);
    }

    public Project withAssignment(AssignmentPolicy policy) {
        return with(name, archived, statuses, defaultStatus, transitions, members, groups, policy);
    }

    /**
     * Sets the first-response deadline of the project's leads, or none when {@code policy} is null. Clocks already
     * running keep their deadlines; a breach of a project without a policy any more is settled without escalation.
     * Stores rebuilding a project call it after {@link #reconstitute}.
     */
    public Project withFirstResponse(FirstResponsePolicy policy) {
        if (java.util.Objects.equals(policy, firstResponse)) {
            return this;
        }
        return new Project(id, tenant, name, kind, archived, statuses, defaultStatus, transitions, members, groups,
                assignment, createdAt, version, policy, lostReasons);
    }

    /** Most reasons a project lists. */
    public static final int MAX_LOST_REASONS = 50;

    /**
     * Sets the reasons to choose from when disqualifying, in their order. Stores rebuilding a project call it after
     * {@link #reconstitute}.
     *
     * @throws ValidationException if there are more than {@value #MAX_LOST_REASONS} or two make the same key
     */
    public Project withLostReasons(List<LostReason> reasons) {
        if (reasons.equals(lostReasons)) {
            return this;
        }
        return new Project(id, tenant, name, kind, archived, statuses, defaultStatus, transitions, members, groups,
                assignment, createdAt, version, firstResponse, reasons);
    }

    /** The reasons to choose from when disqualifying, in their order; empty when the project lists none. */
    public List<LostReason> lostReasons() {
        return lostReasons;
    }

    /**
     * The listed reason a disqualification's text stands for, if any: the text folds as the reason's label folds
     * ({@link StatusKey#slug}, the whole text, so a long text sharing only its beginning with a reason is not it).
     */
    public Optional<LostReason> lostReasonFor(String text) {
        String folded = StatusKey.slug(text);
        if (folded.isEmpty()) {
            return Optional.empty();
        }
        return lostReasons.stream().filter(r -> StatusKey.slug(r.label()).equals(folded)).findFirst();
    }

    private void checkLostReasons() {
        if (lostReasons.size() > MAX_LOST_REASONS) {
            throw ValidationException.of("lostReasons", "Size", "must list at most " + MAX_LOST_REASONS
                    + " reasons, had " + lostReasons.size(), "max", MAX_LOST_REASONS);
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < lostReasons.size(); i++) {
            LostReason reason = Objects.requireNonNull(lostReasons.get(i), "lost reason");
            if (!keys.add(reason.key())) {
                throw ValidationException.of("lostReasons[" + i + "]", "Unique", "'" + reason.label()
                        + "' makes the key '" + reason.key() + "' of an earlier reason", "key", reason.key());
            }
        }
    }

    /** The first-response deadline of the project's leads, or null when it sets none. */
    public FirstResponsePolicy firstResponse() {
        return firstResponse;
    }

    /** The status with this key, if the project has it. */
    public Optional<LeadStatus> findStatus(StatusKey key) {
        return statuses.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    /**
     * The status with this key.
     *
     * @param path reported in the violation
     * @throws ValidationException naming the known statuses if the key is unknown
     */
    public LeadStatus requireStatus(StatusKey key, String path) {
        if (key == null) {
            throw ValidationException.of(path, "NotNull", "must not be null");
        }
        return findStatus(key).orElseThrow(() -> ValidationException.of(path, "UnknownStatus",
                "unknown status '" + key + "' in project '" + name + "'; known: " + statusKeys(), "key", key));
    }

    /** The first status of a category in list order, if any. */
    public Optional<LeadStatus> firstOf(StatusCategory category) {
        return statuses.stream().filter(s -> s.category() == category).findFirst();
    }

    /** Whether a lead may move from one status to another under the allowed transitions. */
    public boolean allowsTransition(StatusKey from, StatusKey to) {
        Set<StatusKey> allowed = transitions.get(from);
        return allowed == null || allowed.contains(to);
    }

    /** Status keys in list order. */
    public List<StatusKey> statusOrder() {
        return statuses.stream().map(LeadStatus::key).toList();
    }

    private Set<StatusKey> statusKeys() {
        return statuses.stream().map(LeadStatus::key).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private void checkStatuses() {
        if (statuses.isEmpty()) {
            throw ValidationException.of("statuses", "NotEmpty", "must contain at least one status");
        }
        Set<StatusKey> seen = new HashSet<>();
        for (int i = 0; i < statuses.size(); i++) {
            if (!seen.add(statuses.get(i).key())) {
                throw ValidationException.of("statuses[" + i + "].key", "Unique",
                        "duplicate status key '" + statuses.get(i).key() + "'", "key", statuses.get(i).key());
            }
        }
        LeadStatus def = requireStatus(defaultStatus, "defaultStatus");
        if (def.category() != StatusCategory.OPEN) {
            throw ValidationException.of("defaultStatus", "StatusCategory",
                    "must be an OPEN status, '" + defaultStatus + "' is " + def.category(),
                    "key", defaultStatus, "category", def.category(), "expected", StatusCategory.OPEN);
        }
        transitions.forEach((from, tos) -> {
            requireStatus(from, "transitions");
            tos.forEach(to -> requireStatus(to, "transitions[" + from + "]"));
        });
    }

    private static Map<StatusKey, Set<StatusKey>> copy(Map<StatusKey, Set<StatusKey>> map) {
        Map<StatusKey, Set<StatusKey>> result = new LinkedHashMap<>();
        Objects.requireNonNull(map, "transitions").forEach((k, v) -> result.put(k, Set.copyOf(v)));
        return java.util.Collections.unmodifiableMap(result);
    }

    public ProjectId id() { return id; }
    public TenantId tenant() { return tenant; }
    public String name() { return name; }
    public ProjectKind kind() { return kind; }
    public boolean archived() { return archived; }
    /** Statuses in sort order. */
    public List<LeadStatus> statuses() { return statuses; }
    public StatusKey defaultStatus() { return defaultStatus; }
    /** Allowed next statuses per status; a status without an entry may move anywhere. */
    public Map<StatusKey, Set<StatusKey>> transitions() { return transitions; }
    /** Team members in round-robin order. */
    public List<UserId> team() { return team; }
    /** The team in round-robin order, each with weight and cap. */
    public List<TeamMember> members() { return members; }
    public Set<ContactGroupId> groups() { return groups; }
    public AssignmentPolicy assignment() { return assignment; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }

    @Override
    public String toString() {
        return "Project[" + id + " '" + name + "' v" + version + "]";
    }
}
