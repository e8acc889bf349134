package org.leadmanager.domain.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leadmanager.error.ValidationException;

class BusinessCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0),
            LocalTime.of(17, 0)).withHolidays(LocalDate.of(2026, 3, 9));
    /** Every day, 01:00 to 05:00: the spans the daylight-saving switches of 2026 fall into. */
    private static final BusinessCalendar NIGHTS = new BusinessCalendar(BERLIN, EnumSet.allOf(DayOfWeek.class),
            LocalTime.of(1, 0), LocalTime.of(5, 0), Set.of());

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void workingTimeSkipsTheWeekendAndAHoliday() {
        assertEquals(berlin("2026-03-10T11:00"), OFFICE.plusWorkingTime(berlin("2026-03-06T15:00"),
                Duration.ofHours(4)));
        assertEquals(Duration.ofHours(4), OFFICE.workingTimeBetween(berlin("2026-03-06T15:00"),
                berlin("2026-03-10T11:00")));
        assertFalse(OFFICE.isWorkingDay(LocalDate.of(2026, 3, 9)), "the holiday, a Monday");
        assertFalse(OFFICE.isWorkingTime(berlin("2026-03-07T10:00")), "a Saturday");
    }

    @Test
    void aStartOutsideTheHoursCountsFromTheNextOpening() {
        assertEquals(berlin("2026-03-02T11:00"), OFFICE.plusWorkingTime(berlin("2026-03-02T07:00"),
                Duration.ofHours(2)));
        assertEquals(berlin("2026-03-03T10:00"), OFFICE.plusWorkingTime(berlin("2026-03-02T18:00"),
                Duration.ofHours(1)));
        assertEquals(berlin("2026-03-02T10:00"), OFFICE.plusWorkingTime(berlin("2026-02-28T10:00"),
                Duration.ofHours(1)), "from a Saturday");
        assertEquals(berlin("2026-03-03T09:00"), OFFICE.plusWorkingTime(berlin("2026-03-02T17:00"), Duration.ZERO),
                "no work from the closing: the next opening");
    }

    @Test
    void aDeadlineOnTheClosingIsTheClosing() {
        assertEquals(berlin("2026-03-02T17:00"), OFFICE.plusWorkingTime(berlin("2026-03-02T13:00"),
                Duration.ofHours(4)));
        assertEquals(berlin("2026-03-03T09:00:00.000001"), OFFICE.plusWorkingTime(berlin("2026-03-02T13:00"),
                Duration.ofHours(4).plusNanos(1000)));
    }

    @Test
    void aSpanCountsAsLongAsItLastsOnTheDaysTheClocksChange() {
        // 29 March 2026: 02:00 becomes 03:00, the night's span lasts three hours
        assertEquals(Duration.ofHours(3), NIGHTS.workingTimeBetween(berlin("2026-03-29T00:00"),
                berlin("2026-03-29T12:00")));
        assertEquals(Instant.parse("2026-03-30T00:00:00Z"), NIGHTS.plusWorkingTime(berlin("2026-03-29T01:00"),
                Duration.ofHours(4)));
        // 25 October 2026: 03:00 becomes 02:00 again, the span lasts five hours
        assertEquals(Duration.ofHours(5), NIGHTS.workingTimeBetween(berlin("2026-10-25T00:00"),
                berlin("2026-10-25T12:00")));
        assertEquals(Instant.parse("2026-10-25T03:00:00Z"), NIGHTS.plusWorkingTime(berlin("2026-10-25T01:00"),
                Duration.ofHours(4)));
    }

    @Test
    void anOpeningTheClocksSkipIsReadAsTheTimeAfterTheGap() {
        BusinessCalendar gap = new BusinessCalendar(BERLIN, EnumSet.of(DayOfWeek.SUNDAY), LocalTime.of(2, 30),
                LocalTime.of(4, 0), Set.of());
        // 02:30 does not exist on 29 March 2026: the span starts at 03:30 summer time
        assertEquals(Instant.parse("2026-03-29T01:40:00Z"), gap.plusWorkingTime(berlin("2026-03-29T00:00"),
                Duration.ofMinutes(10)));
        assertTrue(gap.isWorkingTime(Instant.parse("2026-03-29T01:30:00Z")));
    }

    @Test
    void aCalendarNeedsHoursAndDays() {
        ValidationException hours = assertThrows(ValidationException.class, () -> BusinessCalendar.weekdays(BERLIN,
                LocalTime.of(17, 0), LocalTime.of(9, 0)));
        assertEquals("closes", hours.violations().get(0).path());
        ValidationException days = assertThrows(ValidationException.class, () -> new BusinessCalendar(BERLIN,
                Set.of(), LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of()));
        assertEquals("workingDays", days.violations().get(0).path());
        assertThrows(IllegalArgumentException.class, () -> OFFICE.plusWorkingTime(Instant.EPOCH,
                Duration.ofHours(-1)));
    }

    @Test
    void aPolicyKeepsItsWorkingTimeWithinBoundsAndNamesWhoHearsOfABreach() {
        org.leadmanager.domain.UserId lead = org.leadmanager.domain.UserId.of("lea");
        org.leadmanager.domain.UserId desk = org.leadmanager.domain.UserId.of("desk");
        FirstResponsePolicy policy = FirstResponsePolicy.of(Duration.ofHours(4), OFFICE, lead);
        assertEquals(lead, policy.escalationTarget(null));
        assertEquals(desk, policy.withUnownedFallback(desk).escalationTarget(null));
        assertEquals(lead, policy.withUnownedFallback(desk).escalationTarget(desk));
        assertEquals(berlin("2026-03-10T11:00"), policy.deadline(berlin("2026-03-06T15:00")));
        assertThrows(ValidationException.class, () -> FirstResponsePolicy.of(Duration.ofSeconds(59), OFFICE, lead));
        assertThrows(ValidationException.class, () -> FirstResponsePolicy.of(Duration.ofDays(32), OFFICE, lead));
        assertThrows(ValidationException.class, () -> policy.stoppedBy());
    }
}
