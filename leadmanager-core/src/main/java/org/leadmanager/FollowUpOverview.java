package org.leadmanager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.leadmanager.domain.followup.FollowUp;

/**
 * A user's open follow-ups, each list by due time. An overdue follow-up stays here until it is completed or
 * cancelled; {@link FollowUp#remindedAt()} tells whether its reminder already fired.
 *
 * @param today    the user's current date
 * @param zone     the user's time zone
 * @param overdue  due before now
 * @param dueToday due from now until the end of today
 * @param upcoming due after today
 */
public record FollowUpOverview(LocalDate today, ZoneId zone, List<FollowUp> overdue, List<FollowUp> dueToday,
        List<FollowUp> upcoming) {

    public FollowUpOverview {
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        upcoming = List.copyOf(upcoming);
    }
}
