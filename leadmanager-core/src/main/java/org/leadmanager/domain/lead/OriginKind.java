package org.leadmanager.domain.lead;

/** How a contact became a lead. */
public enum OriginKind {
    /** Automatically, as member of a contact group bound to the project; reference = group id. */
    GROUP,
    /** By hand, by a user. */
    MANUAL,
    /** Through a response to a marketing action; reference = action id. */
    ACTION
}
