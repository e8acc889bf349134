package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a follow-up (Wiedervorlage). Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record FollowUpId(UUID value) implements Comparable<FollowUpId> {

    /** @throws NullPointerException if value is null */
    public FollowUpId {
        Objects.requireNonNull(value, "FollowUpId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static FollowUpId parse(String value) {
        return new FollowUpId(UUID.fromString(Objects.requireNonNull(value, "FollowUpId must not be null")));
    }

    @Override
    public int compareTo(FollowUpId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
