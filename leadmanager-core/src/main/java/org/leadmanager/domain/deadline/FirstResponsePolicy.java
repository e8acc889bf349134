package org.leadmanager.domain.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.leadmanager.domain.UserId;
import org.leadmanager.error.ValidationException;

/**
 * A project's first-response deadline: how much working time its leads' owners have to respond, measured on a
 * business calendar, what counts as the response, and who hears of a breach. A lead's clock starts when it is
 * qualified or gets another owner and stops at the owner's first response
 * ({@link org.leadmanager.domain.event.ResponseClock}); a lead that is still waiting at its deadline is escalated
 * once.
 *
 * @param workingTime      the working time to respond, 1 minute to {@link #MAX_WORKING_TIME}; kept to the second
 * @param calendar         the working days, hours and holidays the time is measured on; non-null
 * @param stopsClock       which of the owner's activities count as the response; at least one, copied
 * @param escalateTo       who is told of a breach of an owned lead (a team lead, the managers' shared user);
 *                         non-null
 * @param unownedFallback  who is told of a breach of a lead nobody owns; null: {@code escalateTo}
 * @param reassignOnBreach whether a breached lead also goes to the next member the project's assignment policy
 *                         picks (its owner left out), whose clock then starts anew
 */
public record FirstResponsePolicy(Duration workingTime, BusinessCalendar calendar, Set<ResponseActivity> stopsClock,
        UserId escalateTo, UserId unownedFallback, boolean reassignOnBreach) {
    /** The longest working time a policy allows. */
    public static final Duration MAX_WORKING_TIME = Duration.ofDays(31);
    /** Where a new policy checks that its calendar holds its working time at all. */
    private static final Instant PROBE = Instant.parse("2026-01-01T00:00:00Z");

    public FirstResponsePolicy {
        Objects.requireNonNull(workingTime, "workingTime");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(stopsClock, "stopsClock");
        Objects.requireNonNull(escalateTo, "escalateTo");
        if (workingTime.compareTo(Duration.ofMinutes(1)) < 0 || workingTime.compareTo(MAX_WORKING_TIME) > 0) {
            throw ValidationException.of("workingTime", "Range", "must be 1 minute to " + MAX_WORKING_TIME
                    + ", was " + workingTime, "min", Duration.ofMinutes(1), "max", MAX_WORKING_TIME);
        }
        if (stopsClock.isEmpty()) {
            throw ValidationException.of("stopsClock", "NotEmpty", "must name at least one activity");
        }
        workingTime = Duration.ofSeconds(workingTime.getSeconds());
        stopsClock = Set.copyOf(EnumSet.copyOf(stopsClock));
        try {
            calendar.plusWorkingTime(PROBE, workingTime);
        } catch (IllegalArgumentException tooFew) {
            throw ValidationException.of("workingTime", "WorkingHours", "the calendar's working hours do not add up"
                    + " to " + workingTime + " within a century", "workingTime", workingTime);
        }
    }

    /**
     * A policy whose clock any response of the owner stops (status change, note, completed follow-up), that tells
     * {@code escalateTo} of every breach and reassigns nothing.
     */
    public static FirstResponsePolicy of(Duration workingTime, BusinessCalendar calendar, UserId escalateTo) {
        return new FirstResponsePolicy(workingTime, calendar, EnumSet.allOf(ResponseActivity.class), escalateTo, null,
                false);
    }

    /** This policy with only these activities counting as the response. */
    public FirstResponsePolicy stoppedBy(ResponseActivity... activities) {
        return new FirstResponsePolicy(workingTime, calendar, Set.copyOf(Arrays.asList(activities)), escalateTo,
                unownedFallback, reassignOnBreach);
    }

    /** This policy telling {@code user} of breaches of unowned leads (null: {@code escalateTo}). */
    public FirstResponsePolicy withUnownedFallback(UserId user) {
        return new FirstResponsePolicy(workingTime, calendar, stopsClock, escalateTo, user, reassignOnBreach);
    }

    /** This policy with or without reassignment on breach. */
    public FirstResponsePolicy reassigningOnBreach(boolean reassign) {
        return new FirstResponsePolicy(workingTime, calendar, stopsClock, escalateTo, unownedFallback, reassign);
    }

    /** The deadline of a clock started at {@code start}, to the microsecond. */
    public Instant deadline(Instant start) {
        return calendar.plusWorkingTime(start, workingTime).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Who is told of a breach of a lead with this owner (null: unowned). */
    public UserId escalationTarget(UserId owner) {
        return owner == null && unownedFallback != null ? unownedFallback : escalateTo;
    }

    /** Whether the activity counts as the response. */
    public boolean stops(ResponseActivity activity) {
        return stopsClock.contains(activity);
    }
}
