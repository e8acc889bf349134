package org.leadmanager.domain.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Funnels#window}: every day of a window is read exactly once, from its day number or from its month's
 * number, and no day outside the window is read at all, whatever the window: within one month, across a month's
 * end, on month boundaries, over a leap February, at the first and the last day the funnel may hold.
 */
class FunnelWindowTest {
    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    @Test
    void chosenWindowsReadEachOfTheirDaysOnce() {
        LocalDate[][] windows = {
            {LocalDate.of(2026, 6, 14), LocalDate.of(2026, 6, 20)},
            {LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)},
            {LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 1)},
            {LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1)},
            {LocalDate.of(2026, 1, 16), LocalDate.of(2026, 12, 15)},
            {LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)},
            {LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)},
            {LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 31)},
            {LocalDate.of(2023, 2, 15), LocalDate.of(2024, 3, 14)},
            {LAST, LAST},
            {LocalDate.of(9999, 12, 1), LAST},
            {LocalDate.of(9999, 11, 15), LAST},
            {FIRST, FIRST},
            {FIRST, LocalDate.of(1, 2, 10)},
        };
        for (LocalDate[] w : windows) {
            assertReadOnce(w[0], w[1]);
        }
    }

    @Test
    void randomWindowsReadEachOfTheirDaysOnce() {
        Random random = new Random(20261130L);
        for (int i = 0; i < 400; i++) {
            LocalDate from = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000));
            assertReadOnce(from, from.plusDays(random.nextInt(random.nextBoolean() ? 40 : 800)));
        }
    }

    @Test
    void aYearPerOwnerReadsAtMostTwelveMonthsAndTwoEdges() {
        List<TallyRange> ranges = Funnels.window("o", "o;", LocalDate.of(2026, 1, 16), LocalDate.of(2027, 1, 15));
        assertEquals(9, ranges.size(), "three tallies: the days before, the months, the days after");
        assertTrue(ranges.stream().filter(r -> r.tally().equals(Funnels.MOVES_BY_MONTH))
                .allMatch(r -> r.subFrom().equals("2026-02") && r.subBefore().equals("2027-01")));
    }

    /** Every day from 40 days before to 40 after the window (within the years 1 to 9999) and each month of it. */
    private static void assertReadOnce(LocalDate from, LocalDate to) {
        List<TallyRange> ranges = Funnels.window("p", "p\u0000", from, to);
        LocalDate day = from.minusDays(40).isBefore(FIRST) ? FIRST : from.minusDays(40);
        LocalDate end = to.plusDays(40).isAfter(LAST) || to.getYear() == 9999 ? LAST : to.plusDays(40);
        List<String> wrong = new ArrayList<>();
        while (!day.isAfter(end)) {
            String d = day.toString();
            String m = d.substring(0, 7);
            int reads = 0;
            for (Tally tally : List.of(Funnels.MOVES, Funnels.STAYS, Funnels.LOST_REASONS)) {
                Tally monthly = tally.equals(Funnels.MOVES) ? Funnels.MOVES_BY_MONTH
                        : tally.equals(Funnels.STAYS) ? Funnels.STAYS_BY_MONTH : Funnels.LOST_BY_MONTH;
                TallyKey dayKey = new TallyKey(tally, "p", d + "|new|won");
                TallyKey monthKey = new TallyKey(monthly, "p", m + "|new|won");
                reads += ranges.stream().filter(r -> r.contains(dayKey)).count();
                reads += ranges.stream().filter(r -> r.contains(monthKey)).count();
                for (TallyRange r : ranges) {
                    if (r.contains(monthKey) && (from.isAfter(day.withDayOfMonth(1))
                            || to.isBefore(day.withDayOfMonth(day.lengthOfMonth())))) {
                        wrong.add(m + " read whole for a window " + from + ".." + to);
                    }
                }
            }
            boolean inside = !day.isBefore(from) && !day.isAfter(to);
            if (reads != (inside ? 3 : 0)) {
                wrong.add(d + " read " + reads + " times by the three tallies for a window " + from + ".." + to);
            }
            if (day.equals(LAST)) {
                break;
            }
            day = day.plusDays(1);
        }
        assertEquals(List.of(), wrong);
    }
}
