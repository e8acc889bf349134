package org.leadmanager.domain.search;

import java.time.Instant;
import java.util.Objects;
import org.leadmanager.domain.LeadId;

/**
 * Position after the last lead of a page: its sort value and id. The next page holds the leads that sort strictly
 * after it.
 *
 * @param value an {@link Instant} for LAST_ACTIVITY and CREATED, a {@link String} for NAME, an {@link Integer}
 *              for STATUS_ORDER; non-null
 * @param id    the last lead's id, non-null
 */
public record Keyset(Object value, LeadId id) {

    public Keyset {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(id, "id");
        if (!(value instanceof Instant || value instanceof String || value instanceof Integer)) {
            throw new IllegalArgumentException("unsupported keyset value " + value.getClass());
        }
    }
}
