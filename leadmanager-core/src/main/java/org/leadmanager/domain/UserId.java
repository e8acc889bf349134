package org.leadmanager.domain;


/**
 * Identifies an employee (user) of the host CRM.
 *
 * @param value the host's key, non-blank, at most 64 characters
 */
public record UserId(String value) implements Comparable<UserId> {

    /** @throws NullPointerException if value is null; ValidationException if blank or too long */
    public UserId {
        Ids.key(value, "UserId");
    }

    /** Shorthand for {@code new UserId(value)}. */
    public static UserId of(String value) {
        return new UserId(value);
    }

    @Override
    public int compareTo(UserId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
