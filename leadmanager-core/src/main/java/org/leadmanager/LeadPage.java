package org.leadmanager;

import java.util.List;
import org.leadmanager.domain.lead.Lead;

/**
 * One page of leads.
 *
 * @param leads      at most the requested limit
 * @param nextCursor pass to {@link LeadQuery#after} for the next page; null on the last page
 */
public record LeadPage(List<Lead> leads, String nextCursor) {

    public LeadPage {
        leads = List.copyOf(leads);
    }

    public boolean hasNext() {
        return nextCursor != null;
    }
}
