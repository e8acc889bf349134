package org.leadmanager;

import java.util.List;
import org.leadmanager.domain.LeadId;

/**
 * Outcome of a host contact merge.
 *
 * @param moved   leads that now belong to the surviving contact
 * @param merged  leads of the merged-away contact that were folded into the surviving contact's lead and removed
 */
public record MergeResult(List<LeadId> moved, List<LeadId> merged) {

    public MergeResult {
        moved = List.copyOf(moved);
        merged = List.copyOf(merged);
    }
}
