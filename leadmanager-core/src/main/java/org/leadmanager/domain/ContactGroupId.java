package org.leadmanager.domain;


/**
 * Identifies a contact group owned by the host CRM.
 *
 * @param value the host's key, non-blank, at most 64 characters
 */
public record ContactGroupId(String value) implements Comparable<ContactGroupId> {

    /** @throws NullPointerException if value is null; ValidationException if blank or too long */
    public ContactGroupId {
        Ids.key(value, "ContactGroupId");
    }

    /** Shorthand for {@code new ContactGroupId(value)}. */
    public static ContactGroupId of(String value) {
        return new ContactGroupId(value);
    }

    @Override
    public int compareTo(ContactGroupId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
