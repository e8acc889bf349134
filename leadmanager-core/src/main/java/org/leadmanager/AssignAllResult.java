package org.leadmanager;

import java.util.List;
import java.util.Map;
import org.leadmanager.domain.LeadId;

/**
 * Outcome of a bulk assignment.
 *
 * @param changed  leads that now have the requested owner (also those that already had it), in id order
 * @param rejected leads left unchanged, with the reason
 */
public record AssignAllResult(List<LeadId> changed, Map<LeadId, Rejection> rejected) {

    public AssignAllResult {
        changed = List.copyOf(changed);
        rejected = Map.copyOf(rejected);
    }
}
