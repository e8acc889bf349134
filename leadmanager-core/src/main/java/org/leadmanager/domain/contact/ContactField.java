package org.leadmanager.domain.contact;

/** A field of the contact card that criteria and assignment rules can look at. */
public enum ContactField {
    NAME,
    EMAIL,
    PHONE,
    COMPANY,
    CITY;

    /** The field's value on the card; may be null. */
    public String of(ContactCard card) {
        return switch (this) {
            case NAME -> card.name();
            case EMAIL -> card.email();
            case PHONE -> card.phone();
            case COMPANY -> card.company();
            case CITY -> card.city();
        };
    }
}
