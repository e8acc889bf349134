package org.leadmanager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.Times;
import org.leadmanager.domain.contact.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.domain.tally.Tally;
import org.leadmanager.domain.tally.TallyKey;
import org.leadmanager.spi.store.StoreSession;

final class SearchService implements Search {
    private final Context ctx;

    SearchService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public LeadPage find(Actor actor, LeadQuery query) {
        checkShape(query.criteria(), "query.criteria");
        Keyset after = query.cursor() == null ? null : decode(query.cursor(), query.sort(), "query");
        return withOwnerNames(actor, ctx.read(s -> page(s, actor, query.project(), query.criteria(), query.sort(),
                query.limit(), after, "query.criteria")));
    }

    /** The page with its owners' display names (see {@link Context#ownerNames}). */
    private LeadPage withOwnerNames(Actor actor, LeadPage page) {
        if (page.leads().stream().allMatch(lead -> lead.assignee() == null)) {
            return page;
        }
        return new LeadPage(page.leads(), page.nextCursor(), page.statusLabels(),
                ctx.ownerNames(actor.tenant(), page.leads()));
    }

    /** A page: the project (which must be viewable and know the ticked statuses), then the page's leads. */
    private LeadPage page(StoreSession s, Actor actor, ProjectId projectId, LeadCriteria criteria, LeadSort sort,
            int limit, Keyset after, String criteriaPath) {
        Project project = ctx.viewableProject(s, actor, projectId);
        checkStatuses(project, criteria, criteriaPath);
        LeadSearch search = search(actor, project, criteria, sort, limit, after);
        return page(s.leads().search(search), search, limit, project);
    }

    private static LeadSearch search(Actor actor, Project project, LeadCriteria criteria, LeadSort sort, int limit,
            Keyset after) {
        return new LeadSearch(actor.tenant(), project.id(), criteria, sort, project.statusOrder(), after, limit + 1);
    }

    private static LeadPage page(List<Lead> found, LeadSearch search, int limit, Project project) {
        Map<StatusKey, String> labels = new HashMap<>();
        project.statuses().forEach(status -> labels.put(status.key(), status.label()));
        if (found.size() <= limit) {
            return new LeadPage(found, null, labels, Map.of());
        }
        List<Lead> page = new ArrayList<>(found.subList(0, limit));
        return new LeadPage(page, CursorCodec.encode(search.sort(), search.ordering().keysetOf(page.get(limit - 1))),
                labels, Map.of());
    }

    @Override
    public StatusCounts countByStatus(Actor actor, ProjectId projectId, LeadCriteria criteria) {
        checkShape(criteria, "criteria");
        return ctx.read(s -> {
            Project project = ctx.viewableProject(s, actor, projectId);
            checkStatuses(project, criteria, "criteria");
            if (criteria.onlyStatusesAndOwners()) {
                // the status checkboxes and owner filters: answered by the kept tallies, not by counting leads;
                // unassigned leads are the status sums minus the owner sums, so both are read together
                Map<TallyKey, Long> sums = s.tallies().sums(actor.tenant(), projectId,
                        criteria.restrictsAssignee() ? Set.of(Tally.STATUS, Tally.OWNER) : Set.of(Tally.STATUS));
                Map<TallyKey, Long> status = new HashMap<>();
                Map<TallyKey, Long> owner = new HashMap<>();
                sums.forEach((key, n) -> (key.tally().equals(Tally.OWNER) ? owner : status).put(key, n));
                return ProjectService.kept(project, criteria, status, owner);
            }
            return ProjectService.counts(project, s.leads().countByStatus(actor.tenant(), projectId, criteria));
        });
    }

    @Override
    public List<Lead> byResponseDeadline(Actor actor, ProjectId projectId, Instant before, int limit) {
        Instant until = Times.checked(before, "before");
        return ctx.read(s -> {
            ctx.viewableProject(s, actor, projectId);
            return s.leads().findByResponseDue(actor.tenant(), projectId, until, limit);
        });
    }

    @Override
    public SavedSearch save(Actor actor, String name, ProjectId projectId, LeadCriteria criteria, LeadSort sort) {
        checkShape(criteria, "criteria");
        return ctx.write(actor, tx -> {
            Project project = ctx.viewableProject(tx.s, actor, projectId);
            checkStatuses(project, criteria, "criteria");
            String trimmed = name.strip();
            boolean taken = tx.s.savedSearches().findByOwner(actor.tenant(), actor.user()).stream()
                    .anyMatch(other -> other.name().equalsIgnoreCase(trimmed));
            if (taken) {
                throw new ConflictException("you already have a saved search named '" + trimmed + "'");
            }
            SavedSearch saved = new SavedSearch(new SavedSearchId(ctx.ids.next()), actor.tenant(), actor.user(),
                    trimmed, projectId, criteria, sort, tx.now);
            tx.s.savedSearches().insert(saved);
            return saved;
        });
    }

    @Override
    public List<SavedSearch> savedSearches(Actor actor) {
        return ctx.read(s -> s.savedSearches().findByOwner(actor.tenant(), actor.user()));
    }

    @Override
    public void deleteSavedSearch(Actor actor, SavedSearchId id) {
        ctx.write(actor, tx -> {
            own(tx.s, actor, id);
            tx.s.savedSearches().delete(actor.tenant(), id);
            return null;
        });
    }

    @Override
    public LeadPage run(Actor actor, SavedSearchId id, int limit) {
        return runSaved(actor, id, limit, null);
    }

    @Override
    public LeadPage run(Actor actor, SavedSearchId id, int limit, String cursor) {
        return runSaved(actor, id, limit, cursor);
    }

    /** The first page when {@code cursor} is null. */
    private LeadPage runSaved(Actor actor, SavedSearchId id, int limit, String cursor) {
        if (limit < 1 || limit > 500) {
            throw ValidationException.of("limit", limit < 1 ? "Min" : "Max", "must be between 1 and 500, was " + limit,
                    "value", limit < 1 ? 1 : 500);
        }
        return withOwnerNames(actor, ctx.read(s -> {
            SavedSearch saved = own(s, actor, id);
            Keyset after = cursor == null ? null : decode(cursor, saved.sort(), null);
            // statuses retired since the search was saved match no lead any more
            Project project = ctx.viewableProject(s, actor, saved.project());
            Set<StatusKey> ticked = saved.criteria().statuses();
            Set<StatusKey> current = ticked.stream().filter(k -> project.findStatus(k).isPresent())
                    .collect(Collectors.toSet());
            if (!ticked.isEmpty() && current.isEmpty()) {
                return new LeadPage(List.of(), null, Map.of(), Map.of());
            }
            return page(s, actor, saved.project(), saved.criteria().withStatuses(current), saved.sort(), limit,
                    after, "search.criteria");
        }));
    }

    private static SavedSearch own(StoreSession s, Actor actor, SavedSearchId id) {
        return s.savedSearches().find(actor.tenant(), id)
                .filter(saved -> saved.owner().equals(actor.user()))
                .orElseThrow(() -> new NotFoundException("saved search", id));
    }

    private static Keyset decode(String cursor, LeadSort sort, String parent) {
        try {
            return CursorCodec.decode(cursor, sort);
        } catch (ValidationException e) {
            throw parent == null ? e : e.under(parent);
        }
    }

    /** Criteria must name statuses the project has. */
    private static void checkStatuses(Project project, LeadCriteria criteria, String path) {
        List<ValidationException.Violation> problems = new ArrayList<>();
        for (StatusKey status : criteria.statuses()) {
            if (project.findStatus(status).isEmpty()) {
                problems.add(new ValidationException.Violation(path + ".statuses", "UnknownStatus",
                        ValidationException.args("key", status),
                        "unknown status '" + status + "' in project '" + project.name() + "'; known: "
                                + project.statusOrder()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /**
     * What criteria must satisfy whatever the project: texts within their limits, instants every store can hold,
     * forward ranges. Checked before the store is asked anything.
     */
    static void checkShape(LeadCriteria criteria, String path) {
        List<ValidationException.Violation> problems = new ArrayList<>();
        if (criteria.text() != null && criteria.text().length() > Text.MAX_NAME) {
            problems.add(new ValidationException.Violation(path + ".text", "Size",
                    ValidationException.args("min", 0, "max", Text.MAX_NAME), "size must be at most " + Text.MAX_NAME));
        }
        for (Map.Entry<ContactField, String> field : criteria.fields().entrySet()) {
            String at = path + ".fields[" + field.getKey() + "]";
            if (field.getValue().isBlank()) {
                problems.add(new ValidationException.Violation(at, "NotBlank", "must not be blank"));
            } else if (field.getValue().strip().length() > Text.MAX_NOTE) {
                // a value is only compared, never stored; the bound keeps statements reasonable
                problems.add(new ValidationException.Violation(at, "Size",
                        ValidationException.args("min", 1, "max", Text.MAX_NOTE),
                        "size must be at most " + Text.MAX_NOTE));
            }
        }
        time(problems, path + ".createdFrom", criteria.createdFrom());
        time(problems, path + ".createdTo", criteria.createdTo());
        time(problems, path + ".activityFrom", criteria.activityFrom());
        time(problems, path + ".activityTo", criteria.activityTo());
        time(problems, path + ".followUpDueBefore", criteria.followUpDueBefore());
        time(problems, path + ".responseDueBefore", criteria.responseDueBefore());
        range(problems, path + ".created", criteria.createdFrom(), criteria.createdTo());
        range(problems, path + ".lastActivity", criteria.activityFrom(), criteria.activityTo());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void time(List<ValidationException.Violation> problems, String path, Instant instant) {
        if (instant != null && !Times.supported(instant)) {
            problems.add(Times.violation(path, instant));
        }
    }

    private static void range(List<ValidationException.Violation> problems, String path, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new ValidationException.Violation(path, "RangeOrder",
                    ValidationException.args("from", from, "to", to), "from " + from + " is after to " + to));
        }
    }
}
