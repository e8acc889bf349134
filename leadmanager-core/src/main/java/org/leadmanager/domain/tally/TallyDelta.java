package org.leadmanager.domain.tally;

import java.util.Objects;
import org.leadmanager.domain.ProjectId;

/**
 * A change of one kept number of a project.
 *
 * @param project the project, non-null
 * @param key     which number, non-null
 * @param delta   what to add; never 0 in what {@link Tallies} derives
 */
public record TallyDelta(ProjectId project, TallyKey key, long delta) {

    public TallyDelta {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(key, "key");
    }
}
