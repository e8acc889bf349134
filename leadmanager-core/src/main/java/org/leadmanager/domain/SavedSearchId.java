package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a saved search. Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record SavedSearchId(UUID value) implements Comparable<SavedSearchId> {

    /** @throws NullPointerException if value is null */
    public SavedSearchId {
        Objects.requireNonNull(value, "SavedSearchId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static SavedSearchId parse(String value) {
        return new SavedSearchId(UUID.fromString(Objects.requireNonNull(value, "SavedSearchId must not be null")));
    }

    @Override
    public int compareTo(SavedSearchId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
