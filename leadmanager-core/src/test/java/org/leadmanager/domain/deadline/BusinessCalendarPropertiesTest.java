package org.leadmanager.domain.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Working time on random calendars (zones with and without daylight saving, any working days and hours, holidays),
 * from random starts: a deadline is as much working time after its start as asked, ends inside working time, and
 * adding in two steps gives the same deadline as adding at once.
 */
class BusinessCalendarPropertiesTest {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
                "Asia/Kolkata", "UTC").map(ZoneId::of);
        Arbitrary<Set<DayOfWeek>> days = Arbitraries.of(DayOfWeek.class).set().ofMinSize(1);
        Arbitrary<Integer> opens = Arbitraries.integers().between(0, 22 * 60);
        Arbitrary<Integer> length = Arbitraries.integers().between(30, 10 * 60);
        Arbitrary<Set<LocalDate>> holidays = Arbitraries.integers().between(0, 400)
                .map(d -> LocalDate.of(2026, 1, 1).plusDays(d)).set().ofMaxSize(60);
        return Combinators.combine(zones, days, opens, length, holidays).as((zone, working, open, minutes, off) -> {
            LocalTime start = LocalTime.ofSecondOfDay(open * 60L);
            LocalTime end = open + minutes >= 24 * 60 ? LocalTime.of(23, 59, 59)
                    : LocalTime.ofSecondOfDay((open + minutes) * 60L);
            return new BusinessCalendar(zone, working, start, end, off);
        });
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(0, 366L * 24 * 3600).map(s -> FROM.plusSeconds(s));
    }

    @Provide
    Arbitrary<Duration> work() {
        return Arbitraries.longs().between(1, 40L * 60).map(Duration::ofMinutes);
    }

    @Property(tries = 500)
    void aDeadlineIsAsMuchWorkingTimeAfterItsStartAsAskedAndEndsInsideWorkingTime(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll("starts") Instant start,
            @ForAll("work") Duration work) {
        Instant deadline = calendar.plusWorkingTime(start, work);
        assertTrue(deadline.isAfter(start));
        assertEquals(work, calendar.workingTimeBetween(start, deadline));
        assertTrue(calendar.isWorkingTime(deadline.minusNanos(1000)), "the last moment before it is worked");
    }

    @Property(tries = 500)
    void addingInTwoStepsIsAddingAtOnce(@ForAll("calendars") BusinessCalendar calendar,
            @ForAll("starts") Instant start, @ForAll("work") Duration first, @ForAll("work") Duration second) {
        assertEquals(calendar.plusWorkingTime(start, first.plus(second)),
                calendar.plusWorkingTime(calendar.plusWorkingTime(start, first), second));
    }

    @Property(tries = 300)
    void moreWorkNeverEndsEarlier(@ForAll("calendars") BusinessCalendar calendar, @ForAll("starts") Instant start,
            @ForAll("work") Duration less, @ForAll("work") Duration more) {
        Duration smaller = less.compareTo(more) <= 0 ? less : more;
        Duration larger = less.compareTo(more) <= 0 ? more : less;
        assertFalse(calendar.plusWorkingTime(start, larger).isBefore(calendar.plusWorkingTime(start, smaller)));
    }
}
