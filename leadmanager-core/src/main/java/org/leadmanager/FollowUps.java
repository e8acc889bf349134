package org.leadmanager;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.leadmanager.domain.Actor;
import org.leadmanager.domain.FollowUpId;
import org.leadmanager.domain.LeadId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;
import org.leadmanager.error.ConflictException;
import org.leadmanager.error.NotFoundException;
import org.leadmanager.error.ValidationException;

/**
 * Follow-ups ("Wiedervorlage"): dated reminders with a note on a lead, shown in the owner's overview until done.
 * Changing one needs {@code AccessPolicy.canChange} of its lead. Times are kept to the microsecond.
 */
public interface FollowUps {

    /**
     * Schedules a follow-up for the lead's owner if it has an active one, else for the actor.
     *
     * @throws ValidationException if {@code dueAt} is in the past or more than 100 years ahead, or the note is
     *                             blank or too long
     */
    FollowUp schedule(@NotNull Actor actor, @NotNull LeadId lead, @NotNull Instant dueAt,
            @NotBlank @Size(max = 10_000) String note);

    /**
     * Schedules a follow-up for the given owner, who is reminded.
     *
     * @throws ValidationException as {@link #schedule(Actor, LeadId, Instant, String)}, or if the owner is unknown
     *                             or inactive
     */
    FollowUp schedule(@NotNull Actor actor, @NotNull LeadId lead, @NotNull Instant dueAt,
            @NotBlank @Size(max = 10_000) String note, @NotNull UserId owner);

    /**
     * Marks it done; it never fires afterwards.
     *
     * @throws ConflictException if it is not open
     */
    FollowUp complete(@NotNull Actor actor, @NotNull FollowUpId followUp);

    /**
     * Cancels it; it never fires afterwards.
     *
     * @throws ConflictException if it is not open
     */
    FollowUp cancel(@NotNull Actor actor, @NotNull FollowUpId followUp);

    /**
     * Postpones it by a positive duration from now (or from its due time, if that is later); it fires again,
     * once, at the new time.
     *
     * @throws ValidationException if {@code by} is not positive or longer than 100 years
     * @throws ConflictException if it is not open
     */
    FollowUp snooze(@NotNull Actor actor, @NotNull FollowUpId followUp, @NotNull Duration by);

    /**
     * Moves it to a new time; it fires again, once, at that time.
     *
     * @throws ValidationException if {@code dueAt} is in the past or more than 100 years ahead
     * @throws ConflictException if it is not open
     */
    FollowUp reschedule(@NotNull Actor actor, @NotNull FollowUpId followUp, @NotNull Instant dueAt);

    /** The lead's follow-ups by due time. */
    List<FollowUp> forLead(@NotNull Actor actor, @NotNull LeadId lead);

    /**
     * A user's open follow-ups ("Übersicht"), split into overdue, due today (in the user's time zone) and
     * upcoming; at most 1000 follow-ups, earliest first. Agents may only read their own overview.
     *
     * @throws NotFoundException if the user is unknown
     */
    FollowUpOverview overview(@NotNull Actor actor, @NotNull UserId user);

    /** Open follow-ups of the tenant whose reminder failed on every attempt, at most 1000. Needs {@code canConfigure}. */
    List<FollowUp> failedReminders(@NotNull Actor actor);
}
