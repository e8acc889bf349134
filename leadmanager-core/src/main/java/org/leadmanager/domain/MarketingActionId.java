package org.leadmanager.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a marketing action such as an e-mail campaign. Ordered as unsigned 128-bit numbers, the order databases use for UUIDs.
 *
 * @param value non-null
 */
public record MarketingActionId(UUID value) implements Comparable<MarketingActionId> {

    /** @throws NullPointerException if value is null */
    public MarketingActionId {
        Objects.requireNonNull(value, "MarketingActionId must not be null");
    }

    /** Parses the canonical UUID form. @throws IllegalArgumentException if it is not a UUID */
    public static MarketingActionId parse(String value) {
        return new MarketingActionId(UUID.fromString(Objects.requireNonNull(value, "MarketingActionId must not be null")));
    }

    @Override
    public int compareTo(MarketingActionId other) {
        int high = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
