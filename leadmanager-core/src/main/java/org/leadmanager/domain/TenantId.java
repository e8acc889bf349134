package org.leadmanager.domain;


/**
 * Identifies a tenant (one customer of the host CRM); every aggregate belongs to exactly one.
 *
 * @param value the host's key, non-blank, at most 64 characters
 */
public record TenantId(String value) implements Comparable<TenantId> {

    /** @throws NullPointerException if value is null; ValidationException if blank or too long */
    public TenantId {
        Ids.key(value, "TenantId");
    }

    /** Shorthand for {@code new TenantId(value)}. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
