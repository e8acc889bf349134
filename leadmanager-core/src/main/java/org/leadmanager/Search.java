package org.leadmanager;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.leadmanager.domain.lead.Lead;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.SavedSearchId;
import org.leadmanager.domain.search.LeadCriteria;
import org.leadmanager.domain.search.LeadSort;
import org.leadmanager.domain.search.SavedSearch;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/**
 * Lead lists and advanced search ("Erweiterte Suche") over one project, with keyset pages, counts per status and
 * saved searches. Needs {@code AccessPolicy.canView} of the project.
 */
public interface Search {

    /**
     * One page of the project's leads matching the query.
     *
     * @throws ValidationException if a range is inverted, a status is unknown, or the cursor does not belong to
     *                             this sort
     */
    LeadPage find(@NotNull Actor actor, @NotNull @Valid LeadQuery query);

    /**
     * Matching leads per status, every status of the project present. Criteria on statuses and owners only (the
     * status checkboxes, "my leads", unassigned) are answered from the counts the library keeps as changes commit,
     * at the same cost whatever the number of leads; any other criterion (text, contact fields, sources, dates,
     * follow-ups) counts the matching leads with one grouped query.
     *
     * @throws ValidationException if a range is inverted or a status is unknown
     */
    StatusCounts countByStatus(@NotNull Actor actor, @NotNull ProjectId project, @NotNull LeadCriteria criteria);

    /**
     * The project's leads whose first-response deadline lies before {@code before}, earliest deadline first (then by
     * lead id), at most {@code limit}: with {@code before} = now the breached ones, with a later instant also those
     * due soon. Leads without a running clock (responded to, closed, or of a project without a deadline) never
     * appear.
     *
     * @param limit 1..500
     * @throws ValidationException if the limit is out of range or {@code before} outside the instants a store holds
     */
    List<Lead> byResponseDeadline(@NotNull Actor actor, @NotNull ProjectId project, @NotNull Instant before,
            @Min(1) @Max(500) int limit);

    /**
     * Stores criteria by name for the actor.
     *
     * @throws ConflictException if the actor has a search of that name (ignoring case)
     */
    SavedSearch save(@NotNull Actor actor, @NotBlank @Size(max = 200) String name, @NotNull ProjectId project,
            @NotNull LeadCriteria criteria, @NotNull LeadSort sort);

    /** The actor's saved searches, by name. */
    List<SavedSearch> savedSearches(@NotNull Actor actor);

    /**
     * Deletes one of the actor's saved searches.
     *
     * @throws NotFoundException if the actor has no such saved search: another user's saved search is not found
     *         either, so its existence is not revealed
     */
    void deleteSavedSearch(@NotNull Actor actor, @NotNull SavedSearchId search);

    /**
     * Runs a saved search: its first page. Statuses retired since it was saved match nothing.
     *
     * @throws ValidationException if the limit is not 1..500
     * @throws NotFoundException if the actor has no such saved search: another user's saved search is not found
     *         either, so its existence is not revealed
     */
    LeadPage run(@NotNull Actor actor, @NotNull SavedSearchId search, int limit);

    /**
     * Runs a saved search: the page after {@code cursor} (a {@link LeadPage#nextCursor()} of this search), as
     * {@link #run(Actor, SavedSearchId, int)} runs the first.
     *
     * @throws ValidationException if the limit is not 1..500 or the cursor does not fit
     * @throws NotFoundException as {@link #run(Actor, SavedSearchId, int)}
     */
    LeadPage run(@NotNull Actor actor, @NotNull SavedSearchId search, int limit,
            @NotNull @Size(max = 1000) String cursor);
}
