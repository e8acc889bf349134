package org.leadmanager.domain.followup;

/** Life cycle of a follow-up. */
public enum FollowUpState {
    /** Shown in the overview until done; fires a reminder once when due. */
    OPEN,
    COMPLETED,
    CANCELLED
}
