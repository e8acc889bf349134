package org.leadmanager;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.leadmanager.domain.ProjectId;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.followup.FollowUp;

/**
 * A user's open follow-ups in three sections, each by due time, every entry with what the overview screen shows
 * beside it ("Petra Berg — Kahn IT — Leadmanager — Anna Schmidt — call back"), read together for the whole
 * overview: no lookup per entry is left to the host. An overdue follow-up stays here until it is completed or
 * cancelled; {@link FollowUp#remindedAt()} tells whether its reminder already fired.
 *
 * @param today    the user's current date
 * @param zone     the user's time zone
 * @param overdue  due before now
 * @param dueToday due from now until the end of today
 * @param upcoming due after today
 */
public record FollowUpOverview(LocalDate today, ZoneId zone, List<Entry> overdue, List<Entry> dueToday,
        List<Entry> upcoming) {

    public FollowUpOverview {
        overdue = List.copyOf(overdue);
        dueToday = List.copyOf(dueToday);
        upcoming = List.copyOf(upcoming);
    }

    /**
     * A follow-up as the overview shows it.
     *
     * @param followUp    the follow-up, with its note and its lead's id
     * @param contactName the name on its lead's contact card
     * @param company     the company on the card; null when the card has none
     * @param project     its lead's project ("Leadmanager")
     * @param projectName that project's name
     * @param leadOwner   its lead's owner; null when the lead has none
     * @param ownerName   the lead owner's display name; null when there is no owner or the user directory does not
     *                    know them
     * @param due         the due time in the user's time zone
     */
    public record Entry(FollowUp followUp, String contactName, String company, ProjectId project,
            String projectName, UserId leadOwner, String ownerName, ZonedDateTime due) {

        public Entry {
            Objects.requireNonNull(followUp, "followUp");
            Objects.requireNonNull(contactName, "contactName");
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(projectName, "projectName");
            Objects.requireNonNull(due, "due");
        }
    }
}
