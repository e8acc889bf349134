package org.leadmanager;

import org.leadmanager.domain.ContactId;
import org.leadmanager.domain.LeadId;

/**
 * What a bulk call did with one contact.
 *
 * @param contact the input item
 * @param kind    added, already a lead, or rejected
 * @param lead    the new lead when added; null otherwise
 * @param reason  why it was rejected; null otherwise
 */
public record ItemOutcome(ContactId contact, Kind kind, LeadId lead, String reason) {

    /** The three outcomes of a bulk item. */
    public enum Kind {
        ADDED,
        ALREADY_LEAD,
        REJECTED
    }
}
