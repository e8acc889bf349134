package org.leadmanager.domain.deadline;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.leadmanager.error.ValidationException;

/**
 * When a team works: the working days of the week, one span of hours on each ({@code opens} to {@code closes},
 * local time) and holiday dates, all in one time zone. Working time is the time that passes inside those spans, so
 * a span that a daylight-saving switch shortens or lengthens counts as long as it really lasts.
 *
 * @param zone        where the hours and dates are read; non-null
 * @param workingDays at least one day of the week; copied
 * @param opens       the start of each working day's span; before {@code closes}; kept to the second
 * @param closes      the end of each working day's span (exclusive); kept to the second
 * @param holidays    dates that are no working days whatever their weekday; copied, may be empty
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes,
        Set<LocalDate> holidays) {
    /** Most holidays a calendar lists. */
    public static final int MAX_HOLIDAYS = 1000;
    /** How far ahead a deadline may lie: about 100 years of days are looked at, never more. */
    private static final int MAX_DAYS = 36_600;

    public BusinessCalendar {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(holidays, "holidays");
        if (workingDays.isEmpty()) {
            throw ValidationException.of("workingDays", "NotEmpty", "must name at least one day of the week");
        }
        if (!opens.truncatedTo(ChronoUnit.SECONDS).isBefore(closes.truncatedTo(ChronoUnit.SECONDS))) {
            throw ValidationException.of("closes", "WorkingHours", "must be after opens (" + opens + "), was "
                    + closes, "opens", opens, "closes", closes);
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            throw ValidationException.of("holidays", "Size", "must list at most " + MAX_HOLIDAYS + " dates, listed "
                    + holidays.size(), "max", MAX_HOLIDAYS);
        }
        opens = opens.truncatedTo(ChronoUnit.SECONDS);
        closes = closes.truncatedTo(ChronoUnit.SECONDS);
        workingDays = Set.copyOf(EnumSet.copyOf(workingDays));
        holidays = Set.copyOf(new TreeSet<>(holidays));
    }

    /** Monday to Friday, {@code opens} to {@code closes}, no holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime opens, LocalTime closes) {
        return new BusinessCalendar(zone, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), opens, closes, Set.of());
    }

    /** This calendar with these holidays added. */
    public BusinessCalendar withHolidays(LocalDate... dates) {
        Set<LocalDate> more = new TreeSet<>(holidays);
        more.addAll(Arrays.asList(dates));
        return new BusinessCalendar(zone, workingDays, opens, closes, more);
    }

    /** Whether the date is a working day: one of the working days of the week and no holiday. */
    public boolean isWorkingDay(LocalDate date) {
        return workingDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** Whether the instant lies inside a working day's span. */
    public boolean isWorkingTime(Instant at) {
        LocalDate date = at.atZone(zone).toLocalDate();
        return isWorkingDay(date) && !at.isBefore(opening(date)) && at.isBefore(closing(date));
    }

    /**
     * The instant at which {@code work} of working time has passed since {@code start}: a deadline. A start outside
     * working time counts from the next opening; a deadline that falls on the end of a span is that end, not the
     * next opening. Zero work gives the start, or the next opening when the start is outside working time.
     *
     * @param start non-null
     * @param work  non-null, not negative
     * @throws IllegalArgumentException if the work is negative or the deadline lies more than a century ahead
     */
    public Instant plusWorkingTime(Instant start, Duration work) {
        Objects.requireNonNull(start, "start");
        if (work.isNegative()) {
            throw new IllegalArgumentException("work must not be negative, was " + work);
        }
        Duration left = work;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant from = later(start, opening(date));
            Instant to = closing(date);
            if (!from.isBefore(to)) {
                continue;
            }
            Duration available = Duration.between(from, to);
            if (left.compareTo(available) <= 0) {
                return from.plus(left);
            }
            left = left.minus(available);
        }
        throw new IllegalArgumentException("no deadline within a century of " + start + " for " + work
                + " of working time");
    }

    /**
     * The working time that passes from {@code from} to {@code to}: zero when {@code to} is not after {@code from}.
     * The inverse of {@link #plusWorkingTime}: {@code workingTimeBetween(s, plusWorkingTime(s, w))} is {@code w}.
     *
     * @throws IllegalArgumentException if the two lie more than a century apart
     */
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int i = 0; !date.isAfter(last); i++, date = date.plusDays(1)) {
            if (i >= MAX_DAYS) {
                throw new IllegalArgumentException(from + " and " + to + " lie more than a century apart");
            }
            if (!isWorkingDay(date)) {
                continue;
            }
            Instant start = later(from, opening(date));
            Instant end = closing(date).isBefore(to) ? closing(date) : to;
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** The day's opening; a time a daylight-saving gap skips is read as the time just after the gap. */
    private Instant opening(LocalDate date) {
        return ZonedDateTime.of(date, opens, zone).toInstant();
    }

    private Instant closing(LocalDate date) {
        return ZonedDateTime.of(date, closes, zone).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
