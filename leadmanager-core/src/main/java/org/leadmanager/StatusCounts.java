package org.leadmanager;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.leadmanager.domain.project.StatusKey;

/**
 * Lead counts per status, in the project's status-list order, every status present (0 when none).
 *
 * @param byStatus unmodifiable
 */
public record StatusCounts(Map<StatusKey, Long> byStatus) {

    public StatusCounts {
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
    }

    /** Count for one status; 0 when it has none or is unknown. */
    public long of(StatusKey status) {
        return byStatus.getOrDefault(status, 0L);
    }

    /** Sum over all statuses. */
    public long total() {
        return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }
}
