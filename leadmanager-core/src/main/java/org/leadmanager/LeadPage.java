package org.leadmanager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leadmanager.domain.UserId;
import org.leadmanager.domain.lead.Lead;
import org.leadmanager.domain.project.StatusKey;

/**
 * One page of leads, with what a list screen shows beside each: its status's label and its owner's display name,
 * looked up once for the page ({@link #rows()}).
 *
 * @param leads        at most the requested limit
 * @param nextCursor   pass to {@link LeadQuery#after} for the next page; null on the last page
 * @param statusLabels the label of each status of the page's project
 * @param ownerNames   the display name of each owner on the page whom the host's user directory knows
 */
public record LeadPage(List<Lead> leads, String nextCursor, Map<StatusKey, String> statusLabels,
        Map<UserId, String> ownerNames) {

    public LeadPage {
        leads = List.copyOf(leads);
        statusLabels = Map.copyOf(statusLabels);
        ownerNames = Map.copyOf(ownerNames);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }

    /** The page's leads in order, each with its status label and owner's name. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(leads.size());
        for (Lead lead : leads) {
            rows.add(new Row(lead, statusLabels.getOrDefault(lead.status(), lead.status().value()),
                    lead.assignee() == null ? null : ownerNames.get(lead.assignee())));
        }
        return rows;
    }

    /**
     * A lead as a list shows it.
     *
     * @param lead        the lead
     * @param statusLabel its status's label in its project
     * @param ownerName   its owner's display name; null when it has no owner or the user directory does not know them
     */
    public record Row(Lead lead, String statusLabel, String ownerName) {
    }
}
