package org.leadmanager;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.error.AccessDeniedException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/** Figures about a project's leads, read from numbers kept as changes commit. */
public interface Reports {

    /**
     * What the conversion funnel is asked for.
     *
     * @param project the project ("Leadmanager")
     * @param from    the first day of the window (UTC), year 1 to 9999
     * @param to      the last day of the window (UTC), not before {@code from}, less than 3,660 days after it
     * @param by      the slices: the whole project, per owner or per source
     */
    record FunnelQuery(@NotNull ProjectId project, @NotNull LocalDate from, @NotNull LocalDate to,
            @NotNull Funnel.Breakdown by) {
    }

    /**
     * The project's conversion funnel for a window of days: leads qualified, entries per status, conversions and
     * losses with their reasons, time on each status, and the ageing of the open leads now ({@link Funnel}). Its
     * cost follows the numbers kept for the window's days (never the leads or their timelines), which grow with the
     * leads only until every day, status, time bucket and slice has one.
     *
     * @throws ValidationException   if the window is empty, too long or beyond the years 1 to 9999
     * @throws NotFoundException     if the project does not exist in the actor's tenant
     * @throws AccessDeniedException if the actor may not see the project
     */
    Funnel funnel(@NotNull Actor actor, @NotNull @Valid FunnelQuery query);
}
