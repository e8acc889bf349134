package org.leadmanager.domain.lead;

/**
 * Why the library erased what it held about a contact: a closed set, so that the erasure's audit trail (its
 * {@code LeadErased} events and log lines) never carries free text that could itself name the person.
 */
public enum ErasureReason {
    /** The person asked to be erased (GDPR Art. 17), as the host recorded it. */
    REQUEST,
    /** The host deleted the contact ({@code Privacy.contactDeleted}). */
    CONTACT_DELETED,
    /** A retention rule of the lead's project: the lead was kept as long as the rule allows. */
    RETENTION
}
