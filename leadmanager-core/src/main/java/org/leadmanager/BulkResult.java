package org.leadmanager;

import java.util.List;

/**
 * Summary of a bulk call. Per-item outcomes of added and existing leads go to the {@link BulkListener}; the
 * rejected ones are kept here too, so nothing is dropped silently.
 *
 * @param processed    items read from the input
 * @param added        new leads
 * @param alreadyLeads items that already were leads
 * @param rejected     items refused, with their reason
 */
public record BulkResult(long processed, long added, long alreadyLeads, List<ItemOutcome.Rejected> rejected) {

    public BulkResult {
        rejected = List.copyOf(rejected);
    }
}
