package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an internal note on a lead. Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record NoteId(UUID value) implements Comparable<NoteId> {

    /** @throws NullPointerException if value is null */
    public NoteId {
        Objects.requireNonNull(value, "NoteId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static NoteId parse(String value) {
        return new NoteId(UUID.fromString(Objects.requireNonNull(value, "NoteId must not be null")));
    }

    @Override
    public int compareTo(NoteId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
