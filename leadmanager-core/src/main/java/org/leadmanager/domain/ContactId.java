package org.leadmanager.domain;


/**
 * Identifies a contact owned by the host CRM.
 *
 * @param value the host's key, non-blank, at most 64 characters
 */
public record ContactId(String value) implements Comparable<ContactId> {

    /** @throws NullPointerException if value is null; ValidationException if blank or too long */
    public ContactId {
        Ids.key(value, "ContactId");
    }

    /** Shorthand for {@code new ContactId(value)}. */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public int compareTo(ContactId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
