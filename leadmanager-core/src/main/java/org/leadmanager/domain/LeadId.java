package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a lead (one contact qualified for one project). Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record LeadId(UUID value) implements Comparable<LeadId> {

    /** @throws NullPointerException if value is null */
    public LeadId {
        Objects.requireNonNull(value, "LeadId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static LeadId parse(String value) {
        return new LeadId(UUID.fromString(Objects.requireNonNull(value, "LeadId must not be null")));
    }

    @Override
    public int compareTo(LeadId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
