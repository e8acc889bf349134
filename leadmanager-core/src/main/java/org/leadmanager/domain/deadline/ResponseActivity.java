package org.leadmanager.domain.deadline;

/** What the owner of a lead may do that counts as the first response and stops its clock. */
public enum ResponseActivity {
    /** A status change out of the project's default status. */
    STATUS_CHANGE,
    /** A note added to the lead. */
    NOTE,
    /** A follow-up of the lead completed. */
    FOLLOW_UP_COMPLETED
}
