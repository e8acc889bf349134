package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a project or product, i.e. one lead manager. Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record ProjectId(UUID value) implements Comparable<ProjectId> {

    /** @throws NullPointerException if value is null */
    public ProjectId {
        Objects.requireNonNull(value, "ProjectId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static ProjectId parse(String value) {
        return new ProjectId(UUID.fromString(Objects.requireNonNull(value, "ProjectId must not be null")));
    }

    @Override
    public int compareTo(ProjectId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
