package org.leadmanager.spi.host;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When an employee takes new leads, in their own time zone: absences (whole days, e.g. a vacation) exclude them
 * from automatic assignment; working hours, when given, put them first while they last (outside them, members
 * within theirs get the leads; when nobody is within theirs, the others still do). Explicit dates: nothing repeats.
 *
 * @param zone         the employee's time zone, in which days and hours are read
 * @param absences     days away, each from its first to its last day inclusive
 * @param workingHours per day of the week, the hours worked; empty for none given (always working); a day without an
 *                     entry is a day off
 */
public record Availability(ZoneId zone, List<Absence> absences, Map<DayOfWeek, Hours> workingHours) {

    public Availability {
        Objects.requireNonNull(zone, "zone");
        absences = List.copyOf(absences);
        workingHours = workingHours.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(
                new EnumMap<>(workingHours));
    }

    /** Always available, no working hours. */
    public static Availability always(ZoneId zone) {
        return new Availability(zone, List.of(), Map.of());
    }

    /** The same hours on Monday to Friday, weekends off. */
    public static Availability weekdays(ZoneId zone, LocalTime from, LocalTime to) {
        Map<DayOfWeek, Hours> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.put(day, new Hours(from, to));
            }
        }
        return new Availability(zone, List.of(), hours);
    }

    /** This availability with one more absence. */
    public Availability withAbsence(LocalDate from, LocalDate to) {
        List<Absence> more = new java.util.ArrayList<>(absences);
        more.add(new Absence(from, to));
        return new Availability(zone, more, workingHours);
    }

    /** Whether the employee is away at that instant. */
    public boolean absentAt(Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return absences.stream().anyMatch(a -> !day.isBefore(a.from()) && !day.isAfter(a.to()));
    }

    /** Whether the instant is within the employee's working hours; always true without working hours. */
    public boolean workingAt(Instant at) {
        if (workingHours.isEmpty()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        Hours hours = workingHours.get(local.getDayOfWeek());
        LocalTime time = local.toLocalTime();
        return hours != null && !time.isBefore(hours.from()) && time.isBefore(hours.to());
    }

    /**
     * Days away.
     *
     * @param from the first day
     * @param to   the last day, not before {@code from}
     */
    public record Absence(LocalDate from, LocalDate to) {
        public Absence {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("an absence ends on " + to + " before it starts on " + from);
            }
        }
    }

    /**
     * The hours of one working day.
     *
     * @param from the start
     * @param to   the end, after {@code from} on the same day
     */
    public record Hours(LocalTime from, LocalTime to) {
        public Hours {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("working hours end at " + to + ", not after their start " + from);
            }
        }
    }
}
