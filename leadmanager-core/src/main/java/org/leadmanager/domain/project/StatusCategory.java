package org.leadmanager.domain.project;

/** The meaning of a status across projects. */
public enum StatusCategory {
    /** Still being worked. */
    OPEN,
    /** Converted to a customer. */
    WON,
    /** Disqualified. */
    LOST
}
