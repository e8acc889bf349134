package org.leadmanager;

import java.util.List;

/** Follows a bulk call chunk by chunk, after each chunk committed. Called on the caller's thread. */
@FunctionalInterface
public interface BulkListener {

    /**
     * @param outcomes  the chunk's per-item outcomes, in input order
     * @param processed items processed so far, this chunk included
     */
    void onChunk(List<ItemOutcome> outcomes, long processed);

    /** A listener that ignores every chunk. */
    static BulkListener none() {
        return (outcomes, processed) -> { };
    }
}
