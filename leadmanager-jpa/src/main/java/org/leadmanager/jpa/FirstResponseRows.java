package org.leadmanager.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.deadline.BusinessCalendar;
import org.leadmanager.domain.deadline.FirstResponsePolicy;
import org.leadmanager.domain.deadline.ResponseActivity;

/**
 * A project's {@link FirstResponsePolicy} as rows: one of {@code lm_first_response} (working days as their ISO
 * numbers, the activities that stop the clock by name) and one of {@code lm_first_response_holiday} per holiday.
 */
final class FirstResponseRows {

    private FirstResponseRows() {
    }

    @Embeddable
    record Policy(
            @Column(name = "working_seconds", nullable = false) long workingSeconds,
            @Column(name = "zone", length = 64, nullable = false) String zone,
            @Column(name = "working_days", length = 7, nullable = false) String workingDays,
            @Column(name = "opens", nullable = false) LocalTime opens,
            @Column(name = "closes", nullable = false) LocalTime closes,
            @Column(name = "stops_clock", length = 100, nullable = false) String stopsClock,
            @Column(name = "escalate_to", length = 64, nullable = false) String escalateTo,
            @Column(name = "unowned_fallback", length = 64) String unownedFallback,
            @Column(name = "reassign", nullable = false) boolean reassign) {
    }

    @Embeddable
    record Holiday(@Column(name = "holiday", nullable = false) LocalDate holiday) {
    }

    /** Fills the (empty) row sets with the policy's rows; none for no policy. */
    static void write(FirstResponsePolicy policy, Set<Policy> rows, Set<Holiday> holidays) {
        if (policy == null) {
            return;
        }
        BusinessCalendar calendar = policy.calendar();
        rows.add(new Policy(policy.workingTime().getSeconds(), calendar.zone().getId(),
                new TreeSet<>(calendar.workingDays()).stream().map(d -> String.valueOf(d.getValue()))
                        .collect(Collectors.joining()),
                calendar.opens(), calendar.closes(),
                new TreeSet<>(policy.stopsClock()).stream().map(Enum::name).collect(Collectors.joining(",")),
                policy.escalateTo().value(),
                policy.unownedFallback() == null ? null : policy.unownedFallback().value(),
                policy.reassignOnBreach()));
        calendar.holidays().forEach(h -> holidays.add(new Holiday(h)));
    }

    /** The policy the rows hold; null when there is none. */
    static FirstResponsePolicy read(Set<Policy> rows, Set<Holiday> holidays) {
        if (rows.isEmpty()) {
            return null;
        }
        Policy row = rows.iterator().next();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        row.workingDays().chars().forEach(c -> days.add(DayOfWeek.of(c - '0')));
        Set<ResponseActivity> stops = EnumSet.noneOf(ResponseActivity.class);
        Arrays.stream(row.stopsClock().split(",")).forEach(a -> stops.add(ResponseActivity.valueOf(a)));
        BusinessCalendar calendar = new BusinessCalendar(ZoneId.of(row.zone()), days, row.opens(), row.closes(),
                holidays.stream().map(Holiday::holiday).collect(Collectors.toSet()));
        return new FirstResponsePolicy(Duration.ofSeconds(row.workingSeconds()), calendar, stops,
                UserId.of(row.escalateTo()), row.unownedFallback() == null ? null : UserId.of(row.unownedFallback()),
                row.reassign());
    }
}
