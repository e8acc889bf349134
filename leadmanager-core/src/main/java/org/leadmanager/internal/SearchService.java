package org.leadmanager.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.leadmanager.ConflictException;
import org.leadmanager.LeadPage;
import org.leadmanager.LeadQuery;
import org.leadmanager.NotFoundException;
import org.leadmanager.Search;
import org.leadmanager.StatusCounts;
import org.leadmanager.ValidationException;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.Text;
import org.leadmanager.domain.lead.ContactField;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.Project;
import org.leadmanager.domain.project.StatusKey;
import org.leadmanager.domain.search.Keyset;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSearch;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.spi.StoreSession;

final class SearchService implements Search {
    private final Context ctx;
    private final RecentProjects projects = new RecentProjects();

    SearchService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public LeadPage find(Actor actor, LeadQuery query) {
        Keyset after = query.cursor() == null ? null : CursorCodec.decode(query.cursor(), query.sort());
        return ctx.read(s -> page(s, actor, query.project(), query.criteria(), query.sort(), query.limit(), after));
    }

    /**
     * A page. With a remembered project that lets the actor see it and knows the ticked statuses, the store checks
     * in the page's statement that the project is unchanged; otherwise (or if it changed) the project is read first.
     */
    private LeadPage page(StoreSession s, Actor actor, ProjectId projectId, LeadCriteria criteria, LeadSort sort,
            int limit, Keyset after) {
        Project known = projects.recall(actor.tenant(), projectId);
        if (known != null && ctx.access.canView(actor, known)
                && criteria.statuses().stream().allMatch(k -> known.findStatus(k).isPresent())) {
            LeadSearch search = search(actor, known, criteria, sort, limit, after);
            Optional<List<Lead>> found = s.searchIfProjectAt(search, known.version());
            if (found.isPresent()) {
                // the project is current: the same checks, in the same order, as after reading it
                check(known, criteria);
                return page(found.get(), search, limit);
            }
        }
        Project project = ctx.viewableProject(s, actor, projectId);
        check(project, criteria);
        remember(s, project);
        LeadSearch search = search(actor, project, criteria, sort, limit, after);
        return page(s.leads().search(search), search, limit);
    }

    /**
     * Only committed state: a project version read inside a unit of work that later rolls back could be reused by
     * a different committed change, and the version check would then accept content that never committed.
     */
    private void remember(StoreSession s, Project project) {
        if (s.readsCommittedOnly()) {
            projects.remember(project);
        }
    }

    private static LeadSearch search(Actor actor, Project project, LeadCriteria criteria, LeadSort sort, int limit,
            Keyset after) {
        return new LeadSearch(actor.tenant(), project.id(), criteria, sort, project.statusOrder(), after, limit + 1);
    }

    private static LeadPage page(List<Lead> found, LeadSearch search, int limit) {
        LeadSort sort = search.sort();
        if (found.size() <= limit) {
            return new LeadPage(found, null);
        }
        List<Lead> page = new ArrayList<>(found.subList(0, limit));
        return new LeadPage(page, CursorCodec.encode(sort, search.ordering().keysetOf(page.get(limit - 1))));
    }

    @Override
    public StatusCounts countByStatus(Actor actor, ProjectId projectId, LeadCriteria criteria) {
        return ctx.read(s -> {
            Project project = ctx.viewableProject(s, actor, projectId);
            check(project, criteria);
            return ProjectService.counts(project, s.leads().countByStatus(actor.tenant(), projectId, criteria));
        });
    }

    @Override
    public SavedSearch save(Actor actor, String name, ProjectId projectId, LeadCriteria criteria, LeadSort sort) {
        return ctx.write(actor, tx -> {
            Project project = ctx.viewableProject(tx.s, actor, projectId);
            check(project, criteria);
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
    public LeadPage run(Actor actor, SavedSearchId id, int limit, String cursor) {
        if (limit < 1 || limit > 500) {
            throw ValidationException.of("limit", "must be between 1 and 500, was " + limit);
        }
        return ctx.read(s -> {
            SavedSearch saved = own(s, actor, id);
            Keyset after = cursor == null ? null : CursorCodec.decode(cursor, saved.sort());
            // statuses retired since the search was saved match no lead any more
            Project project = ctx.viewableProject(s, actor, saved.project());
            remember(s, project);
            Set<StatusKey> ticked = saved.criteria().statuses();
            Set<StatusKey> current = ticked.stream().filter(k -> project.findStatus(k).isPresent())
                    .collect(Collectors.toSet());
            if (!ticked.isEmpty() && current.isEmpty()) {
                return new LeadPage(List.of(), null);
            }
            return page(s, actor, saved.project(), saved.criteria().withStatuses(current), saved.sort(), limit,
                    after);
        });
    }

    private static SavedSearch own(StoreSession s, Actor actor, SavedSearchId id) {
        return s.savedSearches().find(actor.tenant(), id)
                .filter(saved -> saved.owner().equals(actor.user()))
                .orElseThrow(() -> new NotFoundException("saved search", id));
    }

    /** Criteria must name known statuses, sane text and forward ranges. */
    private static void check(Project project, LeadCriteria criteria) {
        List<ValidationException.Violation> problems = new ArrayList<>();
        for (StatusKey status : criteria.statuses()) {
            if (project.findStatus(status).isEmpty()) {
                problems.add(new ValidationException.Violation("criteria.statuses",
                        "unknown status '" + status + "' in project '" + project.name() + "'; known: "
                                + project.statusOrder()));
            }
        }
        if (criteria.text() != null && criteria.text().length() > Text.MAX_NAME) {
            problems.add(new ValidationException.Violation("criteria.text",
                    "size must be at most " + Text.MAX_NAME));
        }
        for (Map.Entry<ContactField, String> field : criteria.fields().entrySet()) {
            if (field.getValue().isBlank()) {
                problems.add(new ValidationException.Violation("criteria.fields[" + field.getKey() + "]",
                        "must not be blank"));
            }
        }
        range(problems, "criteria.created", criteria.createdFrom(), criteria.createdTo());
        range(problems, "criteria.lastActivity", criteria.activityFrom(), criteria.activityTo());
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static void range(List<ValidationException.Violation> problems, String path, Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(new ValidationException.Violation(path, "from " + from + " is after to " + to));
        }
    }
}
